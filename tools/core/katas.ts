/**
 * The kata list, read from `katas/NN-slug/`: each folder holds a lesson
 * (`README.md`, whose first heading is the title and whose `## Hints` section
 * is what `--hint` shows), a `kata.json` naming the `src/` files the learner
 * writes in this kata, and its `*.test.ts` files.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
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
}

interface KataJson {
  files: string[];
  timeoutSeconds?: number;
}

const KATA_DIR = /^\d\d-[a-z0-9-]+$/;

export function listKatas(root: string = repoRoot): Kata[] {
  const katasDir = join(root, "katas");
  return readdirSync(katasDir)
    .filter((name) => KATA_DIR.test(name))
    .sort()
    .map((id) => readKata(root, id));
}

function readKata(root: string, id: string): Kata {
  const dir = join(root, "katas", id);
  const lesson = join("katas", id, "README.md");
  const configPath = join(dir, "kata.json");
  if (!existsSync(configPath)) throw new Error(`kata ${id}: ${configPath} is missing`);
  const config = JSON.parse(readFileSync(configPath, "utf8")) as KataJson;
  const readme = readFileSync(join(root, lesson), "utf8");
  const title = /^# (.+)$/m.exec(readme)?.[1]?.trim();
  if (!title) throw new Error(`kata ${id}: ${lesson} has no "# Title" line`);
  const tests = readdirSync(dir)
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(dir, name));
  if (tests.length === 0) throw new Error(`kata ${id}: no *.test.ts files in ${dir}`);
  return { id, title, lesson, files: config.files, tests, timeoutMs: (config.timeoutSeconds ?? 30) * 1000 };
}

/** The `## Hints` section of a kata's lesson, without its heading. */
export function hintsOf(kata: Kata, root: string = repoRoot): string {
  const readme = readFileSync(join(root, kata.lesson), "utf8");
  const match = /^## Hints\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme);
  if (!match) throw new Error(`kata ${kata.id}: ${kata.lesson} has no "## Hints" section`);
  return match[1].trim();
}

/** Find a kata by its number or id prefix: `4`, `04` and `04-sigmoid` all name kata 04. */
export function findKata(katas: readonly Kata[], name: string): Kata | undefined {
  const padded = /^\d$/.test(name) ? `0${name}` : name;
  return katas.find((kata) => kata.id === padded || kata.id.startsWith(`${padded}-`));
}
