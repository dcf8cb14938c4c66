/**
 * Node's module compile cache, for the course's own processes. The course
 * starts many Node processes (a program each, a test file each, a mistake
 * each), and each would compile the same JavaScript again: TensorFlow.js,
 * fast-check, esbuild's API. With the cache, V8 keeps the compiled code on
 * disk (by default in `os.tmpdir()/node-compile-cache`) and the next process
 * loads it instead, when the module's source is byte for byte the same; it
 * changes no result. Measured once on Node 24 and 2 cores, `npm run
 * test:tools` took 137 s with it and 155 s without. Node 20 has no compile
 * cache and runs as before; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
 *
 * Graded processes get none: the sandbox strips NODE_COMPILE_CACHE (see
 * `runner/run-tests.ts`), and its permissions would not let them write one.
 */
import module from "node:module";

/** Node ≥ 22.8's `module.enableCompileCache`, which Node 20's types do not know. */
type EnableCompileCache = () => { directory?: string };

/** Turn the cache on in this process and, through NODE_COMPILE_CACHE, in every process it starts. */
export function useCompileCache(): void {
  const enable = (module as unknown as { enableCompileCache?: EnableCompileCache }).enableCompileCache;
  const directory = enable?.().directory;
  if (directory) process.env.NODE_COMPILE_CACHE = directory;
}
