/**
 * Classroom 50's custom-autograder contract: the `result.json` an
 * autograder writes in the student's checkout, `schema:
 * "classroom50/result/v1"`. Its identity fields come from the variables
 * Classroom 50's runner sets (CLASSROOM, ASSIGNMENT, SUBMISSION_TAG, OWNER,
 * ASSIGNMENT_TYPE, COMMIT_URL, RELEASE_URL, REVIEW_URL); the score and one
 * test per kata come from the grade. `validateResult` checks a result
 * against the documented schema and its cross-field rules, before it is
 * written.
 */
import type { GradeReport } from "./run.ts";

export const RESULT_SCHEMA = "classroom50/result/v1";

/** The variables the result needs, as Classroom 50's runner names them. */
const REQUIRED = ["CLASSROOM", "ASSIGNMENT", "SUBMISSION_TAG", "COMMIT_URL", "RELEASE_URL"] as const;

/** `2026-11-30T14:18:15Z`: the schema's date-time form, to the second. */
const utc = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The result.json for `report`, from the runner's variables in `env`; a missing variable is an error that names it. */
export function classroom50Result(report: GradeReport, env: NodeJS.ProcessEnv, now = new Date()): Record<string, unknown> {
  const owner = env.OWNER || env.USERNAME;
  const missing = [...REQUIRED.filter((name) => !env[name]), ...(owner ? [] : ["OWNER (or USERNAME)"])];
  if (missing.length > 0) {
    throw new Error(
      `--classroom50 needs ${missing.join(", ")} in the environment: Classroom 50's runner sets them when it runs autograder.py`,
    );
  }
  const result = {
    schema: RESULT_SCHEMA,
    classroom: env.CLASSROOM,
    assignment: env.ASSIGNMENT,
    assignment_type: env.ASSIGNMENT_TYPE === "group" ? "group" : "individual",
    owner,
    submission: env.SUBMISSION_TAG,
    commit: env.COMMIT_URL,
    release: env.RELEASE_URL,
    review: env.REVIEW_URL || env.COMMIT_URL,
    datetime: utc(now),
    graded_at: utc(now),
    score: report.score,
    "max-score": report.maxScore,
    tests: report.katas.map((kata) => ({
      "test-name": kata.title,
      passed: kata.passed,
      score: kata.points,
      "max-score": kata.maxPoints,
      ...(kata.firstFailure ? { message: `${kata.firstFailure.test}: ${kata.firstFailure.message}` } : {}),
    })),
  };
  const problems = validateResult(result);
  if (problems.length > 0) throw new Error(`the result.json the grader made breaks ${RESULT_SCHEMA}: ${problems.join("; ")}`);
  return result;
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const REQUIRED_FIELDS = [
  "schema",
  "classroom",
  "assignment",
  "assignment_type",
  "owner",
  "submission",
  "commit",
  "release",
  "review",
  "datetime",
  "score",
  "max-score",
  "tests",
];
const FIELDS = [...REQUIRED_FIELDS, "graded_at", "submitted_by"];
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isText = (value: unknown) => typeof value === "string" && value.length > 0;

/** The ways `data` breaks `classroom50/result/v1` (its JSON Schema and the cross-field rules it documents); empty when it keeps it. */
export function validateResult(data: unknown): string[] {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return ["it is not a JSON object"];
  const result = data as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(result)) if (!FIELDS.includes(key)) problems.push(`unknown field "${key}"`);
  for (const key of REQUIRED_FIELDS) if (!(key in result)) problems.push(`"${key}" is missing`);
  if (result.schema !== RESULT_SCHEMA) problems.push(`"schema" must be "${RESULT_SCHEMA}"`);
  for (const key of ["classroom", "assignment", "owner", "commit", "release", "review"])
    if (key in result && !isText(result[key])) problems.push(`"${key}" must be a non-empty string`);
  if (!["individual", "group"].includes(result.assignment_type as string))
    problems.push(`"assignment_type" must be "individual" or "group"`);
  if (typeof result.submission !== "string" || !result.submission.startsWith("submit/"))
    problems.push(`"submission" must start with "submit/"`);
  for (const key of ["datetime", "graded_at"])
    if (key in result && !DATE_TIME.test(String(result[key]))) problems.push(`"${key}" must be YYYY-MM-DDTHH:MM:SSZ`);
  if (!isCount(result.score)) problems.push(`"score" must be a whole number ≥ 0`);
  if (!isCount(result["max-score"])) problems.push(`"max-score" must be a whole number ≥ 0`);
  if (isCount(result.score) && isCount(result["max-score"]) && result.score > result["max-score"])
    problems.push(`"score" is more than "max-score"`);
  if (!Array.isArray(result.tests)) problems.push(`"tests" must be a list`);
  else {
    result.tests.forEach((test: unknown, i) => {
      const t = (typeof test === "object" && test !== null ? test : {}) as Record<string, unknown>;
      if (!isText(t["test-name"])) problems.push(`tests[${i}]: "test-name" must be a non-empty string`);
      if (typeof t.passed !== "boolean") problems.push(`tests[${i}]: "passed" must be true or false`);
      if (!isCount(t.score) || !isCount(t["max-score"])) problems.push(`tests[${i}]: "score" and "max-score" must be whole numbers ≥ 0`);
      else if (t.score > t["max-score"]) problems.push(`tests[${i}]: "score" is more than "max-score"`);
    });
  }
  return problems;
}
