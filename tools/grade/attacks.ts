/**
 * The grader's red team: submissions that try to score without writing the
 * code, each a small patch over the learners' repository (`npm run
 * template`). `attacks.test.ts` grades each from the instructor's checkout,
 * and each must score nothing on the katas it touches, for the reason given.
 * A patch replaces a file, or puts code before the template's own stub.
 */

/** One change to a file of the submission: its new content, or code before its stub. */
export type Patch = string | { before: string } | { symlinkTo: string } | { folder: true } | { fifo: true };

export interface Attack {
  name: string;
  /** What it tries. */
  tries: string;
  /** The katas it touches: each must score 0. */
  katas: string[];
  /** The submission's files it changes, by path. */
  patch: Record<string, Patch>;
  /** What the report must say, on the first touched kata. */
  reason: RegExp;
}

const NOT_WRITTEN = /Not implemented: /;

/** Attacks on kata 01 through a learner file, refused before it runs. */
export const FILE_ATTACKS: Attack[] = [
  {
    name: "reexport-solutions",
    tries: "export the reference solutions (not in the learners' repository, but at a guessed path)",
    katas: ["01"],
    patch: { "src/matrix.ts": `export * from "../solutions/matrix.ts";\n` },
    reason:
      /src\/matrix\.ts was refused: line 1 imports "\.\.\/solutions\/matrix\.ts": a learner file may import only other files of src\//,
  },
  {
    name: "rewrite-output",
    tries: "rewrite the test process's output so that failures read as passes",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `const write = process.stdout.write.bind(process.stdout);\nprocess.stdout.write = ((text: string) => write(text.replaceAll("not ok", "ok"))) as typeof process.stdout.write;\n`,
      },
    },
    reason: /uses process, which a learner file may not use/,
  },
  {
    name: "neuter-assert",
    tries: "turn node:assert's functions into no-ops",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `import assert from "node:assert/strict";\nObject.assign(assert, { equal() {}, deepEqual() {}, ok() {}, throws() {} });\n`,
      },
    },
    reason: /imports "node:assert\/strict"/,
  },
  {
    name: "rewrite-tests",
    tries: "rewrite later katas' tests during the run, and restore them afterwards",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `import { writeFileSync } from "node:fs";\nwriteFileSync(new URL("../katas/03-perceptrons/perceptron.test.ts", import.meta.url), "export {};\\n");\n`,
      },
    },
    reason: /imports "node:fs"/,
  },
  {
    name: "detached-process",
    tries: "start a detached process that rewrites the report after the grader exits",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `import { spawn } from "node:child_process";\nspawn("sh", ["-c", "sleep 5; echo '{\\"score\\":140}' > reports/grade.json"], { detached: true, stdio: "ignore" }).unref();\n`,
      },
    },
    reason: /imports "node:child_process"/,
  },
  {
    name: "swap-math",
    tries: "swap the global Math for one whose abs is always 0, so that tolerance checks pass",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `globalThis.Math = { ...Math, abs: () => 0 };\n` } },
    reason: /uses globalThis, which a learner file may not use/,
  },
  {
    name: "patch-builtin",
    tries: "change a built-in that the tests use",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `Math.abs = () => 0;\n` } },
    reason: /changes Math\.abs: a learner file may not change JavaScript's built-ins/,
  },
  {
    name: "eval",
    tries: "reach process through code made from a string",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `const p = new Function("return process")();\nvoid p;\n` } },
    reason: /uses Function, which a learner file may not use/,
  },
  {
    name: "dynamic-import",
    tries: "import node:fs while running, where a static check might not look",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `export const fs = await import("node:fs");\n` } },
    reason: /imports with import\(…\) while it runs/,
  },
  {
    name: "later-kata",
    tries: "import a later kata's file, one that may use a library, from kata 01's",
    katas: ["01"],
    patch: { "src/matrix.ts": `export * from "./tfjs-model.ts";\n` },
    reason:
      /imports \.\/tfjs-model\.ts, of the later kata 13-tfjs: a file may import only the files of its own kata and of the katas before it/,
  },
  {
    name: "declare",
    tries: "declare process in the file, so that a check that looks for globals takes it for the file's own",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `declare const process: { exit(code: number): never };\nprocess.exit(0);\n` } },
    reason: /declares something with declare/,
  },
  {
    name: "escaped-name",
    tries: "write process with a Unicode escape, so that a text search misses it",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `const p = \\u0070rocess;\nvoid p;\n` } },
    reason: /uses process, which a learner file may not use/,
  },
  {
    name: "function-constructor",
    tries: "reach Function through a function's constructor, and make code from a string",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `const make = (() => {}).constructor as FunctionConstructor;\nmake("return process")();\n` } },
    reason: /Code generation from strings disallowed/,
  },
  {
    name: "define-builtin",
    tries: "change Math.abs with Object.defineProperty, which is not an assignment",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `Object.defineProperty(Math, "abs", { value: () => 0 });\n` } },
    reason: /Cannot redefine property: abs/,
  },
  {
    name: "buffer",
    tries: "change Buffer.from, which Node's own code uses to write files and make signatures",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `Object.defineProperty(Buffer, "from", { value: () => new Uint8Array(0) });\n` } },
    reason: /Cannot redefine property: from/,
  },
  {
    name: "stack-trace-hook",
    tries: "install Error.prepareStackTrace, to reach the frames (and their this) of the code that calls it",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `Object.defineProperty(Error, "prepareStackTrace", { value: (_error: unknown, frames: unknown[]) => frames });\n`,
      },
    },
    reason: /Cannot (re)?define property:? prepareStackTrace/,
  },
  {
    name: "console-stream",
    tries: "rewrite the test process's output through console's stream, where no process is named",
    katas: ["01"],
    patch: {
      "src/matrix.ts": {
        before: `const stream = (console as unknown as { _stdout: { write: (text: string) => boolean } })._stdout;\nconst write = stream.write.bind(stream);\nObject.assign(stream, { write: (text: string) => write(text.replaceAll("not ok", "ok")) });\n`,
      },
    },
    reason: NOT_WRITTEN,
  },
  {
    name: "package-json",
    tries: "import the repository's package.json",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `import course from "../package.json" with { type: "json" };\nvoid course;\n` } },
    reason: /imports "\.\.\/package\.json": a learner file may import only other files of src\//,
  },
  {
    name: "create-require",
    tries: "make a require function, to load any module",
    katas: ["01"],
    patch: {
      "src/matrix.ts": { before: `import { createRequire } from "node:module";\nexport const load = createRequire(import.meta.url);\n` },
    },
    reason: /imports "node:module"/,
  },
  {
    name: "never-settles",
    tries: "wait at import for a promise that never settles, so that the tests never run and never fail",
    katas: ["01"],
    patch: { "src/matrix.ts": { before: `await new Promise(() => {});\n` } },
    reason: /waits, as it loads, for something that never comes/,
  },
  {
    name: "symlink",
    tries: "make the graded file a link to a file outside the submission",
    katas: ["01"],
    patch: { "src/matrix.ts": { symlinkTo: "/etc/hostname" } },
    reason: /src\/matrix\.ts is a symbolic link: a learner file must be a regular file/,
  },
  {
    name: "folder",
    tries: "make the graded file a folder",
    katas: ["01"],
    patch: { "src/matrix.ts": { folder: true } },
    reason: /src\/matrix\.ts is not a regular file/,
  },
  {
    name: "fifo",
    tries: "make the graded file a named pipe, which blocks whoever opens it until something writes to it",
    katas: ["01"],
    patch: { "src/matrix.ts": { fifo: true } },
    reason: /src\/matrix\.ts is not a regular file/,
  },
  {
    name: "huge-file",
    tries: "hand in a file large enough to slow the grader down",
    katas: ["01"],
    patch: { "src/matrix.ts": `// ${"x".repeat(300_000)}\n` },
    reason: /has 300,\d{3} bytes, more than the 262,144 a learner file may have/,
  },
];

