/**
 * Node's module compile cache, for the course's own processes. The course
 * starts many Node processes (a program each, a test file each, a mistake
 * each), and each would compile the same JavaScript again: TensorFlow.js,
 * fast-check, esbuild's API. With the cache, V8 keeps the compiled code on
 * disk and the next process loads it instead, when the module's source is
 * byte for byte the same; it changes no result. Measured once on Node 24
 * and 2 cores, `npm run test:tools` took 137 s with it and 155 s without.
 * Node 20 has no compile cache and runs as before;
 * NODE_DISABLE_COMPILE_CACHE=1 turns it off, and NODE_COMPILE_CACHE=dir
 * puts it elsewhere.
 *
 * It lives in this checkout, in `node_modules/.cache/node-compile-cache/`,
 * not in Node's default folder under the system's temporary folder: another
 * user of a shared machine could write compiled code there for this
 * checkout's programs (the grader among them) to run.
 *
 * Graded processes get none: the sandbox strips NODE_COMPILE_CACHE (see
 * `runner/run-tests.ts`), and its permissions would not let them write one.
 */
import module from "node:module";
import { join } from "node:path";
import { repoRoot } from "./paths.ts";

/** Where the cache lives unless NODE_COMPILE_CACHE says otherwise. */
export const COMPILE_CACHE_DIR = join(repoRoot, "node_modules", ".cache", "node-compile-cache");

/** Node ≥ 22.8's `module.enableCompileCache`, which Node 20's types do not know. */
type EnableCompileCache = (directory: string) => { directory?: string };

/** Turn the cache on in this process and, through NODE_COMPILE_CACHE, in every process it starts. */
export function useCompileCache(): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  const directory = process.env.NODE_COMPILE_CACHE || COMPILE_CACHE_DIR;
  // Node keeps each version's cache in a folder of its own below `directory`, and says so in its answer; the children get `directory`.
  if (enable?.(directory).directory) process.env.NODE_COMPILE_CACHE = directory;
}
