/** The grader's command line. */
import { parseFlags, UsageError } from "../core/cli.ts";
import type { Impl } from "../core/paths.ts";

export const GRADE_HELP = `npm run grade -- [options] [kata ...]    grade the katas (default: all of them)

  --impl NAME      src (the learner's code, default) or solutions (the reference)
  --out DIR        where to write grade.json, junit.xml and summary.md (default reports)
  --min-score S    exit 1 when the score is below S points, or below S% of the maximum with
                   a % sign (100% = every kata must pass); without it the exit code is 0
  --verify-tests   refuse to grade (exit 1) when the kata tests differ from katas/tests.sha256
  --help           this text

Each kata runs in its own process with its kata.json timeout. The Markdown summary is
also appended to $GITHUB_STEP_SUMMARY when that variable is set.`;

/** A minimum score in points, or as a percentage of the maximum. */
export type MinScore = { points: number } | { percent: number };

export interface GradeOptions {
  katas: string[];
  impl: Impl;
  out: string;
  minScore?: MinScore;
  verifyTests: boolean;
  help: boolean;
}

function parseMinScore(value: string): MinScore {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  const n = match ? Number(match[1]) : NaN;
  if (!match || (match[2] === "%" && n > 100)) {
    throw new UsageError(`--min-score must be a number of points (e.g. 60) or a percentage up to 100% (e.g. 75%), got "${value}"`);
  }
  return match[2] === "%" ? { percent: n } : { points: n };
}

export function parseGradeOptions(args: string[]): GradeOptions {
  const { values, positionals } = parseFlags({
    args,
    options: {
      impl: { type: "string", default: "src" },
      out: { type: "string", default: "reports" },
      "min-score": { type: "string" },
      "verify-tests": { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
    allowPositionals: true,
  });
  if (values.impl !== "solutions" && values.impl !== "src") {
    throw new UsageError(`--impl must be "solutions" or "src", got "${values.impl}"`);
  }
  if (values.out.trim() === "") throw new UsageError(`--out must name a folder`);
  return {
    katas: positionals,
    impl: values.impl,
    out: values.out,
    minScore: values["min-score"] === undefined ? undefined : parseMinScore(values["min-score"]),
    verifyTests: values["verify-tests"],
    help: values.help,
  };
}

/** The minimum in points, for a run whose maximum is `maxScore`. */
export function minimumPoints(minScore: MinScore, maxScore: number): number {
  if ("percent" in minScore) return (minScore.percent / 100) * maxScore;
  if (minScore.points > maxScore) {
    throw new UsageError(`--min-score ${minScore.points} is more than the ${maxScore} points these katas are worth`);
  }
  return minScore.points;
}
