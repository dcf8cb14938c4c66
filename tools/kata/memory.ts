/**
 * What `npm run kata` remembers between runs, so that it reruns only what
 * changed: each kata's last result, under a key that changes whenever
 * anything that could change that result does (the kata's tests and
 * `kata.json`, every file they import, `src/` files included, directly or
 * through other files, the installed packages, Node's version); and the
 * grader's rules' verdict on each `src/` file, under the file's hash.
 *
 * Kept in `.cache/kata.json`, which git ignores. Deleting it, or a file
 * that cannot be read, only means that the next run checks every kata again.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Kata } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";

/** A kata's result, as `npm run kata` shows it. */
export interface Remembered {
  passed: boolean;
  testsPassed: number;
  testsTotal: number;
  firstFailure?: { test: string; message: string };
}

interface MemoryFile {
  version: typeof VERSION;
  katas: Record<string, Remembered & { key: string }>;
  /** The rules' problems with a src/ file, by the file's path, under its hash. */
  rules: Record<string, { sha256: string; problems: string[] }>;
}

const VERSION = 1;
const memoryPath = (root: string) => join(root, ".cache", "kata.json");
const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Module specifiers that lead to another file of the course: `#nn/x.ts`, `./x.ts`, `../support/x.ts`. */
const SPECIFIER = /["'](#nn\/[\w.-]+|\.\.?\/[\w./-]+)["']/g;

/**
 * Every file the kata's tests depend on: its tests and `kata.json`, and
 * every file they import, followed through imports (`#nn/x.ts` is
 * `src/x.ts`). Any string in a file that looks like a path to another file
 * counts, so a dependency is never missed for being written unusually.
 */
export function dependencies(kata: Kata, root = repoRoot): string[] {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    if (!/\.(ts|mjs|js)$/.test(path)) return;
    for (const [, specifier] of readFileSync(path, "utf8").matchAll(SPECIFIER)) {
      visit(specifier.startsWith("#nn/") ? join(root, "src", specifier.slice(4)) : resolve(dirname(path), specifier));
    }
  };
  visit(join(root, "katas", kata.id, "kata.json"));
  for (const test of kata.tests) visit(test);
  return [...seen].sort();
}

/** The key of a kata's result: the contents of everything it depends on, the installed packages, Node. */
export function kataKey(kata: Kata, root = repoRoot): string {
  const files = [...dependencies(kata, root), join(root, "package-lock.json")];
  const parts = files.map((path) => `${path}\n${existsSync(path) ? sha256(readFileSync(path)) : "-"}`);
  return sha256([process.version, ...parts].join("\n"));
}

/** The memory of the repository at `root`. */
export class Memory {
  private readonly data: MemoryFile;

  private constructor(
    private readonly root: string,
    data: MemoryFile,
  ) {
    this.data = data;
  }

  /** Read it; empty when there is none, or when it cannot be read. */
  static load(root = repoRoot): Memory {
    try {
      const data = JSON.parse(readFileSync(memoryPath(root), "utf8")) as MemoryFile;
      if (data.version === VERSION && typeof data.katas === "object" && typeof data.rules === "object") return new Memory(root, data);
    } catch {
      // None yet, or unreadable: start afresh.
    }
    return new Memory(root, { version: VERSION, katas: {}, rules: {} });
  }

  /** The kata's remembered result, if nothing it depends on has changed since. */
  result(kata: Kata, key = kataKey(kata, this.root)): Remembered | undefined {
    const entry = this.data.katas[kata.id];
    if (entry?.key !== key) return undefined;
    const { key: _, ...result } = entry;
    return result;
  }

  remember(kata: Kata, result: Remembered, key = kataKey(kata, this.root)): void {
    this.data.katas[kata.id] = { key, ...result };
  }

  /** The rules' problems with `src/<file>` as it is now, if remembered. */
  rules(file: string): string[] | undefined {
    const entry = this.data.rules[file];
    return entry?.sha256 === this.fileHash(file) ? entry.problems : undefined;
  }

  rememberRules(file: string, problems: string[]): void {
    this.data.rules[file] = { sha256: this.fileHash(file), problems };
  }

  /** Write it, whole or not at all (another run may be reading it). */
  save(): void {
    const path = memoryPath(this.root);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}`;
    writeFileSync(temporary, `${JSON.stringify(this.data)}\n`);
    renameSync(temporary, path);
  }

  private fileHash(file: string): string {
    const path = join(this.root, "src", file);
    return existsSync(path) ? sha256(readFileSync(path)) : "-";
  }
}
