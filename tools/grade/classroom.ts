/**
 * `npm run classroom`: regenerate the files GitHub Classroom grading relies
 * on, from the kata list: `.github/workflows/classroom.yml` (one grading
 * step per kata, with its points) and `katas/tests.sha256` (the hashes of
 * the kata tests that `npm run grade -- --verify-tests` checks). Run it
 * after changing a kata's tests, its kata.json or the kata list, and commit
 * both files. `--check` changes nothing and exits 1 when either is stale.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCommand } from "../core/cli.ts";
import { listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { classroomWorkflow, WORKFLOW } from "./classroom-workflow.ts";
import { buildManifest, MANIFEST } from "./manifest.ts";

const COMMAND = {
  name: "classroom",
  usage: "npm run classroom -- [--check]",
  summary: `Write ${WORKFLOW} and ${MANIFEST} from the katas.`,
  flags: { check: { type: "boolean", help: "change nothing; exit 1 when either file is out of date" } },
} as const;

runCommand(COMMAND, ({ values }) => {
  const generated = { [WORKFLOW]: classroomWorkflow(listKatas()), [MANIFEST]: buildManifest(repoRoot) };
  const stale = Object.entries(generated).filter(([path, text]) => {
    const file = join(repoRoot, path);
    return !existsSync(file) || readFileSync(file, "utf8") !== text;
  });
  if (values.check) {
    for (const [path] of stale) console.log(`${red("✖")} ${path} is out of date: run npm run classroom and commit it`);
    if (stale.length === 0) console.log(`${green("✔")} ${WORKFLOW} and ${MANIFEST} are up to date`);
    return stale.length === 0 ? 0 : 1;
  }
  for (const [path, text] of stale) {
    mkdirSync(dirname(join(repoRoot, path)), { recursive: true });
    writeFileSync(join(repoRoot, path), text);
  }
  console.log(stale.length === 0 ? "Already up to date." : `Wrote ${stale.map(([path]) => path).join(" and ")}.`);
  return 0;
});
