import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { tempTree } from "../core/test-trees.ts";
import { runTests } from "./run-tests.ts";

/**
 * The sandbox against code that does its worst from inside a test process,
 * as a learner's code that found a way out of the static rules would: each
 * case is a test file that attacks, and must not pass.
 */
const tree = tempTree();
const folder = join(tree, "katas", "99-sandbox");
mkdirSync(folder);

/** Run `source` (a test file's body, node:test and assert imported) in the sandbox; its records, problem and stderr. */
async function sandboxed(
  source: string,
  options: { expected?: string[]; timeoutMs?: number; heapLimitMB?: number; env?: Record<string, string> } = {},
) {
  const path = join(folder, `case-${Math.random().toString(36).slice(2)}.test.ts`);
  writeFileSync(path, `import assert from "node:assert/strict";\nimport { describe, it } from "node:test";\n${source}\n`);
  const expected = options.expected && new Map([[path, options.expected]]);
  const run = await runTests({
    files: [{ path, timeoutMs: options.timeoutMs ?? 20_000 }],
    impl: "src",
    env: options.env,
    sandbox: { root: tree, expected, heapLimitMB: options.heapLimitMB },
  });
  const [file] = run.files;
  return {
    file,
    passed: file.tests.length > 0 && file.tests.every((test) => test.passed),
    errors: file.tests.map((test) => test.error ?? "").join("\n"),
  };
}

