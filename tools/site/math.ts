/**
 * Math in the documentation site: `$…$` inline and `$$…$$` display formulas,
 * typeset by KaTeX at build time (HTML for the eye, MathML for screen
 * readers), so pages need no script and no CDN, only KaTeX's CSS and fonts,
 * which the build copies into the site.
 *
 * A `$` in ordinary prose ("costs $5 and $10") stays text: a formula must open
 * with `$` before a non-space and close with `$` after a non-space, not
 * followed by a digit. A formula that KaTeX rejects is reported (and the
 * build fails) instead of turning into red text on the page.
 */
import katexPlugin, { type MarkdownKatexOptions } from "@vscode/markdown-it-katex";
import katex, { type KatexOptions } from "katex";
import MarkdownIt, { type PluginWithOptions, type Token } from "markdown-it";

/**
 * The plugin (a CommonJS module, whose `default` export is the function),
 * typed for the ES-module markdown-it (its own types name the CommonJS one)
 * and for KaTeX's options, which it passes on to KaTeX.
 */
const katexMarkdown = katexPlugin.default as unknown as PluginWithOptions<MarkdownKatexOptions & KatexOptions>;

/** Teach `md` to typeset math; every formula KaTeX rejects or warns about goes to `report`. */
export function useMath(md: MarkdownIt, report: (problem: string) => void): void {
  const checked: typeof katex = {
    ...katex,
    renderToString(tex: string, options?: KatexOptions) {
      try {
        return katex.renderToString(tex, options);
      } catch (error) {
        report(`KaTeX cannot typeset $${tex}$: ${(error as Error).message}`);
        throw error;
      }
    },
  };
  md.use(katexMarkdown, {
    katex: checked,
    output: "htmlAndMathml",
    strict: (code: string, message: string) => {
      report(`KaTeX warns (${code}): ${message}`);
      return "ignore";
    },
  });
}

/** How many formulas (inline and display) a markdown text holds, by the same rules the site uses. */
export function countFormulas(markdown: string): number {
  const md = new MarkdownIt({ html: true });
  useMath(md, () => {});
  const count = (tokens: readonly Token[]): number =>
    tokens.reduce((sum, token) => sum + (token.type.startsWith("math_") ? 1 : 0) + count(token.children ?? []), 0);
  return count(md.parse(markdown, {}));
}
