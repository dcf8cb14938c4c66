/**
 * The lines of code a learner writes for each system: non-blank lines that
 * hold code, not only comments, counted with the TypeScript parser.
 *
 * Scratch: `solutions/train.ts`, `network.ts` and `random.ts` (what the
 * comparison's scratch trainer calls) and every `solutions/` file they
 * import, directly or not, except `mnist.ts`, which reads MNIST for all
 * three systems. TensorFlow.js and brain.js: the kata's one solution file;
 * the shuffle (kata 10), generator (kata 05) and MNIST types (kata 02) it
 * borrows are counted in the scratch column only.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as TS from "typescript";
import { defaultImpl } from "../core/impl.ts";
import { ts } from "../core/typescript.ts";
import type { SystemName } from "./systems.ts";

/** How many lines of `source` hold code: at least part of a token. Blank lines and lines of comments only do not count. */
export function codeLines(source: string): number {
  const file = ts.createSourceFile("counted.ts", source, ts.ScriptTarget.Latest, true);
  const lines = new Set<number>();
  const visit = (node: TS.Node): void => {
    if (ts.isJSDoc(node)) return;
    const children = node.getChildren(file);
    if (children.length > 0) {
      children.forEach(visit);
    } else if (node.getStart(file) < node.getEnd()) {
      // A token (empty lists and the end-of-file token have no text).
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      for (let line = first; line <= last; line++) lines.add(line);
    }
  };
  visit(file);
  return lines.size;
}

/** The `./` files that `name` imports (with `import` or `import type`). */
function relativeImports(dir: string, name: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(dir, name), "utf8"), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((f) => f.startsWith("./"))
    .map((f) => f.slice(2));
}

/** `roots` and every file of `dir` they import, directly or not, except `excluded` (which is not followed either); sorted. */
export function importClosure(dir: string, roots: readonly string[], excluded: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (name: string): void => {
    if (seen.has(name) || excluded.includes(name)) return;
    seen.add(name);
    relativeImports(dir, name).forEach(visit);
  };
  roots.forEach(visit);
  return [...seen].sort();
}

export interface LearnerCode {
  files: { name: string; lines: number }[];
  total: number;
}

/** The files counted for each system (the reference's, or, in a learner's repository, theirs), with their lines of code. */
export function learnerCode(root: string): Record<SystemName, LearnerCode> {
  const dir = join(root, defaultImpl());
  const count = (names: string[]): LearnerCode => {
    const files = names.map((name) => ({ name, lines: codeLines(readFileSync(join(dir, name), "utf8")) }));
    return { files, total: files.reduce((sum, f) => sum + f.lines, 0) };
  };
  const tfjs = count(["tfjs-model.ts"]);
  return {
    scratch: count(importClosure(dir, ["train.ts", "network.ts", "random.ts"], ["mnist.ts"])),
    "tfjs-wasm": tfjs,
    "tfjs-cpu": tfjs,
    brainjs: count(["brain-model.ts"]),
  };
}
