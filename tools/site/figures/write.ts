/**
 * Drawing the lesson figures into `docs/figures/`, which `npm run docs` does
 * before TypeDoc runs. The figures need the reference implementation
 * (`#nn/*` resolved to `solutions/`): this process when it runs it, or a
 * child started with it. A copy without solutions/ (the learners'
 * repository) keeps the committed figures as they are.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { activeImpl, hasSolutions } from "../../core/impl.ts";
import { repoRoot } from "../../core/paths.ts";
import { startCourse } from "../../core/processes.ts";
import { FIGURES } from "./registry.ts";
import { loadSources } from "./sources.ts";

/** Where the figures go, relative to the repository: committed, so that a lesson read on GitHub or in an editor shows them too. */
export const FIGURES_DIR = "docs/figures";

/** Every figure, drawn: file name → SVG. Needs `#nn/*` to be the reference. */
export function renderFigures(): Map<string, string> {
  if (activeImpl() !== "solutions")
    throw new Error("the figures are drawn with the reference solutions: run node with --conditions=solutions");
  const sources = loadSources();
  return new Map(FIGURES.map((figure) => [figure.file, figure.render(sources)]));
}

/** Draw every figure into docs/figures/; the number drawn. */
export function writeFigures(): number {
  const dir = join(repoRoot, FIGURES_DIR);
  mkdirSync(dir, { recursive: true });
  const figures = renderFigures();
  for (const [file, svg] of figures) writeFileSync(join(dir, file), svg);
  return figures.size;
}

/** For `npm run docs`: redraw the figures where there are solutions, in this process or in a child that runs them. */
export async function updateFigures(): Promise<void> {
  if (!hasSolutions()) return;
  if (activeImpl() === "solutions") {
    writeFigures();
    return;
  }
  const { code } = await startCourse({ script: join(repoRoot, "tools/site/figures/figures.ts"), impl: "solutions", output: "inherit" })
    .finished;
  if (code !== 0) throw new Error(`the lesson figures could not be drawn (exit code ${code}); see the messages above`);
}
