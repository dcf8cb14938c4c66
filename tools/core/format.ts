/** Numbers as the programs print them: one way to write each kind of quantity. */

/** 9412 → "9,412". */
export const count = (n: number) => n.toLocaleString("en-US");

/** 0.94123 → "94.12%". */
export const percent = (fraction: number, digits = 2) => `${(100 * fraction).toFixed(digits)}%`;

/** A difference of two fractions: 0.0841 → "8.41 percentage points". */
export const percentagePoints = (fraction: number) => `${(100 * fraction).toFixed(2)} percentage points`;

/** Seconds with a sensible number of digits: 1.23 s, 45.6 s. */
export const seconds = (s: number) => `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;

/** Milliseconds as seconds, for people: 1234 → "1.23 s". */
export const secondsFromMs = (ms: number) => seconds(ms / 1000);

/** Milliseconds as a number of seconds to the millisecond, for files (JSON, XML): 1234.5678 → 1.235. */
export const secondsValue = (ms: number) => Math.round(ms) / 1000;

/** Megabytes, whole: 604.7 → "605 MB". */
export const megabytes = (mb: number) => `${count(Math.round(mb))} MB`;

/** A ratio for prose: 5.3, 12, 140. */
export const ratio = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(1));
