import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { processesMentioning, runCourse, startCourse } from "./processes.ts";
import { tempDir } from "./test-trees.ts";

/** A course script written for the occasion. */
function script(source: string): string {
  const path = join(tempDir("processes"), "script.ts");
  writeFileSync(path, source);
  return path;
}

/** Source that starts a child that would sleep for a minute, its command line naming `marker`. */
const startStraggler = (marker: string) =>
  `import { spawn } from "node:child_process";\nspawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)", ${JSON.stringify(marker)}], { stdio: "ignore" }).unref();\n`;

describe("course processes", () => {
  it("run a script with #nn/* resolved to the implementation asked for, and return what it printed", async () => {
    const path = script(
      `import { stubMessage } from "${join(import.meta.dirname, "stub-message.ts")}";\nconsole.log(process.execArgv.join(" ")); console.error("to stderr"); process.exitCode = 3;`,
    );
    const solutions = await runCourse({ script: path, impl: "solutions" });
    assert.equal(solutions.code, 3);
    assert.match(solutions.stdout, /--import tsx --conditions=solutions/);
    assert.equal(solutions.stderr, "to stderr\n");
    const src = await runCourse({ script: path, impl: "src" });
    assert.doesNotMatch(src.stdout, /conditions/);
  });

  it("kill what a child started once the child exits", async () => {
    const marker = join(tempDir("processes"), "straggler");
    const run = await runCourse({ script: script(startStraggler(marker)), impl: "src" });
    assert.equal(run.code, 0);
    assert.deepEqual(processesMentioning(marker), []);
  });

  it("stop a child that runs out of time, and everything it started", async () => {
    const marker = join(tempDir("processes"), "straggler");
    const started = Date.now();
    const run = await runCourse({ script: script(`${startStraggler(marker)}for (;;) {}`), impl: "src", timeoutMs: 1500 });
    assert.equal(run.timedOut, true);
    assert.ok(run.signal === "SIGTERM" || run.signal === "SIGKILL", `ended by ${run.signal}`);
    assert.ok(Date.now() - started < 8000);
    assert.deepEqual(processesMentioning(marker), []);
  });

  it("keep only the first bytes of a child that prints without end", async () => {
    const run = await runCourse({ script: script(`process.stdout.write("x".repeat(5_000_000));`), impl: "src", outputLimit: 1000 });
    assert.equal(run.stdout.length, 1000);
    assert.equal(run.truncated, true);
  });

  it("end with their parent: a parent that is interrupted takes its children's groups with it", async () => {
    const marker = join(tempDir("processes"), "grandchild");
    const parent = script(
      `import { startCourse } from "${join(import.meta.dirname, "processes.ts")}";\n` +
        `startCourse({ script: ${JSON.stringify(script(`${startStraggler(marker)}setInterval(() => {}, 1000);`))}, impl: "src" });\n` +
        `setInterval(() => {}, 1000); console.log("ready");`,
    );
    const { child, finished } = startCourse({ script: parent, impl: "src" });
    await new Promise<void>((resolve) => child.stdout?.once("data", () => resolve()));
    // Give the grandchild's own child time to start, then interrupt the parent alone, as a terminal's Ctrl-C would.
    for (let i = 0; i < 50 && processesMentioning(marker).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(processesMentioning(marker).length, 1, "the grandchild's child is running");
    child.kill("SIGINT");
    const run = await finished;
    assert.equal(run.code, 130);
    assert.deepEqual(processesMentioning(marker), []);
  });
});
