/**
 * `npm run test:integrity`: the two-way check, as rustlings does it.
 *
 *  1. `src/` and `solutions/` have the same files and export the same API.
 *  2. Every stub throws the error that names its kata and lesson.
 *  3. Kata by kata, in a scratch copy of the repository where the katas
 *     before kata k are solved (their solution files copied into `src/`) and
 *     the rest are still stubs: kata k fails, and kata k−1 passes. So the
 *     shipped stubs fail every kata, and a learner who copies the solutions in
 *     one kata at a time sees `npm run kata` advance by exactly one kata.
 */
import { rmSync } from "node:fs";
import { apiDifferences } from "./api-parity.ts";
import { runMain } from "../core/cli.ts";
import { summarize } from "../runner/kata-results.ts";
import { type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runTests } from "../runner/run-tests.ts";
import { scratchTree } from "../core/scratch-tree.ts";
import { stubProblems } from "./stubs.ts";
import { bold, green, red } from "../core/style.ts";
import { inParallel } from "../core/parallel.ts";

async function main(): Promise<number> {
  const katas = listKatas();
  const problems = [...apiDifferences(repoRoot), ...stubProblems(repoRoot, katas)];
  console.log(bold("API parity of src/ and solutions/, and the stubs"));
  if (problems.length > 0) {
    for (const problem of problems) console.log(`${red("✖")} ${problem}`);
    return 1;
  }
  console.log(`${green("✔")} same files, same exports, same types; every stub names its kata\n`);

  console.log(bold("Kata by kata: with the katas before it solved, each kata fails, and the one before passes"));
  // One scratch tree per step, two at a time (one per core); reported in order.
  const steps = Array.from({ length: katas.length + 1 }, (_, k) => k);
  const verdicts = await inParallel(steps, 2, (k) => checkStep(katas, k));
  for (const verdict of verdicts) console.log(verdict.line);
  return verdicts.every((verdict) => verdict.ok) ? 0 : 1;
}

/** With the first k katas solved: kata k−1 passes and kata k fails. */
async function checkStep(katas: readonly Kata[], k: number): Promise<{ ok: boolean; line: string }> {
  const [previous, current] = [katas[k - 1], katas[k]];
  const root = scratchTree(katas.slice(0, k));
  const inTree = (kata: Kata): Kata => ({ ...kata, tests: kata.tests.map((t) => t.replace(repoRoot, root + "/")) });
  const checked = [previous, current].filter((kata): kata is Kata => kata !== undefined).map(inTree);
  const run = await runTests({
    files: checked.flatMap((kata) => kata.tests),
    impl: "src",
    timeoutMs: Math.max(...checked.map((kata) => kata.timeoutMs)),
    cwd: root,
  });
  rmSync(root, { recursive: true, force: true });
  const [before, now] = [previous && summarize(inTree(previous), run, root), current && summarize(inTree(current), run, root)];
  const label = `${k} solved`.padEnd(10);
  const problems: string[] = [];
  if (before && !before.passed) {
    problems.push(`${previous.id} should pass but fails: ${before.firstFailure?.test}\n      ${before.firstFailure?.message.split("\n")[0]}`);
  }
  if (now && (now.passed || now.testsTotal === 0)) {
    problems.push(`${current.id} should fail on its stubs but ${now.testsTotal === 0 ? "ran no test" : "passes"}`);
  }
  if (problems.length > 0) return { ok: false, line: `${red("✖")} ${label} ${problems.join("; ")}` };
  const parts = [
    before && `${previous.id} passes (${before.testsTotal} tests)`,
    now && `${current.id} fails (${now.testsTotal - now.testsPassed}/${now.testsTotal} tests fail)`,
  ].filter(Boolean);
  return { ok: true, line: `${green("✔")} ${label} ${parts.join(", ")}` };
}

runMain("integrity", main);
