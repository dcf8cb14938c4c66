/**
 * `npm run docs`: build the course's website into `docs/site/` with TypeDoc:
 * the course map (`docs/index.md`), every kata's lesson in order, the
 * learnings and comparison pages, and the API reference of `src/` from the
 * stubs' doc comments. Static options are in `typedoc.json`; this program
 * adds the pages, the math and the lesson navigation. First it redraws the
 * lessons' figures into `docs/figures/` (`figures/`).
 *
 * Any warning fails the build (a broken link, a formula KaTeX cannot
 * typeset), with exit code 1, and so does a code excerpt of a page that no
 * longer matches its source (`excerpts.ts`: `npm run excerpts` rewrites it).
 */
import { join, relative } from "node:path";
import type MarkdownIt from "markdown-it";
import { Application, PageEvent, TypeDocReader } from "typedoc";
import { runCommand } from "../core/cli.ts";
import { secondsFromMs } from "../core/format.ts";
import { listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { green, red } from "../core/style.ts";
import { installDrawingPage } from "./draw/install.ts";
import { siteExcerptProblems } from "./excerpts.ts";
import { updateFigures } from "./figures/write.ts";
import { useMath } from "./math.ts";
import { coursePages, installCourseTheme, LANDING_PAGE, ROUTER } from "./theme.ts";

const COMMAND = {
  name: "docs",
  usage: "npm run docs",
  summary: "Build the course website into docs/site/ (open docs/site/index.html). Warnings fail the build.",
  flags: {},
} as const;

runCommand(COMMAND, async () => {
  const started = Date.now();
  const excerpts = siteExcerptProblems(repoRoot);
  for (const problem of excerpts) console.error(`${red("✖")} ${problem}`);
  if (excerpts.length > 0) return fail("a page's code excerpt does not match its source");
  await updateFigures();
  const pages = coursePages(repoRoot, listKatas());
  const mathProblems: string[] = [];
  let rendering = "";
  const app = await Application.bootstrapWithPlugins(
    {
      options: join(repoRoot, "typedoc.json"),
      readme: join(repoRoot, LANDING_PAGE),
      projectDocuments: pages.map((page) => page.path),
      router: ROUTER,
      // `npm run typecheck` checks the types; TypeDoc's own check would report conflicts inside @tensorflow's declarations.
      skipErrorChecking: true,
      markdownItLoader: (md: MarkdownIt) => useMath(md, (problem) => mathProblems.push(`${rendering}: ${problem}`)),
    },
    [new TypeDocReader()],
  );
  installCourseTheme(app, pages);
  installDrawingPage(app);
  app.renderer.on(PageEvent.BEGIN, (page) => (rendering = page.url));
  const failed = () => app.logger.hasErrors() || app.logger.hasWarnings();

  const project = await app.convert();
  if (!project || failed()) return fail("the sources could not be converted");
  app.validate(project);
  if (failed()) return fail("broken links or references");
  await app.generateOutputs(project);
  for (const problem of mathProblems) console.error(`${red("✖")} ${problem}`);
  if (failed() || mathProblems.length > 0) return fail("the pages could not be rendered");

  const index = relative(process.cwd(), join(app.options.getValue("out"), "index.html"));
  console.log(`${green("✔")} site built in ${secondsFromMs(Date.now() - started)}: ${index}`);
  return 0;
});

function fail(what: string): number {
  console.error(`${red("✖")} docs: ${what}; see the messages above (warnings count as errors).`);
  return 1;
}
