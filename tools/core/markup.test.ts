import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { escapeHtml, escapeXml, fenced, markdownCell, markdownTable } from "./markup.ts";

const unescapeEntities = (text: string) =>
  text.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name] ?? "");

/** Characters XML 1.0 allows. */
const xmlCharArb = fc.string({ unit: "grapheme" }).filter((s) => !/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(s));

describe("markup", () => {
  it("escapes any text for XML so that it reads back unchanged", () => {
    assertProperty(
      fc.property(xmlCharArb, (text) => {
        const escaped = escapeXml(text);
        assert.doesNotMatch(escaped, /[<>"']/);
        assert.doesNotMatch(escaped, /&(?!(amp|lt|gt|quot|apos);)/);
        assert.equal(unescapeEntities(escaped), text);
      }),
    );
  });

  it("replaces the characters XML 1.0 forbids (an ANSI escape, say) instead of writing an unreadable file", () => {
    assert.equal(escapeXml("\x1b[31mred\x00"), "\uFFFD[31mred\uFFFD");
    assertProperty(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        assert.doesNotMatch(escapeXml(text), /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
      }),
    );
  });

  it("escapes any text for HTML so that it reads back unchanged", () => {
    assertProperty(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const escaped = escapeHtml(text);
        assert.doesNotMatch(escaped, /[<>"]/);
        assert.equal(unescapeEntities(escaped), text);
      }),
    );
  });

  it("keeps any text inside one Markdown table cell: one line, no unescaped pipe, no HTML tag", () => {
    assertProperty(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const cell = markdownCell(text);
        assert.doesNotMatch(cell, /\n/);
        assert.doesNotMatch(cell, /(?<!\\)(?:\\\\)*\|/, "every pipe is escaped");
        assert.doesNotMatch(cell, /</);
      }),
    );
  });

  it("fences any text with a fence longer than any run of backticks inside it", () => {
    assertProperty(
      fc.property(fc.string({ unit: fc.constantFrom("`", "a", "\n") }), (text) => {
        const block = fenced(text);
        const fence = /^`+/.exec(block)?.[0] ?? "";
        assert.ok(fence.length >= 3);
        assert.ok(!text.includes(fence), "the fence does not occur in the text");
        assert.equal(block, `${fence}text\n${text}\n${fence}`);
      }),
    );
  });

  it("aligns text columns left and number columns right", () => {
    assert.equal(markdownTable(["name", "file", "n"], [["a", "b", "1"]], 2), "| name | file | n |\n| --- | --- | ---: |\n| a | b | 1 |");
  });
});
