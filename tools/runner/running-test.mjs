/**
 * Preloaded (`--import`) into every course test process: before each test
 * starts, it appends the test's full name to the events file, synchronously.
 * A test that then loops for ever blocks the process, and the reporter never
 * hears of it, but this line is already on disk: the runner can say which
 * test was running when its time ran out.
 *
 * Plain JavaScript, like the reporter, so that it loads before tsx.
 */
import { appendFileSync } from "node:fs";
import { beforeEach } from "node:test";

const out = process.env.NN_TEST_EVENTS;

beforeEach((t) => {
  // `fullName`, "suite > test", is why the course needs Node 20.16 or newer.
  if (out) appendFileSync(out, `${JSON.stringify({ kind: "running", name: t.fullName })}\n`);
});
