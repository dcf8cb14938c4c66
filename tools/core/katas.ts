/**
 * The kata list, read from `katas/NN-slug/`. Each folder holds a lesson
 * (`README.md`, whose first heading is the title and whose `## Hints`
 * section is what `--hint` shows), its `*.test.ts` files, and a `kata.json`:
 *
 *     { "files": ["matrix.ts"], "timeoutSeconds": 30, "points": 10, "libraries": [] }
 *
 * `files` (required) are the `src/` files the learner writes in this kata;
 * `timeoutSeconds` is how long one test file may run (default 30, at most
 * 600); `points` is what the kata is worth in a grade (default 10);
 * `libraries` are the packages (dependencies of the course, or `node:`
 * modules) that the learner's files of this kata may import, besides other
 * files of `src/` (default none). Anything else in the file is an error that
 * names it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { isBuiltin } from "node:module";
import { join } from "node:path";
import { UsageError } from "./cli.ts";
import { repoRoot } from "./paths.ts";

export interface Kata {
  /** The folder name, for example `01-matrices`. */
  id: string;
  title: string;
  /** The lesson, relative to the repository root. */
  lesson: string;
  /** The files this kata asks the learner to write, relative to `src/` (and `solutions/`). */
  files: string[];
  /** Absolute paths of the kata's test files. */
  tests: string[];
  /** How long one test file may run before it counts as failed (an infinite loop, say). */
  timeoutMs: number;
  /** What the kata is worth in a grade: all of it when every test passes, none otherwise. */
  points: number;
  /** The packages the learner's files of this kata may import, besides other files of `src/`. */
  libraries: string[];
}

export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MAX_TIMEOUT_SECONDS = 600;
export const DEFAULT_POINTS = 10;

/** A kata folder's name: two digits, a dash, a lower-case slug. */
export const KATA_ID = /^\d\d-[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function listKatas(root: string = repoRoot): Kata[] {
  return readdirSync(join(root, "katas"))
    .filter((name) => KATA_ID.test(name))
    .sort()
    .map((id) => readKata(root, id));
}

/** `kata.json`, checked: every problem names the file and says what is expected. */
export function readKataJson(
  root: string,
  id: string,
): Omit<Kata, "id" | "title" | "lesson" | "tests" | "timeoutMs"> & { timeoutSeconds: number } {
  const path = join("katas", id, "kata.json");
  const fail = (problem: string): never => {
    throw new Error(`${path}: ${problem}`);
  };
  if (!existsSync(join(root, path))) fail("the file is missing; every kata folder needs one (see CONTRIBUTING.md)");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(join(root, path), "utf8"));
  } catch (error) {
    fail(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) fail("must be a JSON object");
  const config = json as Record<string, unknown>;
  const unknown = Object.keys(config).filter((key) => !["files", "timeoutSeconds", "points", "libraries"].includes(key));
  if (unknown.length > 0) {
    fail(
      `unknown field ${unknown.map((key) => `"${key}"`).join(", ")}; the fields are "files", "timeoutSeconds", "points" and "libraries"`,
    );
  }
  const { files, timeoutSeconds = DEFAULT_TIMEOUT_SECONDS, points = DEFAULT_POINTS, libraries = [] } = config;
  if (!Array.isArray(files) || files.length === 0 || !files.every((file) => typeof file === "string" && /^[a-z0-9-]+\.ts$/.test(file))) {
    fail(`"files" must be a non-empty list of src/ file names such as "matrix.ts", got ${JSON.stringify(files)}`);
  }
  for (const file of files as string[]) if (!existsSync(join(root, "src", file))) fail(`"files" names src/${file}, which does not exist`);
  if (!Number.isSafeInteger(timeoutSeconds) || (timeoutSeconds as number) < 1 || (timeoutSeconds as number) > MAX_TIMEOUT_SECONDS) {
    fail(`"timeoutSeconds" must be a whole number of seconds from 1 to ${MAX_TIMEOUT_SECONDS}, got ${JSON.stringify(timeoutSeconds)}`);
  }
  if (!Number.isSafeInteger(points) || (points as number) < 0) fail(`"points" must be a whole number ≥ 0, got ${JSON.stringify(points)}`);
  if (!Array.isArray(libraries) || !libraries.every((name) => typeof name === "string")) {
    fail(`"libraries" must be a list of package names, got ${JSON.stringify(libraries)}`);
  }
  const dependencies = () =>
    (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies?: Record<string, string> }).dependencies ?? {};
  for (const name of libraries as string[]) {
    if (name.startsWith("node:") ? !isBuiltin(name) : !(name in dependencies())) {
      fail(`"libraries" names ${JSON.stringify(name)}, which is neither a dependency in package.json nor a node: module`);
    }
  }
  return { files: files as string[], timeoutSeconds: timeoutSeconds as number, points: points as number, libraries: libraries as string[] };
}

function readKata(root: string, id: string): Kata {
  const dir = join(root, "katas", id);
  const lesson = join("katas", id, "README.md");
  const config = readKataJson(root, id);
  if (!existsSync(join(root, lesson))) throw new Error(`${lesson} is missing: every kata has a lesson`);
  const title = /^# (.+)$/m.exec(readFileSync(join(root, lesson), "utf8"))?.[1]?.trim();
  if (!title) throw new Error(`${lesson} has no "# Title" line`);
  const tests = readdirSync(dir)
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(dir, name));
  if (tests.length === 0) throw new Error(`katas/${id} has no *.test.ts file`);
  return {
    id,
    title,
    lesson,
    files: config.files,
    tests,
    timeoutMs: config.timeoutSeconds * 1000,
    points: config.points,
    libraries: config.libraries,
  };
}

/** The `## Hints` section of a kata's lesson, without its heading. */
export function hintsOf(kata: Kata, root: string = repoRoot): string {
  const readme = readFileSync(join(root, kata.lesson), "utf8");
  const match = /^## Hints\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  if (!match) throw new Error(`${kata.lesson} has no "## Hints" section`);
  return match[1].trim();
}

/** Find a kata by its number or id prefix: `4`, `04` and `04-sigmoid` all name kata 04. */
export function findKata(katas: readonly Kata[], name: string): Kata | undefined {
  const padded = /^\d$/.test(name) ? `0${name}` : name;
  return katas.find((kata) => kata.id === padded || kata.id.startsWith(`${padded}-`));
}

/** The katas `names` name, in the order given; all of them when there are no names. A name that fits none is a UsageError listing the katas. */
export function chooseKatas(katas: readonly Kata[], names: readonly string[]): Kata[] {
  if (names.length === 0) return [...katas];
  return names.map((name) => {
    const kata = findKata(katas, name);
    if (!kata) throw new UsageError(`no kata "${name}"; the katas are ${katas.map((k) => k.id).join(", ")}`);
    return kata;
  });
}
