/**
 * The drawing page in the site (`npm run docs`): its stylesheet and script
 * go into the head and foot of that one page (docs/draw.md holds only the
 * text and the placeholder the script builds into), and after TypeDoc has
 * written the site, `assets/draw/` receives the stylesheet and the script,
 * bundled by esbuild for the browser with its data written in: the reference
 * model (docs/model/model.json, checked here so that a broken one fails the
 * build) and the test images to click on. Written in, not fetched: a browser
 * refuses fetch() on a page opened from disk (file://), and the site works
 * from disk too.
 */
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Application, type DefaultThemeRenderContext, JSX, RendererEvent } from "typedoc";
import { REFERENCE_MODEL, repoRoot } from "../../core/paths.ts";
import { modelFromJson } from "./model.ts";
import { testSamples } from "./samples.ts";
import { DRAW_PAGE, type SiteData } from "./site-data.ts";

/** Where the page's stylesheet and script go in the site. */
const ASSETS = "assets/draw";
const HERE = dirname(fileURLToPath(import.meta.url));

/** Add the drawing page's stylesheet, script and their files to the site that `app` builds. */
export function installDrawingPage(app: Application): void {
  const onPage = (context: DefaultThemeRenderContext) => context.page.url === `${DRAW_PAGE}.html`;
  const nothing = () => JSX.createElement(JSX.Fragment, null);
  app.renderer.hooks.on("head.end", (context) =>
    onPage(context) ? JSX.createElement("link", { rel: "stylesheet", href: context.relativeURL(`${ASSETS}/draw.css`) }) : nothing(),
  );
  app.renderer.hooks.on("body.end", (context) =>
    onPage(context) ? JSX.createElement("script", { src: context.relativeURL(`${ASSETS}/draw.js`) }) : nothing(),
  );
  app.renderer.on(RendererEvent.BEGIN, (event) => {
    app.renderer.postRenderAsyncJobs.push(() => writeDrawingAssets(join(event.outputDirectory, ASSETS)));
  });
}

/** Write `draw.css` and the bundled `draw.js` into `folder`. */
export async function writeDrawingAssets(folder: string): Promise<void> {
  const referenceModel: unknown = JSON.parse(readFileSync(join(repoRoot, REFERENCE_MODEL), "utf8"));
  modelFromJson(referenceModel, REFERENCE_MODEL);
  const data: SiteData = { referenceModel, samples: testSamples() };
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(HERE, "draw.css"), join(folder, "draw.css"));
  await build({
    stdin: {
      contents: `import { start } from "./browser/page.ts";\nstart(${JSON.stringify(data)});\n`,
      resolveDir: HERE,
      sourcefile: "draw-entry.ts",
      loader: "ts",
    },
    outfile: join(folder, "draw.js"),
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    logLevel: "silent",
  });
}
