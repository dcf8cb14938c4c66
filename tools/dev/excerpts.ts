/**
 * `npm run excerpts`: write afresh the code excerpts of the lessons and the
 * site's pages, the code block under each `<!-- code: path#region -->`
 * marker (`site/excerpts.ts`), from the stubs and tests they quote. Run it
 * after changing a quoted region or adding a marker, and commit the pages it
 * rewrites: `npm run docs` refuses to build while an excerpt is out of date.
 */
import { relative } from "node:path";
import { runCommand } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { excerptProblems, pagesWithExcerpts, refreshExcerpts } from "../site/excerpts.ts";

const COMMAND = {
  name: "excerpts",
  usage: "npm run excerpts",
  summary: "Rewrite the code block under every <!-- code: path#region --> marker of the lessons and site pages from its source.",
  flags: {},
} as const;

runCommand(COMMAND, () => {
  const pages = pagesWithExcerpts(repoRoot);
  const changed = refreshExcerpts(repoRoot, pages);
  for (const file of changed) console.log(`Rewrote the excerpts of ${relative(repoRoot, file)}`);
  // What rewriting cannot mend: a {@includeCode} left to convert.
  const problems = excerptProblems(repoRoot, pages);
  for (const problem of problems) console.error(`${red("✖")} ${problem}`);
  if (problems.length === 0) console.log(`${green("✔")} every excerpt of ${pages.length} pages is up to date`);
  return problems.length === 0 ? 0 : 1;
});
