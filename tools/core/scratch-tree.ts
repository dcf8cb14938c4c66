/**
 * A scratch copy of this repository, for checks that must change `src/`
 * without touching the learner's files: the integrity check (katas solved
 * one at a time) and the tools' own tests (a learner's broken code).
 */
import { cpSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kata } from "./katas.ts";
import { repoRoot } from "./paths.ts";

const COPIED = ["package.json", "tsconfig.json", "src", "solutions", "katas", "tools", "data"];

/** A copy of the repository (node_modules linked, not copied) in which the `solved` katas have their solutions in `src/`. */
export function scratchTree(solved: readonly Kata[] = []): string {
  const root = mkdtempSync(join(tmpdir(), "nn-scratch-"));
  for (const entry of COPIED) cpSync(join(repoRoot, entry), join(root, entry), { recursive: true });
  symlinkSync(join(repoRoot, "node_modules"), join(root, "node_modules"));
  for (const kata of solved) {
    for (const file of kata.files) cpSync(join(root, "solutions", file), join(root, "src", file));
  }
  return root;
}
