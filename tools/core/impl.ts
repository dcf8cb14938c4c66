/**
 * Which implementation this process runs, and how to run a program again
 * with the other one. `#nn/*` resolves to `solutions/` only when node was
 * started with `--conditions=solutions`, so a program that is asked for the
 * other implementation starts itself again with the right flag.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Kata, listKatas } from "./katas.ts";
import { type Impl, repoRoot } from "./paths.ts";

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

/** The first kata (in course order) whose `src/` files still hold a stub, and one function it has not written. */
function firstUnfinishedKata(): { kata: Kata; name: string } | undefined {
  for (const kata of listKatas()) {
    for (const file of kata.files) {
      const text = readFileSync(join(repoRoot, "src", file), "utf8");
      const stub = /throw new Error\("Not implemented: (\S+) \(kata /.exec(text);
      if (stub) return { kata, name: stub[1] };
    }
  }
  return undefined;
}

/**
 * If `error` is a stub's "Not implemented" error, the message that tells the
 * learner which kata to finish first: the first unfinished one in course
 * order, which may come before the stub that happened to run.
 */
export function unfinishedKataMessage(error: unknown): string | undefined {
  if (!/Not implemented: \S+ \(kata /.test(error instanceof Error ? error.message : "")) return undefined;
  const first = firstUnfinishedKata();
  const where = first ? `kata ${first.kata.id} is the first unfinished one: \`${first.name}\` in src/${first.kata.files.join(", src/")} still throws the stub's error` : "a stub still throws";
  return (
    `your src/ is not finished: ${where}.\n` +
    `Finish the katas first (npm run kata shows where you are${first ? `; the lesson is ${first.kata.lesson}` : ""}),\n` +
    `or train the reference network: npm start`
  );
}