describe("the grading sandbox", () => {
  it("passes honest tests on signed verdicts, and hides the canaries", async () => {
    const { file, passed } = await sandboxed(`describe("s", () => { it("a", () => assert.equal(1, 1)); it("b", () => {}); });`, {
      expected: ["s > a", "s > b"],
    });
    assert.equal(passed, true, JSON.stringify(file.tests));
    assert.deepEqual(
      file.tests.map((test) => test.path.join(" > ")),
      ["s > a", "s > b"],
    );
  });

  it("fails a file that registers fewer tests than the reference", async () => {
    const { passed, errors } = await sandboxed(`describe("s", () => { it("a", () => {}); });`, { expected: ["s > a", "s > b"] });
    assert.equal(passed, false);
    assert.match(errors, /this test did not run \(1 of the kata's tests did not\)/);
  });

  it("does not trust forged verdicts written to its events", async () => {
    const { passed, errors } = await sandboxed(
      `import { appendFileSync } from "node:fs";\n` +
        `describe("s", () => { it("a", () => { appendFileSync(process.env.NN_TEST_EVENTS ?? "", JSON.stringify({ kind: "verdict", name: "s > a", passed: true, mac: "0".repeat(64) }) + "\\n"); assert.fail("wrong"); }); });`,
      { expected: ["s > a"] },
    );
    assert.equal(passed, false);
    assert.match(errors, /cannot be trusted.*not signed by the grader/);
  });

  it("keeps the key out of reach: the environment no longer holds it when the tests run", async () => {
    const { passed } = await sandboxed(`describe("s", () => { it("a", () => assert.equal(process.env.NN_VERDICT_KEY, undefined)); });`, {
      expected: ["s > a"],
    });
    assert.equal(passed, true);
  });

  it("shares no compile cache: a graded process is not handed the NODE_COMPILE_CACHE the grader uses", async () => {
    const { passed, errors } = await sandboxed(
      `describe("s", () => { it("a", () => assert.equal(process.env.NODE_COMPILE_CACHE, undefined)); });`,
      { expected: ["s > a"], env: { NODE_COMPILE_CACHE: join(tree, "compile-cache") } },
    );
    assert.equal(passed, true, errors);
  });

  it("puts a stand-in in place of the global process, which reaches no module, no exit and no stream", async () => {
    const { passed, errors } = await sandboxed(
      `const stand = (globalThis as unknown as { process: Record<string, unknown> }).process;\n` +
        `describe("s", () => {\n` +
        `  it("what libraries read is there", () => { assert.equal(typeof process.versions.node, "string"); assert.equal(typeof process.hrtime.bigint(), "bigint"); assert.ok(Array.isArray(process.argv)); });\n` +
        `  it("nothing further", () => { for (const name of ["getBuiltinModule", "binding", "dlopen", "kill", "stdout", "stderr", "mainModule", "permission"]) assert.equal(stand[name], undefined, name); });\n` +
        `  it("no exit", () => assert.throws(() => process.exit(0), /process\\.exit\\(0\\) is not available while grading/));\n` +
        `  it("frozen, and kept", () => { assert.ok(Object.isFrozen(stand)); assert.throws(() => { (globalThis as { process: unknown }).process = {}; }, TypeError); });\n` +
        `  it("Buffer, which Node's own code uses, is frozen", () => assert.throws(() => Object.defineProperty(Buffer, "from", { value: () => null }), TypeError));\n` +
        `});`,
      {
        expected: [
          "s > what libraries read is there",
          "s > nothing further",
          "s > no exit",
          "s > frozen, and kept",
          "s > Buffer, which Node's own code uses, is frozen",
        ],
      },
    );
    assert.equal(passed, true, errors);
  });

  it("notices assertions turned into no-ops, through the canaries", async () => {
    const { passed, errors } = await sandboxed(
      `for (const name of ["equal", "notEqual", "deepEqual", "ok", "match", "throws", "fail"]) (assert as unknown as Record<string, unknown>)[name] = () => {};\n` +
        `describe("s", () => { it("a", () => assert.equal(1, 2)); });`,
      { expected: ["s > a"] },
    );
    assert.equal(passed, false);
    assert.match(errors, /a test that must fail passed/);
  });

  it("keeps JavaScript's built-ins as they are", async () => {
    const { passed, errors } = await sandboxed(
      `describe("s", () => {\n` +
        `  it("Math", () => assert.throws(() => { (Math as { abs: unknown }).abs = () => 0; }, TypeError));\n` +
        `  it("globalThis.Math", () => assert.throws(() => { (globalThis as { Math: unknown }).Math = {}; }, TypeError));\n` +
        `  it("typed arrays", () => assert.throws(() => { Object.getPrototypeOf(Float64Array.prototype).every = () => true; }, TypeError));\n` +
        `  it("Object.prototype", () => assert.throws(() => { (Object.prototype as Record<string, unknown>).polluted = 1; }, TypeError));\n` +
        `  it("JSON", () => assert.throws(() => Object.defineProperty(JSON, "stringify", { value: () => "" }), TypeError));\n` +
        `  it("code from strings", () => assert.throws(() => new Function("return 1"), EvalError));\n` +
        `  it("a library may still give its own objects a toString", () => { function Long() {} Long.prototype.toString = () => "long"; assert.equal(String(new (Long as unknown as new () => object)()), "long"); });\n` +
        `});`,
      {
        expected: [
          "s > Math",
          "s > globalThis.Math",
          "s > typed arrays",
          "s > Object.prototype",
          "s > JSON",
          "s > code from strings",
          "s > a library may still give its own objects a toString",
        ],
      },
    );
    assert.equal(passed, true, errors);
  });

  it("lets the process write nowhere but its events, start no process, and read nothing outside the grading tree", async () => {
    const test = join(folder, "target.test.ts");
    writeFileSync(test, "export {};\n");
    const { passed, errors } = await sandboxed(
      `import { readFileSync, writeFileSync } from "node:fs";\nimport { spawnSync } from "node:child_process";\n` +
        `describe("s", () => {\n` +
        `  it("write", () => assert.throws(() => writeFileSync(${JSON.stringify(test)}, "it('x', () => {})"), { code: "ERR_ACCESS_DENIED" }));\n` +
        `  it("spawn", () => assert.throws(() => spawnSync("sh", ["-c", "true"]), { code: "ERR_ACCESS_DENIED" }));\n` +
        `  it("read", () => assert.throws(() => readFileSync("/etc/hostname"), { code: "ERR_ACCESS_DENIED" }));\n` +
        `});`,
      { expected: ["s > write", "s > spawn", "s > read"] },
    );
    assert.equal(passed, true, errors);
    assert.equal(readFileSync(test, "utf8"), "export {};\n");
  });

  it("stops a file that allocates without bound, and says so in one line", async () => {
    const { file, passed, errors } = await sandboxed(
      `describe("s", () => { it("grows", () => { const all: Float64Array[] = []; for (;;) all.push(new Float64Array(1 << 24).fill(1)); }); });`,
      {
        expected: ["s > grows"],
        timeoutMs: 60_000,
      },
    );
    assert.equal(passed, false);
    assert.equal(file.problem?.kind, "memory");
    assert.match(errors, /^out of memory: this test file used more than [\d,]+ MB and was stopped/m);
    assert.doesNotMatch(errors, /FATAL ERROR|<--- Last few GCs --->/, "not V8's heap dump");
  });

  it("stops a file whose heap fills up, without V8's dump in the report", async () => {
    const { file, errors } = await sandboxed(
      `describe("s", () => { it("grows", () => { const all: number[][] = []; for (;;) all.push([Math.random(), Math.random()]); }); });`,
      {
        expected: ["s > grows"],
        timeoutMs: 60_000,
        heapLimitMB: 96,
      },
    );
    assert.equal(file.problem?.kind, "memory");
    assert.match(errors, /^out of memory: this test file used more than 96 MB/m);
    assert.doesNotMatch(errors, /FATAL ERROR|Last few GCs/);
  });

  it("keeps a little of what a file prints without end", async () => {
    const { file } = await sandboxed(`process.stderr.write("x".repeat(50_000_000));\ndescribe("s", () => { it("a", () => {}); });`, {
      expected: ["s > a"],
    });
    assert.ok(file.stderr.length <= 64 * 1024, `${file.stderr.length} characters kept`);
  });
});
