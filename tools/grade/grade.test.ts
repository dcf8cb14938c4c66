import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir, tempTree } from "../core/test-trees.ts";

/**
 * `npm run grade` inside a repository: the learner's own feedback. These
 * tests grade a small course, four katas that are quick to run; the grader
 * treats it as it treats the whole one, in the same sandbox as a submission.
 * (Grading from the instructor's checkout: submission.test.ts, roster.test.ts
 * and attacks.test.ts.)
 */
const all = listKatas();
const katas = ["01", "03", "04", "05"].map((name) => findKata(all, name) as Kata);
/** A scratch copy of the small course: every src/ file a stub, or with `solved`, every one solved (what the four katas import included). */
const tree = (solved = false) => tempTree(solved ? all : [], katas);

interface GradeJson {
  source: string;
  note?: string;
  score: number;
  maxScore: number;
  katasPassed: number;
  katasTotal: number;
  tests: { sha256: string | null; changed: string[]; added: string[]; missing: string[] };
  katas: {
    id: string;
    passed: boolean;
    tests: { passed: number; total: number };
    points: number;
    maxPoints: number;
    durationSeconds: number;
    firstFailure: { test: string; message: string } | null;
    refusals: string[];
    testsSha256: string;
  }[];
}

/** Run `npm run grade` in `root` with its reports in a fresh folder; GITHUB_STEP_SUMMARY only when given. */
async function grade(root: string, args: string[], stepSummary?: string) {
  const out = join(root, "test-reports");
  const result = await runProgram("grade/grade.ts", ["--out", out, ...args], { root, env: { GITHUB_STEP_SUMMARY: stepSummary } });
  const read = (name: string) => (existsSync(join(out, name)) ? readFileSync(join(out, name), "utf8") : undefined);
  const json = read("grade.json");
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
    report: json === undefined ? undefined : (JSON.parse(json) as GradeJson),
    junit: read("junit.xml"),
    summary: read("summary.md"),
  };
}

/** The XML's elements nest properly, and no raw "<" or "&" hides in text or attributes. */
function assertWellFormedXml(xml: string): void {
  const open: string[] = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, "");
  for (const [, closing, name, attributes, selfClosing] of body.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g)) {
    assert.ok(attributes !== undefined);
    if (closing) assert.equal(open.pop(), name, `</${name}> closes the element that is open`);
    else if (!selfClosing) open.push(name);
  }
  assert.deepEqual(open, [], "every element is closed");
  const text = body.replace(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g, "");
  assert.doesNotMatch(text, /</, "no raw < outside tags");
  assert.doesNotMatch(body, /&(?!(amp|lt|gt|quot|apos);)/, "every & starts an entity");
}

