/**
 * Text for other formats, escaped once and correctly: Markdown tables and
 * code fences, HTML and XML. Every report and page the tools write goes
 * through these.
 */

/** Text safe in HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Text safe in XML (and SVG) content and attribute values; characters XML 1.0 forbids become U+FFFD. */
export function escapeXml(text: string): string {
  return escapeHtml(text.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "\uFFFD")).replace(/'/g, "&apos;");
}

/** Text safe inside one Markdown table cell: one line, its backslashes and pipes escaped, no HTML. */
export function markdownCell(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;")
    .replace(/\s*\n\s*/g, " ");
}

/**
 * A Markdown table. `align` says which columns are right-aligned (numbers):
 * a list, one entry a column, or a count of leading left-aligned (text)
 * columns after which all are right-aligned. Cells are used as given.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: number | readonly ("left" | "right")[] = 1,
): string {
  const right = (i: number) => (typeof align === "number" ? i >= align : align[i] === "right");
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (right(i) ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

/** `text` in a Markdown code block whose fence is longer than any run of backticks inside it. */
export function fenced(text: string, language = "text"): string {
  const longest = Math.max(2, ...Array.from(text.matchAll(/`+/g), (m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}\n${text}\n${fence}`;
}

/**
 * One CSV row (RFC 4180): a cell with a comma, a quote or a line break is
 * quoted. A cell that a spreadsheet would read as a formula (it starts with
 * =, +, - or @) is prefixed with ', so that a name cannot run as one.
 */
export function csvRow(cells: readonly (string | number)[]): string {
  return cells
    .map((value) => {
      const text = typeof value === "number" ? String(value) : /^[=+\-@]/.test(value) ? `'${value}` : value;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(",");
}
