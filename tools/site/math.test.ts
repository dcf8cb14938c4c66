import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { assertProperty } from "../../katas/support/property.ts";
import { countFormulas, useMath } from "./math.ts";

/** Render markdown as the site does; the KaTeX problems come back too. */
function render(markdown: string): { html: string; problems: string[] } {
  const md = new MarkdownIt({ html: true });
  const problems: string[] = [];
  useMath(md, (problem) => problems.push(problem));
  return { html: md.render(markdown), problems };
}

const formulas = (html: string) => html.match(/class="katex"/g)?.length ?? 0;

/** A sentence with dollar amounts in it, the way prose writes them: "$5", "$12.50". */
const dollarProseArb = fc
  .array(
    fc.oneof(
      fc.constantFrom("costs", "and", "about", "a", "budget", "of", "or", "per", "month,", "(", ")"),
      fc.nat({ max: 100_000 }).map((n) => `$${n}`),
      fc.tuple(fc.nat({ max: 999 }), fc.nat({ max: 99 })).map(([a, b]) => `$${a}.${String(b).padStart(2, "0")}`),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((words) => words.join(" "));

describe("math in the site's markdown", () => {
  it("typesets $…$ inline, with MathML for screen readers and KaTeX's HTML for the eye", () => {
    const { html, problems } = render("The layer computes $a' = \\sigma(w a + b)$ at once.");
    assert.equal(formulas(html), 1);
    assert.match(html, /<math[^>]*>.*<mi>σ<\/mi>/s, "MathML output");
    assert.match(html, /class="katex-html"/, "HTML output");
    assert.doesNotMatch(html, /\$/, "no dollar sign left");
    assert.deepEqual(problems, []);
  });

  it("typesets $$…$$ as a display formula", () => {
    const { html } = render("$$\nC = \\frac{1}{2n} \\sum_x \\lVert y(x) - a \\rVert^2\n$$\n");
    assert.match(html, /class="katex-display"/);
    assert.equal(formulas(html), 1);
  });

  it("leaves dollar amounts in prose as text", () => {
    assertProperty(
      fc.property(dollarProseArb, (prose) => {
        const { html, problems } = render(prose);
        assert.equal(formulas(html), 0, `no formula in ${JSON.stringify(prose)}`);
        assert.deepEqual(problems, []);
        for (const amount of prose.match(/\$[\d.]+/g) ?? []) assert.ok(html.includes(amount), `${amount} is still in the text`);
        assert.equal(countFormulas(prose), 0);
      }),
    );
  });

  it("leaves $ in code alone", () => {
    const { html } = render("Run `echo $HOME` or:\n\n```sh\nx=$a$b\n```\n");
    assert.equal(formulas(html), 0);
    assert.match(html, /echo \$HOME/);
    assert.match(html, /x=\$a\$b/);
  });

  it("records a formula KaTeX cannot typeset, naming it, instead of printing red text", () => {
    const { problems } = render("Fine $x^2$, broken $\\frac{1}{$, and $\\notACommand{z}$.");
    assert.equal(problems.length, 2, problems.join("\n"));
    assert.match(problems[0], /\\frac\{1\}\{/);
    assert.match(problems[1], /\\notACommand/);
  });

  it("records KaTeX's warnings too, such as a character it has no symbol for", () => {
    const { problems } = render("An en dash is not a minus: $x – y$.");
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /unknownSymbol.*–/);
  });

  it("counts the formulas of a text, inline and display, and none in code or prose", () => {
    assertProperty(
      fc.property(
        fc.array(
          fc.constantFrom("$x$", "$\\sigma(z)$", "$w^l_{jk}$", "\n\n$$\n\\delta^L = \\nabla_a C\n$$\n\n", "`$y$`", "costs $5 and $10"),
          {
            maxLength: 10,
          },
        ),
        (parts) => {
          const expected = parts.filter((part) => !part.startsWith("`") && !part.startsWith("costs")).length;
          const text = `Some text ${parts.join(" then ")} .`;
          assert.equal(countFormulas(text), expected);
          assert.equal(formulas(render(text).html), expected, "the count matches what the site renders");
        },
      ),
    );
  });
});
