/**
 * The catalogue of mistakes: each row of a lesson's "Mistakes these tests
 * catch" table, backed by files in the kata's `mistakes/` folder. A mistake
 * file is the mistake written as small, exact edits of the reference
 * solution:
 *
 *     {
 *       "mistake": "`argmax` takes the last maximum (`>=`)",
 *       "edits": [{ "file": "evaluate.ts", "find": "v[i] > v[best]", "replace": "v[i] >= v[best]" }]
 *     }
 *
 * `mistake` is the first cell of its row, word for word; `file` is one of
 * the kata's files in `solutions/`; `find` occurs exactly once in it (after
 * the edits before it). Several files may back one row, and every row needs
 * at least one. `npm run test:mistakes` applies each to a scratch copy and
 * requires the kata's tests to fail.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Kata } from "../core/katas.ts";

export interface Edit {
  file: string;
  find: string;
  replace: string;
}

export interface Mistake {
  /** The file, relative to the repository root. */
  path: string;
  /** The row of the lesson's table it backs. */
  mistake: string;
  edits: Edit[];
}

const HEADING = "## Mistakes these tests catch";

/** The folder of a kata's mistake files, relative to the repository root. */
export const mistakesFolder = (kata: Kata) => join("katas", kata.id, "mistakes");

/** The first cells of the rows of a lesson's "Mistakes these tests catch" table (none if it has no such section). */
export function lessonMistakes(lesson: string): string[] {
  const start = lesson.indexOf(`\n${HEADING}\n`);
  if (start < 0) return [];
  const section = lesson.slice(start + HEADING.length + 2).split(/\n## /)[0];
  return section
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .slice(2) // the header and the |---|---| line
    .map((line) => firstCell(line));
}

/** A table row's first cell, trimmed; `\|` is a bar inside the cell. */
function firstCell(row: string): string {
  const cells = row.slice(1).split(/(?<!\\)\|/);
  return cells[0].trim();
}

/** A mistake file, checked: every problem names the file and says what is wrong. */
export function parseMistake(path: string, text: string, kata: Kata): Mistake {
  const fail = (problem: string): never => {
    throw new Error(`${path}: ${problem}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    fail(`is not JSON (${(error as Error).message})`);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data)) return fail("must hold an object { mistake, edits }");
  const { mistake, edits, ...rest } = data as Record<string, unknown>;
  const extra = Object.keys(rest);
  if (extra.length > 0) fail(`has a field it should not: ${extra[0]} (only "mistake" and "edits")`);
  if (typeof mistake !== "string" || mistake.trim() === "") fail(`"mistake" must be the first cell of its row in the lesson's table`);
  if (!Array.isArray(edits) || edits.length === 0) fail(`"edits" must be a list of at least one { file, find, replace }`);
  const checked = (edits as unknown[]).map((edit, i) => {
    const { file, find, replace } = (edit ?? {}) as Record<string, unknown>;
    if (typeof file !== "string" || !kata.files.includes(file))
      fail(`edit ${i + 1}: "file" must be one of ${kata.id}'s files: ${kata.files.join(", ")}`);
    if (typeof find !== "string" || find === "") fail(`edit ${i + 1}: "find" must be the exact text to change`);
    if (typeof replace !== "string" || replace === find) fail(`edit ${i + 1}: "replace" must be text that differs from "find"`);
    return { file, find, replace } as Edit;
  });
  return { path, mistake: mistake as string, edits: checked };
}

/** A kata's mistake files, in name order. */
export function readMistakes(root: string, kata: Kata): Mistake[] {
  const folder = join(root, mistakesFolder(kata));
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => {
      const path = join(mistakesFolder(kata), name);
      return parseMistake(path, readFileSync(join(root, path), "utf8"), kata);
    });
}

/** Where a kata's table and its mistake files disagree: a row with no file, a file with no row. */
export function catalogueProblems(kata: Kata, rows: readonly string[], mistakes: readonly Mistake[]): string[] {
  const problems: string[] = [];
  if (rows.length === 0) problems.push(`${kata.lesson} has no "${HEADING.slice(3)}" table`);
  const backed = new Set(mistakes.map((mistake) => mistake.mistake));
  for (const row of rows) {
    if (!backed.has(row)) problems.push(`${kata.lesson}: the row "${row}" has no file in ${mistakesFolder(kata)}/ that shows it`);
  }
  const listed = new Set(rows);
  for (const mistake of mistakes) {
    if (!listed.has(mistake.mistake))
      problems.push(`${mistake.path}: its mistake "${mistake.mistake}" is not a row of ${kata.lesson}'s table`);
  }
  return problems;
}

/** The text of each edited file after the mistake's edits; an error when a `find` does not occur exactly once. */
export function applyEdits(mistake: Mistake, read: (file: string) => string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [i, edit] of mistake.edits.entries()) {
    const text = texts.get(edit.file) ?? read(edit.file);
    const at = text.indexOf(edit.find);
    const times = at < 0 ? 0 : text.split(edit.find).length - 1;
    if (times !== 1) {
      throw new Error(
        `${mistake.path}: edit ${i + 1} looks for text that occurs ${times} times in solutions/${edit.file}, not once: make "find" match the solution as it is now`,
      );
    }
    texts.set(edit.file, text.slice(0, at) + edit.replace + text.slice(at + edit.find.length));
  }
  return texts;
}

/** Makes the mistake in the `solutions/` of the tree at `root`; returns what puts the files back. */
export function makeMistake(root: string, mistake: Mistake): () => void {
  const path = (file: string) => join(root, "solutions", file);
  const originals = new Map<string, string>();
  const texts = applyEdits(mistake, (file) => readFileSync(path(file), "utf8"));
  for (const [file, text] of texts) {
    originals.set(file, readFileSync(path(file), "utf8"));
    writeFileSync(path(file), text);
  }
  return () => {
    for (const [file, text] of originals) writeFileSync(path(file), text);
  };
}
