/**
 * The sandbox a graded test file runs in, where the learner's code shares a
 * process with the tests and may be hostile. The file, the learner's code it
 * imports and a canary (tests that must fail) are bundled into one script
 * ahead of time by esbuild, so that the process runs plain JavaScript with
 * no compiler and no child process. Node then runs it with:
 *
 * - the permission model: it may read the grading tree and node_modules,
 *   write only its own events folder, and start no process or worker;
 * - no code generation from strings: no code can turn text into code;
 * - a heap limit (and the runner watches its resident memory);
 * - a preload that freezes JavaScript's built-ins (no code can change
 *   `Math`, `Array.prototype` or the like), and signs each test's verdict
 *   with a key no later code can read.
 *
 * The grader counts only signed verdicts, requires every canary to fail and
 * every test the kata registers on the reference to pass. See
 * docs/instructors.md for what this defends against, and what it does not.
 */
import { createHmac, randomBytes } from "node:crypto";
import { mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { build, type Plugin } from "esbuild";
import type { Impl } from "../core/impl.ts";

export { CANARY_SUITE } from "./canary-name.ts";

/** How much memory a graded test file may use: its V8 heap, and its whole resident set. */
export const HEAP_LIMIT_MB = 1536;
export const MEMORY_LIMIT_MB = 2048;

const RUNNER = (root: string) => join(root, "tools", "runner");

/** Node's flag for the permission model: stable since 22.13 and 23.5, experimental before. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has("--permission") ? "--permission" : "--experimental-permission";

/** A test file's bundle, or why it could not be made (the learner's code does not compile, say). */
export type Bundle = { path: string } | { error: string };

/**
 * Bundle each test file under `root` with the learner's code it imports and
 * the canary, into `root/.graded/`, each on its own, so that code that does
 * not compile fails only the files that import it. (Outside grading,
 * `runTests({ bundle: true })` bundles without the canary, into a folder
 * of its own, the learner's code or the reference.)
 */
export async function bundleTests(
  root: string,
  files: readonly string[],
  {
    impl = "src",
    canary = true,
    folder: under = ".graded",
    nodeTest,
  }: { impl?: Impl; canary?: boolean; folder?: string; nodeTest?: string } = {},
): Promise<Map<string, Bundle>> {
  const folder = join(root, under);
  mkdirSync(folder, { recursive: true });
  const bundles = await Promise.all(
    files.map(async (file): Promise<[string, Bundle]> => {
      const name = relative(join(root, "katas"), file).replace(/[/\\]/g, "--").replace(/\.ts$/, "");
      const entry = join(folder, `${name}.entry.mjs`);
      const path = join(folder, `${name}.mjs`);
      const imports = canary ? [file, join(RUNNER(root), "canary.ts")] : [file];
      writeFileSync(entry, imports.map((path) => `import ${JSON.stringify(path)};\n`).join(""));
      try {
        await build({
          entryPoints: [entry],
          outfile: path,
          bundle: true,
          platform: "node",
          format: "esm",
          target: "node20",
          packages: "external",
          sourcemap: "inline",
          logLevel: "silent",
          absWorkingDir: root,
          ...(impl === "solutions" ? { conditions: ["solutions"] } : {}),
          // The catalogue of mistakes runs many bundles in one process, against a stand-in for node:test.
          ...(nodeTest ? { plugins: [replaceNodeTest(nodeTest)] } : {}),
        });
        return [file, { path }];
      } catch (error) {
        const errors = (error as { errors?: { text: string; location?: { file: string; line: number } | null }[] }).errors ?? [];
        const lines = errors.slice(0, 5).map((e) => (e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text));
        return [
          file,
          { error: `the test file could not be compiled with the code it imports:\n${lines.join("\n") || (error as Error).message}` },
        ];
      }
    }),
  );
  return new Map(bundles);
}

/** An esbuild plugin that imports `path` wherever the code imports `node:test`. */
function replaceNodeTest(path: string): Plugin {
  return {
    name: "replace-node-test",
    setup(build) {
      build.onResolve({ filter: /^node:test$/ }, () => ({ path, external: true }));
    },
  };
}

/** Node's flags for a graded test process whose events go to `eventsFolder`. */
export function sandboxFlags(root: string, eventsFolder: string, heapLimitMB: number): string[] {
  const readable = [root, realpathSync(join(root, "node_modules"))];
  return [
    `--test-reporter=${join(RUNNER(root), "events-reporter.mjs")}`,
    "--test-force-exit",
    "--import",
    join(RUNNER(root), "sandbox-preload.mjs"),
    PERMISSION_FLAG,
    ...readable.map((path) => `--allow-fs-read=${path}`),
    `--allow-fs-write=${eventsFolder}`,
    "--disallow-code-generation-from-strings",
    `--max-old-space-size=${heapLimitMB}`,
    "--enable-source-maps",
    "--no-warnings",
  ];
}

/** A fresh key for one test process, in hex (the preload signs with its bytes). */
export const newKey = () => randomBytes(32).toString("hex");

/** Whether a verdict line carries the signature that `sandbox-preload.mjs` makes with `key`. */
export function signed(key: string, verdict: { name: string; passed: boolean; mac: string }): boolean {
  return createHmac("sha256", Buffer.from(key, "hex")).update(`${verdict.name}\n${verdict.passed}`).digest("hex") === verdict.mac;
}
