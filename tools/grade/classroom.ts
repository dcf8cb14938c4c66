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
import { classroomWorkflow, WORKFLOW } from "./classroom-workflow.ts";
import { parseFlags, runMain, UsageError } from "../core/cli.ts";
import { buildManifest, MANIFEST } from "./manifest.ts";
import { listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";

const HELP = `npm run classroom -- [--check]

  (no flags)  write ${WORKFLOW} and ${MANIFEST} from the katas
  --check     change nothing; exit 1 when either file is out of date
  --help      this text`;

function main(): number {
  const { values, positionals } = parseFlags({
    options: { check: { type: "boolean", default: false }, help: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
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
}

runMain("classroom", main);
