/**
 * Every program's command line, in one place. A program declares its flags
 * once, with a line of help each; from that declaration come its `--help`
 * text, the parsing (unknown flags and stray arguments are refused), and the
 * exit codes: a problem with what the user typed is one line and exit code 2,
 * any other error is one line (never a stack trace) and exit code 1.
 */
import { parseArgs } from "node:util";
import { useCompileCache } from "./compile-cache.ts";

/** A problem with what the user typed: shown as one line, exit code 2. */
export class UsageError extends Error {}

/** One flag: a switch, or a flag that takes a value (`value` names it in the help: `--epochs N`). */
export type Flag =
  | { type: "boolean"; short?: string; help: string }
  | { type: "string"; short?: string; value: string; default?: string; help: string };

export interface Command<F extends Record<string, Flag>> {
  /** The program's name in its messages: `train` prints `train: --epochs must …`. */
  name: string;
  /** How it is called: `npm run kata -- [kata] [options]`. */
  usage: string;
  /** What it does, in a sentence. */
  summary: string;
  flags: F;
  /** Positional arguments, if the program takes any: how they are named in the help, and how many at most. */
  positionals?: { name: string; help: string; max?: number };
  /** A paragraph after the options. */
  notes?: string;
}

/** The parsed values: a boolean for a switch; a string for a flag with a default; string or undefined otherwise. */
export type Values<F extends Record<string, Flag>> = {
  [K in keyof F]: F[K] extends { type: "boolean" } ? boolean : F[K] extends { default: string } ? string : string | undefined;
};

export interface Parsed<F extends Record<string, Flag>> {
  values: Values<F>;
  positionals: string[];
  /** `--help` or `-h` was given: print `helpText(command)` and do nothing else. */
  help: boolean;
}

const HELP_FLAG = { type: "boolean", short: "h", help: "show this help" } as const;

/** The `--help` text, made from the declaration. */
export function helpText<F extends Record<string, Flag>>(command: Command<F>): string {
  const flags = { ...command.flags, help: HELP_FLAG } as Record<string, Flag>;
  const rows: [string, string][] = Object.entries(flags).map(([name, flag]) => {
    const left = `--${name}${flag.type === "string" ? ` ${flag.value}` : ""}${flag.short ? `, -${flag.short}` : ""}`;
    const fallback = flag.type === "string" && flag.default !== undefined ? ` (default: ${flag.default})` : "";
    return [left, flag.help + fallback];
  });
  if (command.positionals) rows.unshift([command.positionals.name, command.positionals.help]);
  const width = Math.max(...rows.map(([left]) => left.length)) + 3;
  const lines = [command.usage, "", command.summary, "", ...rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`)];
  if (command.notes) lines.push("", command.notes);
  return lines.join("\n");
}

/** Parse `args` by the declaration; a flag it does not declare, a missing value or a stray argument is a UsageError. */
export function parseCommand<F extends Record<string, Flag>>(command: Command<F>, args: readonly string[]): Parsed<F> {
  const options = Object.fromEntries(
    Object.entries({ ...command.flags, help: HELP_FLAG } as Record<string, Flag>).map(([name, flag]) => [
      name,
      flag.type === "boolean"
        ? { type: "boolean" as const, ...(flag.short ? { short: flag.short } : {}) }
        : {
            type: "string" as const,
            ...(flag.short ? { short: flag.short } : {}),
            ...(flag.default !== undefined ? { default: flag.default } : {}),
          },
    ]),
  );
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const help = parsed.values.help === true;
  const max = command.positionals?.max ?? (command.positionals ? Infinity : 0);
  if (!help && parsed.positionals.length > max) {
    const extra = parsed.positionals.slice(max).join(" ");
    throw new UsageError(
      max === 0 ? `unexpected argument "${extra}"` : `too many arguments: ${parsed.positionals.join(" ")} (at most ${max})`,
    );
  }
  const values = Object.fromEntries(
    Object.keys(command.flags).map((name) => [
      name,
      command.flags[name].type === "boolean" ? parsed.values[name] === true : parsed.values[name],
    ]),
  ) as Values<F>;
  return { values, positionals: parsed.positionals, help };
}

/** A whole number ≥ 1: `positiveInt("--epochs", "30")`. */
export function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
    throw new UsageError(`${flag} must be a whole number ≥ 1, got "${value}"`);
  }
  return n;
}

/** A number > 0: `positiveNumber("--eta", "3.0")`. */
export function positiveNumber(flag: string, value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new UsageError(`${flag} must be a number > 0, got "${value}"`);
  }
  return n;
}

/** Any whole number, negative too (a seed). */
export function wholeNumber(flag: string, value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be a whole number, got "${value}"`);
  return n;
}

/** One of a fixed list: `oneOf("--impl", "src", ["solutions", "src"])`. */
export function oneOf<T extends string>(flag: string, value: string, choices: readonly T[]): T {
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${flag} must be ${choices.map((c) => `"${c}"`).join(" or ")}, got "${value}"`);
  }
  return value as T;
}

/**
 * Run a program: parse its command line, print its help for `--help`, and
 * turn what `main` returns or throws into an exit code. A UsageError prints
 * its message and the help hint and exits 2; any other error prints its
 * message (its stack only with DEBUG=1) and exits 1.
 */
export function runCommand<F extends Record<string, Flag>>(
  command: Command<F>,
  main: (parsed: Parsed<F>) => Promise<number> | number,
): void {
  useCompileCache();
  Promise.resolve()
    .then(() => {
      const parsed = parseCommand(command, process.argv.slice(2));
      if (parsed.help) {
        console.log(helpText(command));
        return 0;
      }
      return main(parsed);
    })
    .then(
      (code) => {
        process.exitCode = code ?? 0;
      },
      (error: unknown) => {
        if (error instanceof UsageError) {
          console.error(`${command.name}: ${error.message}\nRun with --help to see the options.`);
          process.exitCode = 2;
        } else {
          console.error(`${command.name}: ${error instanceof Error ? error.message : String(error)}`);
          if (process.env.DEBUG) console.error(error);
          process.exitCode = 1;
        }
      },
    );
}
