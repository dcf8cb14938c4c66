/**
 * A node:test reporter that writes one JSON line per finished test (not per
 * suite), so that the kata runner, the integrity check and the grader read
 * results without parsing human-readable output. Record shapes: see
 * `test-records.ts`.
 *
 * It also records what a test file printed to stderr: when learner code
 * throws at import time, node:test reports only "test failed" and the reason
 * is there.
 *
 * Plain JavaScript because node loads reporters before `--import tsx` takes effect.
 */

function messageOf(error) {
  if (!(error instanceof Error)) return String(error);
  // node:test wraps the real failure in ERR_TEST_FAILURE with the original as `cause`.
  if (error.cause instanceof Error) return error.cause.message;
  if (typeof error.cause === "string") return error.cause;
  return error.message;
}

export default async function* eventsReporter(source) {
  // Names of the tests and suites currently open, per file, by nesting depth.
  const open = new Map();
  for await (const event of source) {
    const { data } = event;
    const file = data.file ?? "";
    if (event.type === "test:start") {
      const names = open.get(file) ?? [];
      names.length = data.nesting;
      names.push(data.name);
      open.set(file, names);
    } else if (event.type === "test:pass" || event.type === "test:fail") {
      if (data.details.type === "suite") continue;
      const record = {
        kind: "test",
        file,
        path: [...(open.get(file) ?? []).slice(0, data.nesting), data.name],
        passed: event.type === "test:pass" && !data.skip && !data.todo,
        durationMs: data.details.duration_ms,
      };
      if (event.type === "test:fail") record.error = messageOf(data.details.error);
      if (data.skip || data.todo) record.error = "a skipped or todo test counts as a failure in this course";
      // A file that reported no test of its own (it is empty, or the code under test ended its
      // process early with process.exit(0)) is reported as one passing "test" named after the file.
      if (record.passed && data.nesting === 0 && data.name === file) {
        record.passed = false;
        record.error = "this test file reported no tests: it is empty, or the code it tests ended the process early (process.exit?)";
      }
      yield JSON.stringify(record) + "\n";
    } else if (event.type === "test:stderr") {
      yield JSON.stringify({ kind: "stderr", file, message: data.message }) + "\n";
    }
  }
}
