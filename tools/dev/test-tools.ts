/**
 * `npm run test:tools`: the tests of the course's own programs (runner,
 * trainer, loaders, reports): the `*.test.ts` files beside the code they
 * test in `tools/` and `katas/support/`, against the reference solutions.
 * Fails when a test fails, when none ran, when the tests leave temporary
 * folders behind, or when a process they started outlives them.
 */
import { readdirSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { runCommand } from "../core/cli.ts";
import { repoRoot, scratchDir } from "../core/paths.ts";
import { processesMentioning } from "../core/processes.ts";
import { bold, green, red } from "../core/style.ts";
import { printFiles } from "../runner/progress.ts";
import { runTests } from "../runner/run-tests.ts";

const COMMAND = {
  name: "test:tools",
  usage: "npm run test:tools -- [text ...]",
  summary: "Run the tests of tools/ and katas/support/ against the reference solutions.",
  flags: {},
  positionals: { name: "[text ...]", help: "only the test files whose path contains one of these texts (default: all)" },
} as const;

/** How long one test file of the tools may run. */
const TIMEOUT_MS = 180_000;

runCommand(COMMAND, async ({ positionals }) => {
  const files = ["tools", join("katas", "support")]
    .flatMap((dir) =>
      readdirSync(join(repoRoot, dir), { recursive: true, encoding: "utf8" })
        .filter((name) => name.endsWith(".test.ts"))
        .map((name) => join(repoRoot, dir, name)),
    )
    .filter((path) => positionals.length === 0 || positionals.some((text) => relative(repoRoot, path).includes(text)))
    .sort();
  if (files.length === 0) {
    console.log(red(`No test file matches ${positionals.join(" ")}.`));
    return 1;
  }
  // Every temporary folder the tests and the programs they run make goes into this one, which must be empty at the end.
  const scratch = scratchDir("tools-tests");
  const run = await runTests({
    files: files.map((path) => ({ path, timeoutMs: TIMEOUT_MS })),
    impl: "solutions",
    env: { NN_SCRATCH: scratch },
    onFile: printFiles(repoRoot),
  });
  const failed = run.tests.filter((test) => !test.passed).length;
  console.log(bold(`\n${run.tests.length} tests in ${files.length} files, ${failed} failed`));

  const leftFolders = readdirSync(scratch);
  if (leftFolders.length > 0)
    console.log(red(`✖ the tests left ${leftFolders.length} temporary folder(s) behind: ${leftFolders.join(", ")}`));
  const survivors = processesMentioning(scratch);
  for (const { pid } of survivors) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // It ended meanwhile.
    }
  }
  if (survivors.length > 0) {
    console.log(
      red(
        `✖ ${survivors.length} process(es) outlived the tests (now killed):\n${survivors.map((p) => `    ${p.pid} ${p.command}`).join("\n")}`,
      ),
    );
  }
  rmSync(scratch, { recursive: true, force: true });
  if (run.tests.length === 0) console.log(red("No test ran: that is a failure, not a pass."));
  const ok = failed === 0 && run.tests.length > 0 && leftFolders.length === 0 && survivors.length === 0;
  if (ok) console.log(green("✔ no temporary folder left behind, no process outlived the tests"));
  return ok ? 0 : 1;
});
