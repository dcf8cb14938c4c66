/**
 * `npm run test:integrity`: the two-way check, as rustlings does it.
 *
 *  1. `src/` and `solutions/` have the same files and export the same API.
 *  2. Every stub throws the error that names its kata and lesson.
 *  3. Kata by kata, in a scratch copy of the repository where the katas
 *     before kata k are solved (their solution files copied into `src/`) and
 *     the rest are still stubs: kata k fails, and kata k−1 passes, with every
 *     test inside `describe("<kata id>", …)`. So the shipped stubs fail every
 *     kata, every kata passes on the reference solutions, and a learner who
 *     copies the solutions in one kata at a time sees `npm run kata` advance
 *     by exactly one kata. There, too, each solved kata registers exactly the
 *     tests `katas/registered-tests.json` lists, which grading requires.
 *     And kata k's lesson shows, in its Red section, the count of tests
 *     passing that a learner will see first.
 *  4. `katas/tests.sha256` is up to date, and the grader's rules
 *     (`grade/policy.ts`) refuse nothing of the reference solutions.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { kataIn, scratchTree } from "../core/scratch-tree.ts";
import { bold, green, red } from "../core/style.ts";
import { buildManifest, MANIFEST } from "../grade/manifest.ts";
import { policyProblems } from "../grade/policy.ts";
import { REGISTERED, type Registered, registeredFrom, registeredJson } from "../grade/registered.ts";
import { strayTests, summarize } from "../runner/kata-results.ts";
import { type RunResult, runTests } from "../runner/run-tests.ts";
import { apiDifferences } from "./api-parity.ts";
import { stubProblems } from "./stubs.ts";

const COMMAND = {
  name: "test:integrity",
  usage: "npm run test:integrity",
  summary:
    "Check the course both ways: src/ and solutions/ share one API, every stub names its kata, and with the katas before it solved each kata fails on its stub and the one before passes.",
  flags: {},
} as const;

/** Step k: a tree with the first k katas solved, in which kata k−1 must pass and kata k must fail. */
interface Step {
  k: number;
  root: string;
  previous?: Kata;
  current?: Kata;
}

/** The counts in a lesson's "✖ NN-slug  P/N tests pass" line: what its Red section says a learner sees first. */
function lessonCounts(kata: Kata): { passed: number; total: number } | undefined {
  const line = new RegExp(`✖ ${kata.id} +(\\d+)/(\\d+) tests pass`).exec(readFileSync(join(repoRoot, kata.lesson), "utf8"));
  return line ? { passed: Number(line[1]), total: Number(line[2]) } : undefined;
}

function verdict(step: Step, run: RunResult, registered: Registered): { ok: boolean; line: string } {
  const { k, root, previous, current } = step;
  const [before, now] = [previous && summarize(previous, run, root), current && summarize(current, run, root)];
  const label = `${k} solved`.padEnd(10);
  const problems: string[] = [];
  if (before && !before.passed) {
    problems.push(
      `${previous?.id} should pass but fails: ${before.firstFailure?.test}\n      ${before.firstFailure?.message.split("\n")[0]}`,
    );
  }
  const strays = previous ? strayTests(previous, run) : [];
  if (strays.length > 0)
    problems.push(`${previous?.id}: ${strays.length} test(s) are not inside describe("${previous?.id}", …): ${strays[0]}`);
  if (now?.passed) problems.push(`${current?.id} should fail on its stubs but passes`);
  const shown = current && lessonCounts(current);
  if (current && now && shown && (shown.passed !== now.testsPassed || shown.total !== now.testsTotal)) {
    problems.push(
      `${current.lesson} shows "${shown.passed}/${shown.total} tests pass", but a learner sees ${now.testsPassed}/${now.testsTotal}: correct its Red section`,
    );
  }
  if (
    previous &&
    before?.passed &&
    registeredJson(registeredFrom([previous], run)) !== registeredJson({ [previous.id]: registered[previous.id] ?? {} })
  ) {
    problems.push(`${previous.id} registers other tests than ${REGISTERED} lists: run npm run manifest, and commit it`);
  }
  if (problems.length > 0) return { ok: false, line: `${red("✖")} ${label} ${problems.join("; ")}` };
  const parts = [
    before && `${previous?.id} passes (${before.testsTotal} tests)`,
    now && `${current?.id} fails (${now.testsTotal - now.testsPassed}/${now.testsTotal} tests fail)`,
  ].filter(Boolean);
  return { ok: true, line: `${green("✔")} ${label} ${parts.join(", ")}` };
}

runCommand(COMMAND, async () => {
  const katas = listKatas();
  const problems = [...apiDifferences(repoRoot), ...stubProblems(repoRoot, katas)];
  console.log(bold("API parity of src/ and solutions/, and the stubs"));
  if (problems.length > 0) {
    for (const problem of problems) console.log(`${red("✖")} ${problem}`);
    return 1;
  }
  console.log(`${green("✔")} same files, same exports, same types; every stub names its kata\n`);

  console.log(bold("What grading checks against"));
  if (readFileSync(join(repoRoot, MANIFEST), "utf8") !== buildManifest(repoRoot)) {
    console.log(`${red("✖")} ${MANIFEST} is out of date: run npm run manifest, and commit it`);
    return 1;
  }
  console.log(`${green("✔")} ${MANIFEST} holds the hash of every file that decides a grade\n`);
  const registered = JSON.parse(readFileSync(join(repoRoot, REGISTERED), "utf8")) as Registered;

  console.log(bold("Kata by kata: with the katas before it solved, each kata fails, and the one before passes"));
  const steps: Step[] = Array.from({ length: katas.length + 1 }, (_, k) => {
    const root = scratchTree(katas.slice(0, k), undefined, { tools: "runner" });
    const [previous, current] = [katas[k - 1], katas[k]].map((kata) => kata && kataIn(root, kata));
    return { k, root, previous, current };
  });
  try {
    // Every step's files in one pool, one per core; each step is reported, in order, once its files are done.
    const files = steps.flatMap((step) =>
      [step.previous, step.current].flatMap(
        (kata) => kata?.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs, cwd: step.root })) ?? [],
      ),
    );
    const pending = new Set(files.map((file) => file.path));
    const done: RunResult = { files: [], tests: [] };
    let reported = 0;
    let ok = true;
    const report = () => {
      while (reported < steps.length) {
        const step = steps[reported];
        const stepFiles = [step.previous, step.current].flatMap((kata) => kata?.tests ?? []);
        if (stepFiles.some((path) => pending.has(path))) return;
        const { ok: stepOk, line } = verdict(step, done, registered);
        ok &&= stepOk;
        console.log(line);
        reported++;
      }
    };
    await runTests({
      files,
      impl: "src",
      bundle: true,
      onFile: (run) => {
        pending.delete(run.file);
        done.files.push(run);
        done.tests.push(...run.tests);
        report();
      },
    });
    const solved = steps[katas.length].root;
    const refused = policyProblems(
      solved,
      katas,
      katas.flatMap((kata) => kata.files),
    );
    for (const problem of refused)
      console.log(`${red("✖")} the grader would refuse the reference solution: ${problem.file} line ${problem.line} ${problem.message}`);
    if (refused.length === 0) console.log(`${green("✔")} the grader's rules refuse nothing of the reference solutions`);
    return ok && refused.length === 0 ? 0 : 1;
  } finally {
    for (const step of steps) rmSync(step.root, { recursive: true, force: true });
  }
});
