/**
 * A copy of this course without what learners must not have: the reference
 * solutions, the maintainers' tools and tests, the instructors' pages. It is
 * what an instructor hands to learners (`npm run template`) and what the
 * Classroom 50 autograder grades with (`npm run classroom50`).
 */
import { cpSync, existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { repoRoot } from "../core/paths.ts";

/** What is copied, from the top of the repository. */
const ENTRIES = [
  "src",
  "katas",
  "data",
  "docs",
  "tools",
  "package-lock.json",
  "tsconfig.json",
  "typedoc.json",
  "biome.json",
  ".editorconfig",
  ".nvmrc",
  ".gitignore",
];

/** Paths (relative, with `/`) that stay behind, and the prefixes of folders that do. */
const LEFT_OUT = [
  "docs/site/",
  "docs/screenshots/",
  "docs/instructors.md",
  "tools/dev/",
  "tools/core/test-trees.ts",
  "tools/grade/template.ts",
  "tools/grade/classroom50-bundle.ts",
  "tools/grade/autograder.py",
  "tools/grade/attacks.ts",
  "tools/grade/test-submissions.ts",
];

/** Whether a path, relative to the repository with `/` separators, is copied. */
export function copied(path: string): boolean {
  // The tests of the course's own code stay behind; the kata tests are the course.
  if (path.endsWith(".test.ts") && (path.startsWith("tools/") || path.startsWith("katas/support/"))) return false;
  // The catalogue of mistakes is written as edits of the reference solutions: it would give them away.
  if (/^katas\/[^/]+\/mistakes\//.test(path)) return false;
  return !LEFT_OUT.some((left) => (left.endsWith("/") ? path.startsWith(left) : path === left));
}

/** Copy the course, as `copied` decides, into `dest`; the relative paths copied, sorted. */
export function copyCourse(dest: string): string[] {
  const files: string[] = [];
  const walk = (path: string): void => {
    const rel = relative(repoRoot, path).split(sep).join("/");
    if (statSync(path).isDirectory()) {
      if (copied(`${rel}/`)) for (const name of readdirSync(path)) walk(join(path, name));
    } else if (copied(rel)) {
      mkdirSync(dirname(join(dest, rel)), { recursive: true });
      cpSync(path, join(dest, rel));
      files.push(rel);
    }
  };
  for (const entry of ENTRIES) if (existsSync(join(repoRoot, entry))) walk(join(repoRoot, entry));
  return files.sort();
}
