import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { processesMentioning } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { runTests } from "./run-tests.ts";

/** Test files written for the occasion: name → source. */
function testFiles(sources: Record<string, string>): string[] {
  const dir = tempDir("runner");
  return Object.entries(sources).map(([name, source]) => {
    const path = join(dir, `${name}.test.ts`);
    writeFileSync(path, `import { describe, it } from "node:test";\n${source}\n`);
    return path;
  });
}

/** Run `source` as one test file with a `timeoutMs` limit; its records and its problem. */
async function runOne(source: string, timeoutMs = 10_000) {
  const [path] = testFiles({ one: source });
  const run = await runTests({ files: [{ path, timeoutMs }], impl: "solutions" });
  const [file] = run.files;
  return { file, tests: file.tests.map((t) => ({ path: t.path.join(" › "), passed: t.passed, error: t.error })) };
}

describe("the test runner", () => {
  it("records each test of a file, passed or failed with its message", async () => {
    const { file, tests } = await runOne(`describe("s", () => { it("good", () => {}); it("bad", () => { throw new Error("nope"); }); });`);
    assert.equal(file.problem, undefined);
    assert.deepEqual(tests, [
      { path: "s › good", passed: true, error: undefined },
      { path: "s › bad", passed: false, error: "nope" },
    ]);
  });

  it("stops a file that loops forever at its time limit, names the test that was running, and leaves no process behind", async () => {
    const started = Date.now();
    const { file, tests } = await runOne(`describe("s", () => { it("first", () => {}); it("spins", () => { for (;;) {} }); });`, 5000);
    assert.deepEqual(file.problem, { kind: "timeout", timeoutMs: 5000 });
    // A loop blocks the process before the reporter hears of the tests that passed: the last record is what counts.
    assert.deepEqual(tests.at(-1), {
      path: "s › spins",
      passed: false,
      error: "timed out: this test file ran longer than 5 s and was stopped",
    });
    assert.ok(tests.slice(0, -1).every((test) => test.passed));
    assert.ok(Date.now() - started < 15_000, "stopped at its limit");
    assert.deepEqual(processesMentioning(file.file), []);
  });

  it("stops a test that waits forever, as one that loops", async () => {
    const { tests } = await runOne(`it("waits", async () => { await new Promise((resolve) => setInterval(() => {}, 1000)); });`, 5000);
    assert.deepEqual(tests, [{ path: "waits", passed: false, error: "timed out: this test file ran longer than 5 s and was stopped" }]);
  });

  it("fails a file whose process ends early, naming the test that ended it", async () => {
    const { file, tests } = await runOne(`it("ok", () => {}); it("exits", () => { process.exit(0); }); it("never runs", () => {});`);
    assert.deepEqual(file.problem, { kind: "ended", code: 0, signal: null });
    assert.equal(tests.at(-1)?.path, "exits");
    assert.match(tests.at(-1)?.error ?? "", /ended the process early \(process\.exit\?\)/);
    assert.ok(!tests.some((test) => test.path === "never runs"));
  });

  it("fails a file that crashes as it loads, with what it printed", async () => {
    const { file, tests } = await runOne(`throw new Error("boom while loading");`);
    assert.equal(file.problem?.kind, "ended");
    assert.equal(tests.length, 1);
    assert.equal(tests[0].path, file.file, "the record stands for the whole file");
    assert.match(
      tests[0].error ?? "",
      /^an error that nothing caught ended the test process before its tests could run:\nError: boom while loading\n/,
    );
    assert.doesNotMatch(tests[0].error ?? "", /node:internal|Node\.js v\d/, "without Node's own frames and version");
  });

  it("fails a suite that throws while its tests are registered, instead of dropping it", async () => {
    const { tests } = await runOne(
      `describe("s", () => { it("fine", () => {}); }); describe("broken", () => { throw new Error("in describe"); });`,
    );
    assert.deepEqual(tests, [
      { path: "s › fine", passed: true, error: undefined },
      { path: "broken", passed: false, error: "in describe" },
    ]);
  });

  it("counts a skipped or todo test as a failure, and a file with no test as one", async () => {
    assert.deepEqual(
      (await runOne(`it.skip("later", () => {}); it.todo("some day");`)).tests.map((t) => t.passed),
      [false, false],
    );
    const empty = await runOne("export {};");
    assert.deepEqual(empty.file.problem, { kind: "empty" });
    assert.match(empty.tests[0].error ?? "", /reported no tests/);
  });

  it("lets a file end once its tests are done, though a timer would keep it alive, and kills what it started", async () => {
    const marker = join(tempDir("runner"), "straggler");
    const { file, tests } = await runOne(
      `import { spawn } from "node:child_process";\n` +
        `it("starts things", () => { spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", ${JSON.stringify(marker)}], { stdio: "ignore" }); setInterval(() => {}, 1000); });`,
      20_000,
    );
    assert.equal(file.problem, undefined);
    assert.deepEqual(tests, [{ path: "starts things", passed: true, error: undefined }]);
    assert.ok(file.durationMs < 10_000, "it did not wait for its time limit");
    assert.deepEqual(processesMentioning(marker), [], "the child it started is gone");
  });

  it("runs files in parallel, each with its own limit, and keeps their order", async () => {
    const paths = testFiles({ a: `it("a", () => {});`, b: `it("b", () => { for (;;) {} });`, c: `it("c", () => {});` });
    const run = await runTests({
      files: paths.map((path, i) => ({ path, timeoutMs: i === 1 ? 5000 : 20_000 })),
      impl: "solutions",
      concurrency: 3,
    });
    assert.deepEqual(
      run.files.map((f) => f.file),
      paths,
    );
    assert.deepEqual(
      run.tests.map((t) => [t.path.join(), t.passed]),
      [
        ["a", true],
        ["b", false],
        ["c", true],
      ],
    );
  });
});
