/** The confusion matrix as a Markdown table: rows are the true digits, columns the predictions, and each digit's recall. */
import { percent } from "../core/format.ts";
import { markdownTable } from "../core/markup.ts";

export function confusionTable(confusion: readonly (readonly number[])[]): string {
  const rows = confusion.map((row, i) => {
    const total = row.reduce((a, b) => a + b, 0);
    const cells = row.map((n, j) => (i === j ? `**${n}**` : String(n)));
    return [`**${i}**`, ...cells, total ? percent(row[i] / total, 1) : "–"];
  });
  return markdownTable(["true ↓ / predicted →", ...confusion.map((_, j) => String(j)), "recall"], rows);
}
