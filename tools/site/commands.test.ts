import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, it } from "node:test";
import { repoRoot } from "../core/paths.ts";

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const { REQUIRE_BROWSER_TEST: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "tools", "site", script), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...inherited, NO_COLOR: "1", ...env },
  });
  return { status: result.status, output: result.stdout + result.stderr };
}

const noStackTrace = (output: string) => assert.doesNotMatch(output, /^\s+at /m, "no stack trace");

describe("npm run test:browser without Chromium", () => {
  const missing = { CHROMIUM_PATH: "/nonexistent/chromium" };

  it("is skipped, saying why and how to install it", () => {
    const { status, output } = run("browser-test.ts", [], missing);
    assert.equal(status, 0, output);
    assert.match(output, /SKIPPED browser test: Chromium is not installed at \/nonexistent\/chromium; install it \(sudo apt-get install chromium\)/);
    assert.match(output, /^browser: 0 passed, 0 failed, 1 skipped$/m);
  });

  it("fails instead when REQUIRE_BROWSER_TEST=1, as in CI", () => {
    const { status, output } = run("browser-test.ts", [], { ...missing, REQUIRE_BROWSER_TEST: "1" });
    assert.equal(status, 1, output);
    assert.match(output, /\/nonexistent\/chromium is missing and REQUIRE_BROWSER_TEST=1 makes this test mandatory/);
    assert.doesNotMatch(output, /SKIPPED/);
    noStackTrace(output);
  });
});

describe("the docs commands", () => {
  for (const script of ["docs.ts", "browser-test.ts"]) {
    it(`${script} rejects an unknown flag in one line, with exit code 2`, () => {
      const { status, output } = run(script, ["--bogus"]);
      assert.equal(status, 2, output);
      assert.match(output, /Unknown option '--bogus'/);
      noStackTrace(output);
    });
  }
});