describe("npm run grade, in a learner's own repository", () => {
  it("scores 0 of N on a fresh clone, exits 0, writes grade.json, junit.xml and the step summary, and says it proves nothing", async () => {
    const root = tree();
    const stepSummary = join(root, "step-summary.md");
    writeFileSync(stepSummary, "earlier step\n");
    const { status, stdout, report, junit, summary } = await grade(root, [], stepSummary);
    assert.equal(status, 0, stdout);
    assert.ok(report && junit && summary);
    assert.equal(report.katasTotal, katas.length);
    assert.deepEqual(
      report.katas.map((k) => k.id),
      katas.map((k) => k.id),
    );
    assert.equal(report.katasPassed, 0);
    assert.equal(report.score, 0);
    assert.equal(
      report.maxScore,
      report.katas.reduce((sum, k) => sum + k.maxPoints, 0),
    );
    for (const kata of report.katas) {
      assert.equal(kata.points, 0);
      assert.ok(kata.tests.total > 0, `${kata.id}: its tests ran`);
      assert.match(kata.firstFailure?.message ?? "", /^Not implemented: /, `${kata.id} fails on a stub`);
      assert.match(kata.testsSha256, /^[0-9a-f]{64}$/);
    }
    assert.notEqual(report.tests.sha256, null, "the report records the manifest it checked the tests against");
    assert.equal(report.source, "self");
    assert.match(
      report.note ?? "",
      /feedback for the learner, not a grade\. A grade that counts is taken from the instructor's own checkout: npm run grade -- --submission DIR/,
    );
    assert.match(stdout, new RegExp(`Score: 0/${report.maxScore} points · 0 of ${katas.length} katas pass \\(this repository's src/\\)`));
    assert.match(stdout, /⚠ Graded inside this repository, by its own tests and tools: feedback for the learner, not a grade/);
    assert.match(stdout, /✖ 01-matrices +0\/\d+ +0\/10/);

    assertWellFormedXml(junit);
    const totalTests = report.katas.reduce((sum, k) => sum + k.tests.total, 0);
    assert.match(
      junit,
      new RegExp(`<testsuites name="kata grades: 0/${report.maxScore} points" tests="${totalTests}" failures="${totalTests}"`),
    );
    assert.equal(junit.match(/<testsuite /g)?.length, katas.length);

    assert.match(summary, new RegExp(`^## Kata grades: 0/${report.maxScore} points`));
    assert.match(summary, /> \*\*⚠️ Graded inside this repository, by its own tests and tools: feedback for the learner, not a grade\./);
    assert.match(summary, /\| ❌ 01-matrices \| .+ \| 0\/\d+ \| 0\/10 \| 01-matrices › /);
    assert.equal(readFileSync(stepSummary, "utf8"), `earlier step\n${summary}`, "the summary is appended to $GITHUB_STEP_SUMMARY");
  });

  it("scores N of N, and meets --min-score 100%, with the solutions copied into src/", async () => {
    const { status, stdout, report, junit, summary } = await grade(tree(true), ["--min-score", "100%"]);
    assert.equal(status, 0, stdout);
    assert.ok(report && junit && summary);
    assert.equal(report.katasPassed, katas.length);
    assert.equal(report.score, report.maxScore);
    for (const kata of report.katas) {
      assert.deepEqual([kata.passed, kata.points, kata.firstFailure], [true, kata.maxPoints, null], kata.id);
      assert.equal(kata.tests.passed, kata.tests.total);
    }
    assert.match(junit, /<testsuites [^>]* failures="0"/);
    assert.doesNotMatch(junit, /<failure/);
    assert.match(summary, new RegExp(`${katas.length} of ${katas.length} katas pass`));
    assert.doesNotMatch(summary, /First failures/);
  });

  it("fails exactly the kata whose code throws at import and the one whose code loops forever, within its timeout", async () => {
    const root = tree(true);
    const solution = (file: string) => readFileSync(join(root, "solutions", file), "utf8");
    writeFileSync(join(root, "src", "random.ts"), `throw new Error("boom while loading");\n${solution("random.ts")}`);
    const looping = solution("sigmoid.ts").replace(/export function sigmoid\([^{]*\{/, "$&\n  for (;;) {}");
    assert.notEqual(looping, solution("sigmoid.ts"), "the test's patch applies to solutions/sigmoid.ts");
    writeFileSync(join(root, "src", "sigmoid.ts"), looping);
    writeFileSync(join(root, "katas", "04-sigmoid", "kata.json"), JSON.stringify({ files: ["sigmoid.ts"], timeoutSeconds: 2 }));

    const { status, stdout, report } = await grade(root, ["--min-score", "51%"]);
    assert.ok(report, stdout);
    const passed = report.katas.filter((k) => k.passed).map((k) => k.id);
    const failed = report.katas.filter((k) => !k.passed).map((k) => k.id);
    assert.deepEqual(passed, ["01-matrices", "03-perceptrons"], "the other katas are still graded");
    assert.deepEqual(failed, ["04-sigmoid", "05-network"]);
    const failure = (id: string) => report.katas.find((k) => k.id === id)?.firstFailure?.message ?? "";
    assert.match(
      failure("05-network"),
      /^an error that nothing caught ended the test process before its tests could run:\nError: boom while loading\n/,
    );
    assert.doesNotMatch(failure("05-network"), /node:internal|nn-scratch/, "no Node frames or grading-tree paths in the report");
    assert.match(failure("04-sigmoid"), /^timed out: this test file ran longer than 2 s and was stopped/);
    const loop = report.katas.find((k) => k.id === "04-sigmoid");
    assert.ok(loop && loop.durationSeconds < 20, `the 2 s timeout stopped the loop (took ${loop?.durationSeconds} s)`);

    assert.deepEqual([report.score, report.maxScore], [20, 40]);
    assert.equal(status, 1, "20 of 40 points is below --min-score 51%");
    assert.match(stdout, /The score 20 is below --min-score \(20\.4 points\)/);
  });

  it("records tampered tests in the report, and --verify-tests refuses to grade them", async () => {
    const root = tree();
    const matrixTest = join(root, "katas", "01-matrices", "matrix.test.ts");
    writeFileSync(matrixTest, readFileSync(matrixTest, "utf8").replace(/assert\.equal\(m\.rows, 2\);/, "// (removed)"));
    writeFileSync(join(root, "katas", "03-perceptrons", "extra.test.ts"), "export {};\n");

    const refused = await grade(root, ["--verify-tests", "01"]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /^grade: not grading: the kata tests differ from katas\/tests\.sha256: /);
    assert.match(refused.stderr, /changed katas\/01-matrices\/matrix\.test\.ts/);
    assert.match(refused.stderr, /added katas\/03-perceptrons\/extra\.test\.ts/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, "no stack trace");
    assert.equal(refused.report, undefined, "nothing was graded");

    const graded = await grade(root, ["01"]);
    assert.equal(graded.status, 0);
    assert.ok(graded.report && graded.summary);
    assert.ok(graded.report.tests.changed.includes("katas/01-matrices/matrix.test.ts"));
    assert.ok(graded.report.tests.added.includes("katas/03-perceptrons/extra.test.ts"));
    assert.match(
      graded.summary,
      /\*\*⚠️ the kata tests differ from katas\/tests\.sha256: changed [^*]*katas\/01-matrices\/matrix\.test\.ts/,
    );
    assert.match(graded.stdout, /⚠ the kata tests differ/);
  });

  const bad: [string[], RegExp][] = [
    [["--min-score", "lots"], /--min-score must be a number of points \(e\.g\. 60\) or a percentage up to 100% \(e\.g\. 75%\), got "lots"/],
    [["--min-score", "101%"], /--min-score .* got "101%"/],
    [["--min-score", "11", "01"], /--min-score 11 is more than the 10 points these katas are worth/],
    [["--impl", "src"], /Unknown option '--impl'/],
    [["--submission", "/no/such/folder"], /--submission \/no\/such\/folder: no such folder/],
    [["--roster", "/no/such/folder"], /--roster \/no\/such\/folder: no such folder/],
    [["--submission", ".", "--roster", "."], /give --submission or --roster, not both/],
    [["--roster", ".", "--classroom50", "result.json"], /--classroom50 grades one submission: use it with --submission/],
    [["99"], /no kata "99"; the katas are 01-matrices, /],
    [["--verbose"], /Unknown option '--verbose'/],
  ];
  for (const [args, message] of bad) {
    it(`rejects ${args.join(" ")} with one clear line and exit code 2`, async () => {
      const out = tempDir("grade");
      const result = await runProgram("grade/grade.ts", ["--out", out, ...args]);
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, /^grade: /);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /, "no stack trace");
      assert.equal(existsSync(join(out, "grade.json")), false, "nothing was graded");
    });
  }
});
