/**
 * `npm run test:tools`: the tests of the course's own programs (runner,
 * trainer, loaders, reports), in `tools/test/`, against the reference
 * solutions. Fails when a test fails or when none ran.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runMain } from "./lib/cli.ts";
import { repoRoot } from "./lib/paths.ts";
import { runTests } from "./lib/run-tests.ts";
import { red } from "./lib/style.ts";

async function main(): Promise<number> {
  const dir = join(repoRoot, "tools", "test");
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => join(dir, name));
  const run = await runTests({ files, impl: "solutions", timeoutMs: 120_000, spec: true });
  if (run.tests.length === 0) {
    console.log(red("No test ran: that is a failure, not a pass."));
    return 1;
  }
  return run.tests.every((test) => test.passed) && !run.killed ? 0 : 1;
}

runMain("test:tools", main);
