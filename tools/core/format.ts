/** Number formatting shared by the programs' output. */

/** 9412 → "9,412". */
export const count = (n: number) => n.toLocaleString("en-US");

/** 0.94123 → "94.12%". */
export const percent = (fraction: number, digits = 2) => `${(100 * fraction).toFixed(digits)}%`;

/** Seconds with a sensible number of digits: 1.23 s, 45.6 s. */
export const seconds = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;

/** The confusion matrix as a Markdown table: rows are the true digits, columns the predictions. */
export function confusionTable(confusion: number[][]): string {
  const header = `| true ↓ / predicted → | ${confusion.map((_, j) => j).join(" | ")} | recall |`;
  const rule = `|---|${confusion.map(() => "---:").join("|")}|---:|`;
  const rows = confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cells = row.map((n, j) => (i === j ? `**${n}**` : String(n)));
    return `| **${i}** | ${cells.join(" | ")} | ${total ? percent(row[i] / total, 1) : "–"} |`;
  });
  return [header, rule, ...rows].join("\n");
}
