/**
 * A scratch copy of this repository, for checks that must change `src/`
 * without touching the learner's files: the integrity check (katas solved
 * one at a time) and the tools' own tests (a learner's broken code).
 */
import { cpSync, existsSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { join, relative } from "node:path";
import { KATA_ID, type Kata } from "./katas.ts";
import { repoRoot, scratchDir } from "./paths.ts";

/** What every copy holds (node_modules besides, linked): what running the kata tests needs. */
const KATA_TESTS = ["package.json", "tsconfig.json", "src", "katas"];

/**
 * The catalogue of mistakes (`katas/NN-slug/mistakes/`) stays behind: no
 * check in a scratch tree reads it (`test:mistakes` reads the repository's
 * own), and its hundreds of small files would add a quarter of a second to
 * every copy.
 */
const notCatalogue = (path: string) => !/[/\\]katas[/\\][^/\\]+[/\\]mistakes(?:[/\\]|$)/.test(path);

export interface TreeOptions {
  /**
   * `"all"` (the default): all of `tools/` and `data/`, for checks that run
   * the course's programs in the copy. `"runner"`: only `tools/runner/`, the
   * preload, reporter and canary that a test process loads, which is all
   * that running the kata tests needs; such a copy takes well under half the time.
   */
  tools?: "all" | "runner";
  /** Whether the copy holds `solutions/` (the default); a grading tree must not. */
  solutions?: boolean;
}

/**
 * A copy of the repository (node_modules linked, not copied) in which the
 * `solved` katas have their solutions in `src/`. With `only`, the copy
 * keeps just those katas' folders: a small course, quicker to run, that the
 * programs treat as they treat the whole one. `options` leave out what a
 * check does not need.
 */
export function scratchTree(solved: readonly Kata[] = [], only?: readonly Kata[], options: TreeOptions = {}): string {
  const { tools = "all", solutions = true } = options;
  const root = scratchDir("scratch");
  const entries = [
    ...KATA_TESTS,
    ...(tools === "all" ? ["tools", "data"] : [join("tools", "runner")]),
    ...(solutions ? ["solutions"] : []),
  ];
  for (const entry of entries) {
    if (existsSync(join(repoRoot, entry))) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true, filter: notCatalogue });
  }
  // To the real folder, not to a link: the grading sandbox may read node_modules, not the paths that lead to it.
  symlinkSync(realpathSync(join(repoRoot, "node_modules")), join(root, "node_modules"));
  for (const kata of solved) {
    for (const file of kata.files) cpSync(join(repoRoot, "solutions", file), join(root, "src", file));
  }
  if (only) {
    const kept = new Set(only.map((kata) => kata.id));
    for (const id of readdirSync(join(root, "katas"))) {
      if (KATA_ID.test(id) && !kept.has(id)) rmSync(join(root, "katas", id), { recursive: true });
    }
  }
  return root;
}

/** The same kata, with its test files in the scratch tree at `root`. */
export function kataIn(root: string, kata: Kata): Kata {
  return { ...kata, tests: kata.tests.map((test) => join(root, relative(repoRoot, test))) };
}
