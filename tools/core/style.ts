/** Terminal colours, only when stdout is a terminal (plain text in CI logs and pipes). */
const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const wrap = (open: number, close: number) => (text: string) => (tty ? `\x1b[${open}m${text}\x1b[${close}m` : text);

export const bold = wrap(1, 22);
export const dim = wrap(2, 22);
export const red = wrap(31, 39);
export const green = wrap(32, 39);
export const yellow = wrap(33, 39);
export const cyan = wrap(36, 39);

/** A text progress bar: `bar(3, 14)` → `[████░░░░…] 3/14`. */
export function bar(done: number, total: number, width = 28): string {
  const filled = total === 0 ? 0 : Math.round((done / total) * width);
  return `[${green("█".repeat(filled))}${dim("░".repeat(width - filled))}]`;
}

/** Indent every line of `text`. */
export function indent(text: string, by = "    "): string {
  return text
    .split("\n")
    .map((line) => (line ? by + line : line))
    .join("\n");
}
