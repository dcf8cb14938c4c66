/**
 * Learners' repositories for the grader's tests: the repository an
 * instructor hands out (`npm run template`), as written, with reference
 * solutions copied in, or with an attack's patch (`attacks.ts`) applied.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import type { Patch } from "./attacks.ts";

/** A fresh learners' repository, written by `npm run template`. */
export async function templateRepo(): Promise<string> {
  const out = join(tempDir("template"), "repo");
  const { status, output } = await runProgram("grade/template.ts", ["--out", out]);
  assert.equal(status, 0, output);
  return out;
}

/** A learner's repository: a copy of `template` with the solutions of `solved` in src/ and `patch` applied, at `dir` (a new folder by default). */
export function submission(
  template: string,
  options: { solved?: readonly Kata[]; patch?: Record<string, Patch>; dir?: string } = {},
): string {
  const dir = options.dir ?? join(tempDir("submission"), "repo");
  cpSync(template, dir, { recursive: true });
  for (const kata of options.solved ?? []) for (const file of kata.files) cpSync(join(repoRoot, "solutions", file), join(dir, "src", file));
  for (const [path, patch] of Object.entries(options.patch ?? {})) {
    const target = join(dir, path);
    mkdirSync(dirname(target), { recursive: true });
    if (typeof patch === "string") writeFileSync(target, patch);
    else if ("before" in patch) writeFileSync(target, `${patch.before}${readFileSync(target, "utf8")}`);
    else {
      rmSync(target, { recursive: true, force: true });
      if ("symlinkTo" in patch) symlinkSync(patch.symlinkTo, target);
      else if ("fifo" in patch)
        execFileSync("mkfifo", [target]); // Node has no call that makes one.
      else mkdirSync(target);
    }
  }
  return dir;
}
