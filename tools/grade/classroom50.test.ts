import assert from "node:assert/strict";
import { existsSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runCourse, runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { classroom50Result, RESULT_SCHEMA, validateResult } from "./classroom50.ts";
import type { GradeReport, KataGrade } from "./run.ts";
import { submission, templateRepo } from "./test-submissions.ts";

/** The variables Classroom 50's runner sets for an autograder. */
const RUNNER_ENV = {
  CLASSROOM: "nn-2026",
  ASSIGNMENT: "katas",
  ASSIGNMENT_TYPE: "individual",
  OWNER: "ada",
  SUBMISSION_TAG: "submit/1",
  COMMIT_URL: "https://github.com/school/katas-ada/commit/0123abc",
  RELEASE_URL: "https://github.com/school/katas-ada/releases/tag/submit/1",
};

const kataGrade = fc
  .record({ id: fc.stringMatching(/^\d\d-[a-z]+$/), title: fc.string({ minLength: 1 }), maxPoints: fc.nat(50), passed: fc.boolean() })
  .map(
    ({ id, title, maxPoints, passed }): KataGrade => ({
      id,
      title,
      passed,
      points: passed ? maxPoints : 0,
      maxPoints,
      testsPassed: 0,
      testsTotal: 1,
      durationMs: 1,
      refusals: [],
      testsSha256: "0".repeat(64),
      records: [],
      firstFailure: passed ? undefined : { test: `${id} › a test`, message: "expected 1, got 2" },
    }),
  );

const reportOf = (katas: KataGrade[]): GradeReport => ({
  source: "submission",
  score: katas.reduce((sum, k) => sum + k.points, 0),
  maxScore: katas.reduce((sum, k) => sum + k.maxPoints, 0),
  katasPassed: katas.filter((k) => k.passed).length,
  katasTotal: katas.length,
  tests: { manifest: "katas/tests.sha256", sha256: null, changed: [], added: [], missing: [] },
  katas,
});

describe("Classroom 50's result.json", () => {
  it("keeps classroom50/result/v1 for any grade: a test per kata, its points, and the total", () => {
    assertProperty(
      fc.property(fc.array(kataGrade, { maxLength: 20 }), (katas) => {
        const result = classroom50Result(reportOf(katas), RUNNER_ENV, new Date("2026-11-30T12:34:56.789Z"));
        assert.deepEqual(validateResult(result), []);
        assert.equal(result.schema, RESULT_SCHEMA);
        const tests = result.tests as { "test-name": string; passed: boolean; score: number; "max-score": number }[];
        assert.deepEqual(
          tests.map((t) => [t.passed, t.score, t["max-score"]]),
          katas.map((k) => [k.passed, k.points, k.maxPoints]),
        );
        assert.equal(
          result.score,
          katas.reduce((sum, k) => sum + k.points, 0),
        );
        assert.equal(
          result["max-score"],
          katas.reduce((sum, k) => sum + k.maxPoints, 0),
        );
        assert.equal(result.datetime, "2026-11-30T12:34:56Z");
        assert.equal(result.submission, "submit/1");
        assert.equal(result.review, RUNNER_ENV.COMMIT_URL, "without REVIEW_URL, the commit is what a reviewer reads");
      }),
    );
  });

  it("names every variable of the runner that is missing", () => {
    assert.throws(
      () => classroom50Result(reportOf([]), { CLASSROOM: "c", ASSIGNMENT: "a" }),
      /^Error: --classroom50 needs SUBMISSION_TAG, COMMIT_URL, RELEASE_URL, OWNER \(or USERNAME\) in the environment/,
    );
  });

  it("refuses results that break the schema, saying how", () => {
    const valid = classroom50Result(reportOf([]), RUNNER_ENV);
    const broken: [Record<string, unknown>, RegExp][] = [
      [{ ...valid, schema: "classroom50/result/v2" }, /"schema" must be "classroom50\/result\/v1"/],
      [{ ...valid, score: 11, "max-score": 10 }, /"score" is more than "max-score"/],
      [{ ...valid, score: 1.5 }, /"score" must be a whole number ≥ 0/],
      [{ ...valid, submission: "main" }, /"submission" must start with "submit\/"/],
      [{ ...valid, datetime: "2026-11-30 12:00" }, /"datetime" must be YYYY-MM-DDTHH:MM:SSZ/],
      [{ ...valid, assignment_type: "team" }, /"assignment_type" must be "individual" or "group"/],
      [{ ...valid, owner: "" }, /"owner" must be a non-empty string/],
      [{ ...valid, extra: 1 }, /unknown field "extra"/],
      [{ ...valid, tests: [{ "test-name": "t", passed: "yes", score: 1, "max-score": 1 }] }, /tests\[0\]: "passed" must be true or false/],
      [{ ...valid, tests: [{ "test-name": "t", passed: true, score: 2, "max-score": 1 }] }, /tests\[0\]: "score" is more than "max-score"/],
    ];
    for (const [result, problem] of broken) assert.match(validateResult(result).join("; "), problem);
    const { release: _, ...missing } = valid;
    assert.match(validateResult(missing).join("; "), /"release" is missing/);
    assert.deepEqual(validateResult([]), ["it is not a JSON object"]);
  });
});

describe("npm run classroom50", () => {
  it("writes a bundle whose autograder grades a student's checkout from the course copy, into result.json", async () => {
    const bundle = join(tempDir("bundle"), "katas");
    const written = await runProgram("grade/classroom50-bundle.ts", ["--out", bundle]);
    assert.equal(written.status, 0, written.output);
    assert.ok(existsSync(join(bundle, "autograder.py")));
    assert.ok(existsSync(join(bundle, "course", "tools", "grade", "grade.ts")));
    assert.equal(existsSync(join(bundle, "course", "solutions")), false, "the bundle is public: no reference solutions");
    assert.equal(readFileSync(join(bundle, "course", "package.json"), "utf8"), readFileSync(join(repoRoot, "package.json"), "utf8"));
    // What `npm ci` in the autograder would install, already there: the test runs offline.
    symlinkSync(realpathSync(join(repoRoot, "node_modules")), join(bundle, "course", "node_modules"));

    const student = submission(await templateRepo(), { solved: [findKata(listKatas(), "01") as Kata] });
    const run = await runCourse({
      interpreter: "python3",
      script: join(bundle, "autograder.py"),
      impl: "src",
      cwd: student,
      env: { ...RUNNER_ENV, CLASSROOM50_BUNDLE_DIR: bundle, NO_COLOR: "1" },
      timeoutMs: 300_000,
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const result = JSON.parse(readFileSync(join(student, "result.json"), "utf8")) as Record<string, unknown>;
    assert.deepEqual(validateResult(result), []);
    const katas = listKatas();
    const maxScore = katas.reduce((sum, kata) => sum + kata.points, 0);
    assert.deepEqual([result.score, result["max-score"]], [10, maxScore]);
    const tests = result.tests as { "test-name": string; passed: boolean }[];
    assert.equal(tests.length, katas.length, "one test per kata");
    assert.deepEqual(tests[0], { "test-name": "01 · Vectors and matrices", passed: true, score: 10, "max-score": 10 });
    assert.match(readFileSync(join(student, "release-body.md"), "utf8"), new RegExp(`^## Kata grades: 10/${maxScore} points`));
  });
});
