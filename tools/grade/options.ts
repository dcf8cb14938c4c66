/** The grader's command line. */
import { UsageError } from "../core/cli.ts";

export const GRADE_COMMAND = {
  name: "grade",
  usage: "npm run grade -- [kata ...] [--submission DIR | --roster DIR] [options]",
  summary:
    "Grade the katas (default: all of them). With --submission or --roster, from this checkout, the instructor's: only the learners' src/ files are taken, and every test file runs in a sandbox. Without, this repository's own src/, as feedback: that grade proves nothing.",
  flags: {
    submission: { type: "string", value: "DIR", help: "grade the learner's repository at DIR (a clone of it)" },
    roster: { type: "string", value: "DIR", help: "grade every folder in DIR as one learner's repository, and write gradebook.csv" },
    out: {
      type: "string",
      value: "DIR",
      default: "reports",
      help: "where to write grade.json, junit.xml and summary.md (with --roster: a folder per learner, and gradebook.csv)",
    },
    "min-score": {
      type: "string",
      value: "S",
      help: "exit 1 when the score is below S points, or below S% of the maximum with a % sign (100% = every kata must pass); without it the exit code is 0",
    },
    "verify-tests": { type: "boolean", help: "refuse to grade (exit 1) when this checkout's kata tests differ from katas/tests.sha256" },
    classroom50: {
      type: "string",
      value: "FILE",
      help: "also write Classroom 50's result.json (and release-body.md beside it), from its runner's variables",
    },
  },
  positionals: { name: "<kata ...>", help: "the katas to grade, by number or id (default: all)" },
  notes: "The Markdown summary is also appended to $GITHUB_STEP_SUMMARY when that variable is set.",
} as const;

/** A minimum score in points, or as a percentage of the maximum. */
export type MinScore = { points: number } | { percent: number };

export function parseMinScore(value: string): MinScore {
  const match = /^(\d+(?:\.\d+)?)(%?)$/.exec(value.trim());
  const n = match ? Number(match[1]) : Number.NaN;
  if (!match || (match[2] === "%" && n > 100)) {
    throw new UsageError(`--min-score must be a number of points (e.g. 60) or a percentage up to 100% (e.g. 75%), got "${value}"`);
  }
  return match[2] === "%" ? { percent: n } : { points: n };
}

/** The minimum in points, for a run whose maximum is `maxScore`. */
export function minimumPoints(minScore: MinScore, maxScore: number): number {
  if ("percent" in minScore) return (minScore.percent / 100) * maxScore;
  if (minScore.points > maxScore) {
    throw new UsageError(`--min-score ${minScore.points} is more than the ${maxScore} points these katas are worth`);
  }
  return minScore.points;
}
