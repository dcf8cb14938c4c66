/**
 * A node:test reporter for the course's test processes. It writes one JSON
 * line per event that matters, synchronously, to the file named by
 * NN_TEST_EVENTS, so that every line is on disk even when the process is
 * killed a moment later (a test that loops for ever) or ends itself early
 * (`process.exit` in the code under test). It yields nothing, so the
 * process prints nothing of its own. (Which test is running is recorded by
 * `running-test.mjs`, which unlike a reporter hears of it at once.) Record
 * shapes: see `test-records.ts`.
 *
 * Plain JavaScript because node loads reporters before `--import tsx` takes effect.
 */
import { appendFileSync } from "node:fs";

/** The failure's own message: node:test wraps it in ERR_TEST_FAILURE with the original as `cause`. */
function messageOf(error) {
  if (!(error instanceof Error)) return String(error);
  if (error.cause instanceof Error) return error.cause.message;
  if (typeof error.cause === "string") return error.cause;
  return error.message;
}

/**
 * Where in the learner's code a failure was thrown: the first frame of its
 * stack that is not Node's or a package's, when that frame is a file of
 * `src/` ("src/matrix.ts:42"). The innermost cause is asked first: a
 * property test's failure carries the error the code threw as its cause.
 */
function whereInSrc(error) {
  const chain = [];
  for (let at = error; at instanceof Error && chain.length < 5; at = at.cause) chain.unshift(at);
  for (const at of chain) {
    const frame = String(at.stack ?? "")
      .split("\n")
      .find((line) => /^\s+at /.test(line) && !/node:|node_modules|\(native\)|<anonymous>/.test(line));
    const where = frame && /[\s(/\\]src[/\\]([\w.-]+\.ts):(\d+)/.exec(frame);
    if (where) return `src/${where[1]}:${where[2]}`;
  }
  return undefined;
}

export default async function* eventsReporter(source) {
  const out = process.env.NN_TEST_EVENTS;
  if (!out) throw new Error("events-reporter: NN_TEST_EVENTS must name the file to write to");
  const write = (record) => appendFileSync(out, `${JSON.stringify(record)}\n`);
  // The names of the suites and tests open at each depth, as they are reported.
  const reported = [];
  for await (const event of source) {
    const { data } = event;
    if (event.type === "test:start") {
      reported.length = data.nesting;
      reported.push(data.name);
    } else if (event.type === "test:pass" || event.type === "test:fail") {
      const path = [...reported.slice(0, data.nesting), data.name];
      const error = data.details.error;
      // A suite is recorded only when it failed by itself (its describe() threw, or a hook failed), not
      // because a test inside it failed: that test has its own record.
      if (data.details.type === "suite" && (event.type === "test:pass" || error?.failureType === "subtestsFailed")) continue;
      const record = { kind: "test", path, passed: event.type === "test:pass", durationMs: data.details.duration_ms };
      if (event.type === "test:fail") {
        record.error = messageOf(error);
        const where = whereInSrc(error);
        if (where) record.where = where;
      }
      if (data.skip || data.todo) {
        record.passed = false;
        record.error = "a skipped or todo test counts as a failure in this course";
      }
      write(record);
    } else if (event.type === "test:plan" && data.nesting === 0) {
      write({ kind: "end" });
    }
  }
}
