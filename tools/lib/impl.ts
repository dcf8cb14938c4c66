/**
 * Which implementation this process runs, and how to run a program again
 * with the other one. `#nn/*` resolves to `solutions/` only when node was
 * started with `--conditions=solutions`, so a program that is asked for the
 * other implementation starts itself again with the right flag.
 */
import { spawn } from "node:child_process";
import type { Impl } from "./paths.ts";

/** The implementation `#nn/*` resolves to in this process. */
export function activeImpl(): Impl {
  return process.execArgv.some((arg) => /^(--conditions|-C)=?solutions$/.test(arg) || arg === "solutions")
    ? "solutions"
    : "src";
}

/** Run this same program (same script, same arguments) in a child process on `impl`; resolves to its exit code. */
export function rerunWith(impl: Impl): Promise<number> {
  const args = [
    "--import",
    "tsx",
    ...(impl === "solutions" ? ["--conditions=solutions"] : []),
    ...process.argv.slice(1),
  ];
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** If `error` is a stub's "Not implemented" error, the message that tells the learner what is unfinished. */
export function unfinishedKataMessage(error: unknown): string | undefined {
  const match = /Not implemented: (\S+) \(kata ([\w-]+), lesson (\S+)\)/.exec(error instanceof Error ? error.message : "");
  if (!match) return undefined;
  const [, name, kata, lesson] = match;
  return (
    `your src/ is not finished: \`${name}\` (kata ${kata}) still throws the stub's error.\n` +
    `Finish the katas first (npm run kata shows where you are; the lesson is ${lesson}),\n` +
    `or train the reference network: npm start`
  );
}
