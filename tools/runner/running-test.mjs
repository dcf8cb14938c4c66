/**
 * Preloaded (`--import`) into every course test process: before each test
 * starts, it appends the test's full name to the events file, synchronously.
 * A test that then loops for ever blocks the process, and the reporter never
 * hears of it, but this line is already on disk: the runner can say which
 * test was running when its time ran out.
 *
 * With NN_BAIL set, it also ends the process as soon as a test fails, once
 * that test's record is on disk: enough for a check that only asks whether
 * a test fails (the catalogue of mistakes), and much quicker. It must happen
 * here: the reporter hears of a failure only when the event loop lets it,
 * which busy tests may put off to the end of the file.
 *
 * Plain JavaScript, like the reporter, so that it loads before tsx.
 */
import { appendFileSync } from "node:fs";
import { afterEach, beforeEach } from "node:test";

const out = process.env.NN_TEST_EVENTS;

beforeEach((t) => {
  // `fullName`, "suite > test", is why the course needs Node 20.16 or newer.
  if (out) appendFileSync(out, `${JSON.stringify({ kind: "running", name: t.fullName })}\n`);
});

afterEach((t) => {
  if (!out || !process.env.NN_BAIL || t.passed) return;
  const error = t.error instanceof Error ? (t.error.cause instanceof Error ? t.error.cause : t.error) : undefined;
  const record = { kind: "test", path: t.fullName.split(" > "), passed: false, durationMs: 0, error: error?.message ?? "failed" };
  appendFileSync(out, `${JSON.stringify(record)}\n`);
  process.exit(1);
});
