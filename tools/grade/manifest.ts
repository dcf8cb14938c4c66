/**
 * The tests manifest, `katas/tests.sha256`: the SHA-256 of every file that
 * decides a grade (each `katas/**\/*.test.ts`, each kata's `kata.json`, and
 * the test helpers `katas/support/*.ts`, not their own tests), in
 * `sha256sum` format, so that `sha256sum -c katas/tests.sha256` checks it
 * too. `npm run manifest` writes it, to be committed; every report says
 * whether the tests it ran match it, and `--verify-tests` refuses to grade
 * when they do not.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kata } from "../core/katas.ts";

export const MANIFEST = "katas/tests.sha256";

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** The graded files under `root`, as sorted paths relative to it with `/` separators. */
export function gradedFiles(root: string): string[] {
  const entries = readdirSync(join(root, "katas"), { recursive: true, encoding: "utf8" }).map((path) => path.split("\\").join("/"));
  const graded = (path: string) =>
    /^\d\d-[^/]+\/.+\.test\.ts$/.test(path) || /^\d\d-[^/]+\/kata\.json$/.test(path) || /^support\/[^/]+(?<!\.test)\.ts$/.test(path);
  return entries
    .filter(graded)
    .map((path) => `katas/${path}`)
    .sort();
}

/** The manifest's lines for `files`: `<sha256>  <path>`. */
function manifestLines(root: string, files: readonly string[]): string[] {
  return files.map((path) => `${sha256(readFileSync(join(root, path)))}  ${path}`);
}

/** The manifest text for the files under `root` now. */
export function buildManifest(root: string): string {
  return `${manifestLines(root, gradedFiles(root)).join("\n")}\n`;
}

/** path → hash; throws on a line that is not `<sha256>  <path>`. */
export function parseManifest(text: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const [index, line] of text.split("\n").entries()) {
    if (line === "") continue;
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!match) throw new Error(`${MANIFEST} line ${index + 1} is not "<sha256>  <path>": ${JSON.stringify(line)}`);
    hashes.set(match[2], match[1]);
  }
  return hashes;
}

export interface ManifestCheck {
  manifest: typeof MANIFEST;
  /** SHA-256 of the manifest file itself; null when it is missing. */
  sha256: string | null;
  /** Files whose content differs from the manifest. */
  changed: string[];
  /** Graded files the manifest does not list. */
  added: string[];
  /** Files the manifest lists that are gone. */
  missing: string[];
}

/** Compare the graded files under `root` with its committed manifest. */
export function checkManifest(root: string): ManifestCheck {
  const path = join(root, MANIFEST);
  if (!existsSync(path)) return { manifest: MANIFEST, sha256: null, changed: [], added: [], missing: [] };
  const text = readFileSync(path, "utf8");
  const expected = parseManifest(text);
  const files = gradedFiles(root);
  const actual = new Map(manifestLines(root, files).map((line) => [line.slice(66), line.slice(0, 64)]));
  return {
    manifest: MANIFEST,
    sha256: sha256(text),
    changed: files.filter((file) => expected.has(file) && expected.get(file) !== actual.get(file)),
    added: files.filter((file) => !expected.has(file)),
    missing: [...expected.keys()].filter((file) => !actual.has(file)).sort(),
  };
}

/** The manifest is present and every graded file matches it. */
export const testsUnchanged = (check: ManifestCheck) =>
  check.sha256 !== null && check.changed.length + check.added.length + check.missing.length === 0;

/** One hash of everything that grades `kata`: its kata.json and tests, and the shared support files. */
export function kataTestsSha256(kata: Kata, root: string): string {
  const files = gradedFiles(root).filter((path) => path.startsWith(`katas/${kata.id}/`) || path.startsWith("katas/support/"));
  return sha256(manifestLines(root, files).join("\n"));
}
