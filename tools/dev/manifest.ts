/**
 * `npm run manifest`: write what grading checks the kata tests against,
 * from the tests themselves: `katas/tests.sha256` (the hash of every file
 * that decides a grade) and `katas/registered-tests.json` (the name of every
 * test each file registers on the reference, found by running them). Run it
 * after changing a kata's tests or its kata.json, and commit both files.
 * `--check` changes nothing and exits 1 when either is out of date.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { buildManifest, MANIFEST } from "../grade/manifest.ts";
import { REGISTERED, registeredFrom, registeredJson } from "../grade/registered.ts";
import { printFiles } from "../runner/progress.ts";
import { runTests } from "../runner/run-tests.ts";

const COMMAND = {
  name: "manifest",
  usage: "npm run manifest -- [--check]",
  summary: `Write ${MANIFEST} and ${REGISTERED} from the kata tests (it runs them on the reference solutions).`,
  flags: { check: { type: "boolean", help: "change nothing; exit 1 when either file is out of date" } },
} as const;

runCommand(COMMAND, async ({ values }) => {
  const katas = listKatas();
  console.log(`Running the kata tests on solutions/ to list the tests they register…`);
  const run = await runTests({
    files: katas.flatMap((kata) => kata.tests.map((path) => ({ path, timeoutMs: kata.timeoutMs }))),
    impl: "solutions",
    onFile: printFiles(repoRoot),
  });
  const failing = run.tests.filter((test) => !test.passed);
  if (failing.length > 0)
    throw new Error(
      `${failing.length} kata test(s) fail on solutions/ (first: ${failing[0].path.join(" › ")}); fix them first (npm run test:katas)`,
    );
  const generated = { [MANIFEST]: buildManifest(repoRoot), [REGISTERED]: registeredJson(registeredFrom(katas, run)) };
  const stale = Object.entries(generated).filter(
    ([path, text]) => !existsSync(join(repoRoot, path)) || readFileSync(join(repoRoot, path), "utf8") !== text,
  );
  if (values.check) {
    for (const [path] of stale) console.log(`${red("✖")} ${path} is out of date: run npm run manifest and commit it`);
    if (stale.length === 0) console.log(`${green("✔")} ${MANIFEST} and ${REGISTERED} are up to date`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of stale) writeFileSync(join(repoRoot, path), text);
  console.log(stale.length === 0 ? "Already up to date." : `Wrote ${stale.map(([path]) => path).join(" and ")}.`);
  return 0;
});
