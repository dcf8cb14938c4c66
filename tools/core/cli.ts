/**
 * Shared command-line plumbing: flag parsing errors become one clear line and
 * exit code 2 (never a stack trace), and numbers are validated with their
 * flag's name in the message.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** A problem with what the user typed: shown as one line, exit code 2. */
export class UsageError extends Error {}

/** Parse flags; unknown flags and missing values become a UsageError. */
export function parseFlags<T extends ParseArgsConfig>(config: T) {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** A number flag: `positiveInt("--epochs", "30")`. */
export function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${flag} must be a whole number ≥ 1, got "${value}"`);
  }
  return n;
}

export function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag} must be a number > 0, got "${value}"`);
  }
  return n;
}

/**
 * Run a command's main function: a UsageError prints its message and the
 * help hint and exits 2; any other error prints its message (not its stack)
 * and exits 1.
 */
export function runMain(name: string, main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          console.error(`${name}: ${error.message}\nRun with --help to see the options.`);
          process.exitCode = 2;
        } else {
          console.error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
          if (process.env.DEBUG) console.error(error);
          process.exitCode = 1;
        }
      },
    );
}
