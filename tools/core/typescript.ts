/**
 * The TypeScript compiler, for the programs that read code: the grader's
 * rules for a learner's file, the line counts of `npm run compare`, the API
 * parity check. Loaded through `require`: imported as an ES module through
 * tsx, the 9 MB compiler takes about twice as long to load, and every one
 * of these processes pays for it.
 */
import { createRequire } from "node:module";
import type * as TS from "typescript";

export const ts: typeof TS = createRequire(import.meta.url)("typescript");
