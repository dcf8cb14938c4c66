/**
 * Code excerpts in the site's Markdown pages. A lesson quotes a region of a
 * stub or a test as a code block under a marker that names it:
 *
 *     <!-- code: ../../src/sigmoid.ts#sigmoid -->
 *     ```ts
 *     export function sigmoid(z: number): number {
 *       throw new Error("Not implemented: sigmoid (kata 04-sigmoid, …)");
 *     }
 *     ```
 *
 * so that the code is in the lesson itself, readable on GitHub, in an editor
 * and in a terminal, where TypeDoc's `{@includeCode}` would leave only the
 * directive. A region is what it is for TypeDoc: the lines between
 * `// #region name` and `// #endregion name`, without those two, blank lines
 * at either end dropped and the indentation they share removed. The blocks
 * are generated: `npm run excerpts` rewrites them from the sources, and
 * `npm run docs` refuses to build while one is out of date, so that a lesson
 * never quotes code that has changed (`siteExcerptProblems`).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
import { listKatas } from "../core/katas.ts";
import { fenced } from "../core/markup.ts";
import { coursePages, LANDING_PAGE } from "./theme.ts";

/** `<!-- code: <source, relative to the Markdown file>#<region> -->`, on a line of its own. */
const MARKER = /^<!-- code: ([^\s#]+)#([\w-]+) -->$/;

/** A marker, where it is, and where the code block under it ends. */
interface Marker {
  /** Index of the marker's line. */
  index: number;
  source: string;
  region: string;
  /** Index of the first line after the code block under the marker (the line after the marker when there is no block yet). */
  blockEnd: number;
}

/** The Markdown files of the site, whose excerpts are kept fresh: the course map, the lessons and the course pages. */
export function pagesWithExcerpts(root: string): string[] {
  return [join(root, LANDING_PAGE), ...coursePages(root, listKatas(root)).map((page) => page.path)];
}

/**
 * What `npm run docs` checks: every page's excerpts, in the course's
 * repository. A learner's repository, made without `solutions/`, is left
 * alone: its `src/` is the learner's own code, no longer the stubs that the
 * lessons quote, and it has no `npm run excerpts`.
 */
export function siteExcerptProblems(root: string): string[] {
  return existsSync(join(root, "solutions")) ? excerptProblems(root, pagesWithExcerpts(root)) : [];
}

/** The lines of `region` in `text`, the source file `name`, as an excerpt shows them. Throws when the region is not marked exactly once, or is empty. */
export function regionOf(text: string, region: string, name: string): string {
  const lines = text.split(/\r?\n/);
  const marks = (kind: "region" | "endregion") =>
    lines.flatMap((line, index) => (/^\s*\/\/ *#(\w+) +(\S+) *$/.exec(line)?.slice(1).join(" ") === `${kind} ${region}` ? [index] : []));
  const [starts, ends] = [marks("region"), marks("endregion")];
  if (starts.length !== 1 || ends.length !== 1 || ends[0] < starts[0]) {
    throw new Error(
      `${name} must mark region "${region}" once, a "// #region ${region}" line before a "// #endregion ${region}" line (found ${starts.length} and ${ends.length})`,
    );
  }
  const body = lines.slice(starts[0] + 1, ends[0]).map((line) => (line.trim() === "" ? "" : line));
  while (body[0] === "") body.shift();
  while (body.at(-1) === "") body.pop();
  if (body.length === 0) throw new Error(`${name}: region "${region}" is empty`);
  const indent = Math.min(...body.filter((line) => line !== "").map((line) => line.search(/\S/)));
  return body.map((line) => line.slice(indent)).join("\n");
}

/** `markdown`, the text of the file `file`, with the code block under every marker written afresh from its region. */
export function withFreshExcerpts(root: string, file: string, markdown: string): string {
  const lines = markdown.split("\n");
  for (const marker of markersIn(lines, relative(root, file)).reverse()) {
    lines.splice(marker.index + 1, marker.blockEnd - marker.index - 1, ...excerpt(root, file, marker).split("\n"));
  }
  return lines.join("\n");
}

/** Rewrite the excerpts of `files` that are out of date; the files it changed. */
export function refreshExcerpts(root: string, files: readonly string[]): string[] {
  return files.filter((file) => {
    const text = readFileSync(file, "utf8");
    const fresh = withFreshExcerpts(root, file, text);
    if (fresh !== text) writeFileSync(file, fresh);
    return fresh !== text;
  });
}

/** What is wrong with the excerpts of `files`, one line each (`file:line: …`): a block out of date, a region that cannot be quoted, a `{@includeCode}` left. */
export function excerptProblems(root: string, files: readonly string[]): string[] {
  return files.flatMap((file) => {
    const where = relative(root, file);
    const lines = readFileSync(file, "utf8").split("\n");
    const problems = lines.flatMap((line, index) =>
      line.includes("{@includeCode")
        ? [
            `${where}:${index + 1}: {@includeCode} shows as a raw directive outside the site: write <!-- code: path#region --> and run npm run excerpts`,
          ]
        : [],
    );
    try {
      for (const marker of markersIn(lines, where)) {
        if (lines.slice(marker.index + 1, marker.blockEnd).join("\n") !== excerpt(root, file, marker)) {
          problems.push(
            `${where}:${marker.index + 1}: the excerpt of ${marker.source}#${marker.region} is out of date: run npm run excerpts`,
          );
        }
      }
    } catch (error) {
      problems.push((error as Error).message);
    }
    return problems;
  });
}

/** The markers of a Markdown file's `lines`, outside its code blocks; `where` names the file in errors. */
function markersIn(lines: readonly string[], where: string): Marker[] {
  const markers: Marker[] = [];
  for (let index = 0; index < lines.length; ) {
    const marker = MARKER.exec(lines[index]);
    if (marker) {
      const blockEnd = codeBlockEnd(lines, index + 1, where);
      markers.push({ index, source: marker[1], region: marker[2], blockEnd });
      index = blockEnd;
    } else {
      index = Math.max(index + 1, codeBlockEnd(lines, index, where));
    }
  }
  return markers;
}

/**
 * When a fenced code block opens at `lines[start]`, the index after its
 * closing fence; otherwise `start` itself. A block that is never closed is an
 * error: refreshing the excerpt above it would swallow the rest of the page.
 */
function codeBlockEnd(lines: readonly string[], start: number, where: string): number {
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(lines[start] ?? "")?.[1];
  if (!open) return start;
  for (let index = start + 1; index < lines.length; index++) {
    const close = /^ {0,3}(`{3,}|~{3,}) *$/.exec(lines[index])?.[1];
    if (close && close[0] === open[0] && close.length >= open.length) return index + 1;
  }
  throw new Error(`${where}:${start + 1}: this code block is never closed`);
}

/** The code block a marker stands for. Only stubs and tests are quoted: the learners' repository has no `solutions/`, and a lesson must not give them away. */
function excerpt(root: string, file: string, marker: Marker): string {
  const where = `${relative(root, file)}:${marker.index + 1}`;
  const path = resolve(dirname(file), marker.source);
  const name = relative(root, path).split(sep).join("/");
  if (!/^(src|katas)\//.test(name)) throw new Error(`${where}: ${marker.source} is ${name}: a lesson quotes only src/ and katas/`);
  if (!existsSync(path)) throw new Error(`${where}: ${marker.source} does not exist`);
  try {
    return fenced(regionOf(readFileSync(path, "utf8"), marker.region, name), extname(path).slice(1));
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message}`);
  }
}
