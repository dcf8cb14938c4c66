import assert from "node:assert/strict";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir, tempTree } from "../core/test-trees.ts";
import { submission, templateRepo } from "./test-submissions.ts";

/**
 * `npm run grade -- --roster DIR`: a class of learners, graded one after
 * another from the instructor's checkout, into a gradebook. Among them, code
 * that hangs, code that crashes, code that allocates without bound and code
 * that prints without end: each costs its own kata and nothing else.
 */
const all = listKatas();
const solution = (file: string) => readFileSync(join(repoRoot, "solutions", file), "utf8");

/** `solutions/<file>` with `code` put first in the body of `fn`. */
function inside(file: string, fn: string, code: string): string {
  const text = solution(file);
  const patched = text.replace(new RegExp(`export function ${fn}\\([^{]*\\{`), `$&\n  ${code}`);
  assert.notEqual(patched, text, `the test's patch applies to ${fn} in solutions/${file}`);
  return patched;
}

describe("npm run grade -- --roster", () => {
  it("grades every learner, whatever one learner's code does, into gradebook.csv and a report each", async () => {
    // The instructor's checkout, with kata 04's time limit lowered so that the test does not wait 30 s
    // (but not so low that an honest kata 04 runs out of time on a busy machine).
    const instructor = tempTree();
    writeFileSync(join(instructor, "katas", "04-sigmoid", "kata.json"), JSON.stringify({ files: ["sigmoid.ts"], timeoutSeconds: 8 }));
    const template = await templateRepo();
    const roster = tempDir("roster");
    const learner = (name: string, patch: Record<string, string> = {}, solved = all) =>
      submission(template, { solved, patch, dir: join(roster, name) });
    learner("ada", { "src/matrix.ts": `setInterval(() => {}, 1000); // a timer left running\n${solution("matrix.ts")}` });
    learner("bob", {}, []);
    learner("cy", { "src/sigmoid.ts": inside("sigmoid.ts", "sigmoid", "for (;;) {}") });
    learner("dee", { "src/random.ts": `throw new Error("dee's random.ts is broken");\n${solution("random.ts")}` });
    // In createNetwork, which one test file of kata 05 calls: each file that runs it fills 2 GB before it is stopped.
    learner("eve", {
      "src/network.ts": inside(
        "network.ts",
        "createNetwork",
        "const hoard: Float64Array[] = []; for (;;) hoard.push(new Float64Array(1 << 24).fill(1));",
      ),
    });
    learner("fay", { "src/perceptron.ts": `console.log("chatty ".repeat(10_000_000));\n${solution("perceptron.ts")}` });

    const out = tempDir("gradebook");
    const run = await runProgram("grade/grade.ts", ["--roster", roster, "--out", out, "01", "04", "05"], { root: instructor });
    assert.equal(run.status, 0, run.output);

    const failure = (name: string, kata: string) => {
      const report = JSON.parse(readFileSync(join(out, name, "grade.json"), "utf8")) as {
        katas: { id: string; firstFailure: { message: string } | null }[];
      };
      return report.katas.find((k) => k.id === kata)?.firstFailure?.message ?? "";
    };
    assert.equal(
      readFileSync(join(out, "gradebook.csv"), "utf8"),
      [
        "learner,01-matrices,04-sigmoid,05-network,total,max,error",
        "ada,10,10,10,30,30,",
        "bob,0,0,0,0,30,",
        "cy,10,0,10,20,30,",
        "dee,10,10,0,20,30,",
        "eve,10,10,0,20,30,",
        "fay,10,10,10,30,30,",
        "",
      ].join("\n"),
      // On a mismatch, why each kata was lost.
      ["ada", "bob", "cy", "dee", "eve", "fay"]
        .flatMap((name) => ["01-matrices", "04-sigmoid", "05-network"].map((kata) => [name, kata, failure(name, kata)]))
        .filter(([, , message]) => message !== "")
        .map(([name, kata, message]) => `${name} ${kata}: ${message.slice(0, 300)}`)
        .join("\n"),
    );
    assert.match(failure("bob", "01-matrices"), /^Not implemented: matrix/);
    assert.match(failure("cy", "04-sigmoid"), /^timed out: this test file ran longer than 8 s and was stopped/);
    assert.match(
      failure("dee", "05-network"),
      /^an error that nothing caught ended the test process before its tests could run:\nError: dee's random\.ts is broken/,
    );
    assert.match(
      failure("eve", "05-network"),
      /^out of memory: this test file used more than [\d,]+ MB and was stopped\. Look for an array or a matrix that grows without end\./,
    );
    assert.doesNotMatch(failure("eve", "05-network"), /FATAL ERROR|Last few GCs/, "not V8's heap dump");
    for (const name of ["ada", "bob", "cy", "dee", "eve", "fay"]) {
      for (const file of ["grade.json", "junit.xml", "summary.md"]) {
        const bytes = statSync(join(out, name, file)).size;
        assert.ok(bytes < 200_000, `${name}/${file} stays small (${bytes} bytes), whatever the code printed`);
      }
    }
    assert.match(run.stdout, /learner +01 +04 +05 +total\nada +10 +10 +10 +30\/30\nbob +· +· +· +0\/30\ncy +10 +· +10 +20\/30/);
    assert.match(run.stdout, /6 learner\(s\) graded\. Wrote .*gradebook\.csv/);
  });
});
