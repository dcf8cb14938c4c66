import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runProgram } from "../core/processes.ts";

const browserTest = (env: Record<string, string | undefined>) =>
  runProgram("site/browser-test.ts", [], { env: { REQUIRE_BROWSER_TEST: undefined, ...env } });

describe("npm run test:browser without Chromium", () => {
  const missing = { CHROMIUM_PATH: "/nonexistent/chromium" };

  it("is skipped, saying why and how to install it", async () => {
    const { status, output } = await browserTest(missing);
    assert.equal(status, 0, output);
    assert.match(
      output,
      /SKIPPED browser test: Chromium is not installed at \/nonexistent\/chromium; install it \(sudo apt-get install chromium\)/,
    );
    assert.match(output, /^browser: 0 passed, 0 failed, 1 skipped$/m);
  });

  it("fails instead when REQUIRE_BROWSER_TEST=1, as in CI", async () => {
    const { status, output } = await browserTest({ ...missing, REQUIRE_BROWSER_TEST: "1" });
    assert.equal(status, 1, output);
    assert.match(output, /\/nonexistent\/chromium is missing and REQUIRE_BROWSER_TEST=1 makes this test mandatory/);
    assert.doesNotMatch(output, /SKIPPED/);
    assert.doesNotMatch(output, /^\s+at /m, "no stack trace");
  });
});
