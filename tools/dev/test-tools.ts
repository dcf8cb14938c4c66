/**
 * `npm run test:tools`: the tests of the course's own programs (runner,
 * trainer, loaders, reports), the `*.test.ts` files beside the code they
 * test in `tools/` and `katas/support/`, against the reference solutions.
 * Fails when a test fails or when none ran.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { runMain } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { runTests } from "../runner/run-tests.ts";
import { red } from "../core/style.ts";

async function main(): Promise<number> {
  const files = ["tools", join("katas", "support")].flatMap((dir) =>
    readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".test.ts"))
      .sort()
      .map((name) => join(repoRoot, dir, name)),
  );
  const run = await runTests({ files, impl: "solutions", timeoutMs: 120_000, spec: true });
  if (run.tests.length === 0) {
    console.log(red("No test ran: that is a failure, not a pass."));
    return 1;
  }
  return run.tests.every((test) => test.passed) && !run.killed ? 0 : 1;
}

runMain("test:tools", main);
