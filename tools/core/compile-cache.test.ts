import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import module from "node:module";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { COMPILE_CACHE_DIR } from "./compile-cache.ts";
import { repoRoot } from "./paths.ts";
import { runCourse } from "./processes.ts";
import { tempDir } from "./test-trees.ts";

/** Whether this Node has a compile cache to turn on (22.8 and later; Node 20 has none). */
const hasCompileCache = "enableCompileCache" in module;

/**
 * A program declared with runCommand whose child prints its compile cache
 * directory, or "none": the children a program starts are where the cache
 * pays (a test file, a mistake, a grading run each).
 */
async function childsCacheDir(env: Record<string, string | undefined>): Promise<string> {
  const script = join(tempDir("compile-cache"), "program.ts");
  writeFileSync(
    script,
    [
      `import { execFileSync } from "node:child_process";`,
      `import { runCommand } from ${JSON.stringify(join(repoRoot, "tools", "core", "cli.ts"))};`,
      `runCommand({ name: "demo", usage: "demo", summary: "demo", flags: {} }, () => {`,
      `  const code = "console.log(require('node:module').getCompileCacheDir?.() ?? 'none')";`,
      `  process.stdout.write(execFileSync(process.execPath, ["-e", code], { encoding: "utf8" }));`,
      `  return 0;`,
      `});`,
    ].join("\n"),
  );
  // Started without the cache that this test's own runner handed down (unless `env` sets one), so that only runCommand can turn it on.
  const run = await runCourse({ script, impl: "src", env: { NODE_COMPILE_CACHE: undefined, ...env } });
  assert.equal(run.code, 0, run.stderr);
  return run.stdout.trim();
}

describe("Node's compile cache", () => {
  it("is on in every process a program starts, in this checkout's node_modules/.cache, where Node has one; off on Node 20", async () => {
    const dir = await childsCacheDir({ NODE_DISABLE_COMPILE_CACHE: undefined });
    if (hasCompileCache) assert.equal(dirname(dir), COMPILE_CACHE_DIR, "Node's folder for its version, in the checkout's cache");
    else assert.equal(dir, "none");
  });

  it("goes where NODE_COMPILE_CACHE says", async () => {
    const elsewhere = join(tempDir("compile-cache"), "cache");
    const dir = await childsCacheDir({ NODE_COMPILE_CACHE: elsewhere, NODE_DISABLE_COMPILE_CACHE: undefined });
    if (hasCompileCache) assert.equal(dirname(dir), elsewhere);
    else assert.equal(dir, "none");
  });

  it("stays off when NODE_DISABLE_COMPILE_CACHE=1", async () => {
    assert.equal(await childsCacheDir({ NODE_DISABLE_COMPILE_CACHE: "1" }), "none");
  });
});