/** Attacks on the rest of the repository: the grader takes none of it, so the stubs stay unwritten. */
export const REPOSITORY_ATTACKS: Attack[] = [
  {
    name: "src-symlink",
    tries: "make src/ a link to a folder outside the submission",
    katas: ["01"],
    patch: { src: { symlinkTo: "/tmp" } },
    reason: /src\/matrix\.ts was not taken: the submission's src\/ is a symbolic link/,
  },
  {
    name: "node-modules",
    tries: "hand in a node_modules whose assert module passes everything",
    katas: ["01"],
    patch: {
      "node_modules/fast-check/package.json": `{ "name": "fast-check", "main": "index.js" }\n`,
      "node_modules/fast-check/index.js": `module.exports = { assert() {}, property() {} };\n`,
    },
    reason: NOT_WRITTEN,
  },
  {
    name: "npmrc-hook",
    tries: "load a hook into every node process through .npmrc's node-options",
    katas: ["01"],
    patch: {
      ".npmrc": "node-options=--import=./hook.mjs\n",
      "hook.mjs": `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync("reports/grade.json", '{"score":140}'));\n`,
    },
    reason: NOT_WRITTEN,
  },
  {
    name: "tsconfig-paths",
    tries: "map #nn to another folder through tsconfig.json's paths",
    katas: ["01"],
    patch: {
      "tsconfig.json": `{ "compilerOptions": { "paths": { "#nn/*": ["./cheat/*"] } } }\n`,
      "cheat/matrix.ts": `export const matrix = () => ({});\n`,
    },
    reason: NOT_WRITTEN,
  },
  {
    name: "package-imports",
    tries: "point package.json's #nn imports at another folder",
    katas: ["01"],
    patch: {
      "package.json": `{ "type": "module", "imports": { "#nn/*": "./cheat/*" } }\n`,
      "cheat/matrix.ts": `export const matrix = () => ({});\n`,
    },
    reason: NOT_WRITTEN,
  },
  {
    name: "tools",
    tries: "replace the test reporter with one that reports every test as passed",
    katas: ["01"],
    patch: { "tools/runner/events-reporter.mjs": `export default async function* (source) { for await (const e of source) yield ""; }\n` },
    reason: NOT_WRITTEN,
  },
  {
    name: "kata-points",
    tries: "raise a kata's points in its kata.json",
    katas: ["01"],
    patch: { "katas/01-matrices/kata.json": `{ "files": ["matrix.ts"], "points": 1000 }\n` },
    reason: NOT_WRITTEN,
  },
  {
    name: "tests",
    tries: "replace a kata's tests with ones that pass",
    katas: ["01"],
    patch: {
      "katas/01-matrices/matrix.test.ts": `import { describe, it } from "node:test";\ndescribe("01-matrices", () => it("passes", () => {}));\n`,
    },
    reason: NOT_WRITTEN,
  },
];

