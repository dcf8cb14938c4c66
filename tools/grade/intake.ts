/**
 * What the grader takes from a learner's repository, and where it puts it.
 * It takes only the `src/` files the katas' `kata.json` name, each only if
 * it is a regular file (not a link) of at most MAX_FILE_BYTES, and copies
 * them into a fresh grading tree, a copy of the instructor's kata tests and
 * test runner (without `solutions/`): nothing else of the learner's
 * repository is read or run, not its package.json, lockfile, .npmrc,
 * tsconfig.json, tools, katas or workflows. A file that cannot be taken, or that breaks the rules of
 * `policy.ts`, is refused: a module that fails at import, saying why, takes
 * its place, so its kata (and any kata that imports it) scores nothing, and
 * the report says why.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readFileSync, readSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { count } from "../core/format.ts";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { scratchTree } from "../core/scratch-tree.ts";
import { policyProblems } from "./policy.ts";

/** The largest learner file the grader takes: ample for any kata, small enough to read at once. */
export const MAX_FILE_BYTES = 256 * 1024;

/** Why a learner's file was not graded as written: refused, or missing. */
export interface Refusal {
  /** `src/matrix.ts` */
  file: string;
  message: string;
}

export interface Intake {
  /** The grading tree: the instructor's kata tests and test runner (no solutions/), with the learner's files in src/. */
  root: string;
  refusals: Refusal[];
}

/** The bytes of the regular file at `path` (never through a link), or why it cannot be taken; `undefined` when there is none. */
function readLearnerFile(path: string): Buffer | { problem: string } | undefined {
  let fd: number;
  try {
    // Not through a link; and without blocking, which opening a named pipe would do until something wrote to it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    if (code === "ELOOP") return { problem: "is a symbolic link: a learner file must be a regular file" };
    return { problem: `cannot be read (${code})` };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return { problem: "is not a regular file" };
    if (stats.size > MAX_FILE_BYTES)
      return { problem: `has ${count(stats.size)} bytes, more than the ${count(MAX_FILE_BYTES)} a learner file may have` };
    const bytes = Buffer.alloc(stats.size);
    readSync(fd, bytes, 0, stats.size, 0);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** What the submission's src/ is, when it is not a folder the grader can take files from. */
function srcProblem(submission: string): string | undefined {
  try {
    const stats = lstatSync(join(submission, "src"));
    if (stats.isSymbolicLink()) return "is a symbolic link";
    return stats.isDirectory() ? undefined : "is not a folder";
  } catch {
    return "is missing";
  }
}

/**
 * What stands for a refused file: its stub (`stub`, the instructor's, so the
 * other katas' tests still find its exports) with, before anything else, a
 * statement that fails at import, saying why.
 */
const refusedModule = (stub: string, message: string) => `throw new Error(${JSON.stringify(message)});\n${stub}`;

/**
 * Copy the learner's files from the repository at `submission` into a new
 * grading tree, and check them. `katas` are all the course's katas (a kata's
 * tests may import the files of the katas before it).
 */
export function takeSubmission(submission: string, katas: readonly Kata[]): Intake {
  // The kata tests and the runner that grades them; not the solutions, nor the rest of the instructor's tools.
  const root = scratchTree([], undefined, { tools: "runner", solutions: false });
  const refusals: Refusal[] = [];
  const folderProblem = srcProblem(submission);
  const taken: string[] = [];
  for (const file of katas.flatMap((kata) => kata.files)) {
    const where = `src/${file}`;
    const found = folderProblem
      ? { problem: `was not taken: the submission's src/ ${folderProblem}` }
      : readLearnerFile(join(submission, "src", file));
    if (found === undefined) {
      refusals.push({ file: where, message: `${where} is missing from the submission: it counts as not written` });
    } else if ("problem" in found) {
      refusals.push({ file: where, message: `${where} ${found.problem}` });
      writeFileSync(join(root, where), refusedModule(readFileSync(join(root, where), "utf8"), `${where} ${found.problem}`));
    } else {
      writeFileSync(join(root, where), found);
      taken.push(file);
    }
  }
  const stubs = new Map(taken.map((file) => [`src/${file}`, readFileSync(join(repoRoot, "src", file), "utf8")]));
  const problems = policyProblems(root, katas, taken);
  for (const file of new Set(problems.map((problem) => problem.file))) {
    const reasons = problems.filter((problem) => problem.file === file).map((problem) => `line ${problem.line} ${problem.message}`);
    const message = `${file} was refused: ${reasons.join("; ")}`;
    refusals.push({ file, message });
    writeFileSync(join(root, file), refusedModule(stubs.get(file) ?? "", message));
  }
  return { root, refusals };
}
