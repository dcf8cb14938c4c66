/**
 * Temporary folders for the tools' own tests, removed when the test file
 * ends, so that no run leaves anything behind: `npm run test:tools` fails
 * when a test does.
 */
import { rmSync } from "node:fs";
import { after } from "node:test";
import type { Kata } from "./katas.ts";
import { scratchDir } from "./paths.ts";
import { scratchTree } from "./scratch-tree.ts";

const made: string[] = [];
// At import, so at the top level of the test file: the hook runs once, after all of its tests.
after(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function remember(path: string): string {
  made.push(path);
  return path;
}

/** An empty temporary folder, `nn-<what>-XXXXXX`. */
export const tempDir = (what: string): string => remember(scratchDir(what));

/** A scratch copy of the repository (see `scratchTree`). */
export const tempTree = (solved: readonly Kata[] = [], only?: readonly Kata[]): string => remember(scratchTree(solved, only));