/**
 * Attacks through a library that kata 13 may import: TensorFlow.js hands out
 * the global object (`tf.env().global`), which the static rules cannot see.
 * Its `process` is the sandbox's stand-in, which reaches nothing further.
 */
const throughTfjs = `import * as tfEscape from "@tensorflow/tfjs";\nconst nodeProcess = (tfEscape.env().global as { process: NodeJS.Process }).process;\n`;
export const LIBRARY_ATTACKS: Attack[] = [
  {
    name: "library-neuters-assert",
    tries: "turn node:assert's functions into no-ops, with process reached through TensorFlow.js",
    katas: ["13"],
    patch: {
      "src/tfjs-model.ts": {
        before: `${throughTfjs}const strict = nodeProcess.getBuiltinModule("node:assert/strict") as Record<string, unknown>;\nfor (const name of Object.keys(strict)) if (typeof strict[name] === "function") strict[name] = () => {};\n`,
      },
    },
    reason: /getBuiltinModule is not a function/,
  },
  {
    name: "library-forges-verdicts",
    tries: "write passing verdicts into the events file, with fs reached through TensorFlow.js",
    katas: ["13"],
    patch: {
      "src/tfjs-model.ts": {
        before: `${throughTfjs}const fs = nodeProcess.getBuiltinModule("node:fs") as typeof import("node:fs");\nfs.appendFileSync(nodeProcess.env.NN_TEST_EVENTS ?? "", JSON.stringify({ kind: "verdict", name: "13-tfjs > x", passed: true, mac: "f".repeat(64) }) + "\\n");\n`,
      },
    },
    reason: /getBuiltinModule is not a function/,
  },
  {
    name: "library-rewrites-tests",
    tries: "rewrite the kata's own tests, with fs reached through TensorFlow.js",
    katas: ["13"],
    patch: {
      "src/tfjs-model.ts": {
        before: `${throughTfjs}const fs = nodeProcess.getBuiltinModule("node:fs") as typeof import("node:fs");\nfs.writeFileSync(new URL("../katas/13-tfjs/tfjs.test.ts", import.meta.url), "export {};\\n");\n`,
      },
    },
    reason: /getBuiltinModule is not a function/,
  },
  {
    name: "library-exits",
    tries: "end the test process before the failing tests report, with process reached through TensorFlow.js",
    katas: ["13"],
    patch: { "src/tfjs-model.ts": { before: `${throughTfjs}nodeProcess.exit(0);\n` } },
    reason: /process\.exit\(0\) is not available while grading/,
  },
  {
    name: "library-swaps-buffer",
    tries: "swap the global Buffer, through the global object TensorFlow.js hands out",
    katas: ["13"],
    patch: {
      "src/tfjs-model.ts": {
        before: `import * as tfGlobal from "@tensorflow/tfjs";\nObject.defineProperty(tfGlobal.env().global, "Buffer", { value: Uint8Array });\n`,
      },
    },
    reason: /Cannot redefine property: Buffer/,
  },
];
