/**
 * One process that tries many mistakes, for `npm run test:mistakes`: each
 * IPC message is a list of bundled test files (one mistake's kata tests,
 * built against `mini-test.mjs`); it imports them in turn, runs each one's
 * tests up to the first failure, and answers with one message:
 * `{ failed: { path: [...], error: "..." } }` or `{ failed: null }`.
 * A bundle that cannot load, or an error nothing caught, is answered as a
 * failure of the file. The parent kills this process when an answer takes
 * longer than the kata's time limit (a mistake that loops for ever).
 */
import { pathToFileURL } from "node:url";
import { reset, runUntilFailure } from "./mini-test.mjs";

const answer = (failed) => process.send?.({ failed });

// A mistake may fail in a callback that nothing awaits; that is a failure of the mistake, not of this process.
let stray;
process.on("uncaughtException", (error) => {
  stray ??= error;
});
process.on("unhandledRejection", (error) => {
  stray ??= error;
});

process.on("message", async (files) => {
  let failed = null;
  for (const file of files) {
    reset();
    stray = undefined;
    try {
      await import(pathToFileURL(file).href);
      failed = (await runUntilFailure()) ?? null;
    } catch (error) {
      failed = { path: [file], error: error instanceof Error ? error.message : String(error) };
    }
    if (!failed && stray) failed = { path: [file], error: `an error nothing caught: ${stray instanceof Error ? stray.message : stray}` };
    if (failed) break;
  }
  answer(failed);
});
