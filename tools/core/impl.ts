/**
 * Which implementation a program runs: `#nn/*` resolves to `solutions/`
 * only when node was started with `--conditions=solutions`, and to the
 * learner's `src/` otherwise. A program asked for the other one starts
 * itself again with the right flag.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Flag, oneOf, UsageError } from "./cli.ts";
import { type Kata, listKatas } from "./katas.ts";
import { repoRoot } from "./paths.ts";
import { startCourse } from "./processes.ts";
import { parseStub } from "./stub-message.ts";

/** Which implementation the `#nn/*` imports resolve to. */
export type Impl = "src" | "solutions";

export const IMPLS: readonly Impl[] = ["solutions", "src"];

/**
 * Whether this checkout has the reference solutions. The course's own
 * repository has them; the repository an instructor hands to learners
 * (`npm run template`) does not, and there every program runs the
 * learner's `src/`.
 */
export const hasSolutions = () => existsSync(join(repoRoot, "solutions"));

/** The implementation a program runs when none is asked for: the reference where there is one, the learner's otherwise. */
export const defaultImpl = (): Impl => (hasSolutions() ? "solutions" : "src");

/** The `--impl` flag, defaulting to `defaultImpl()`. */
export function implFlag(): Extract<Flag, { type: "string" }> & { default: Impl } {
  return { type: "string", value: "NAME", default: defaultImpl(), help: "whose code runs: solutions (the reference) or src (yours)" };
}

/** The value of `--impl`, checked: `solutions` only where there are solutions. */
export function parseImpl(value: string): Impl {
  const impl = oneOf("--impl", value, IMPLS);
  if (impl === "solutions" && !hasSolutions())
    throw new UsageError("--impl solutions: this repository has no solutions/ (your instructor keeps them); your code is --impl src");
  return impl;
}

/** Where the reference solution of `files` is, for a learner who has just written them. */
export function referenceOf(files: readonly string[]): string {
  if (hasSolutions()) return `compare with the reference: ${files.map((file) => `solutions/${file}`).join(", ")}`;
  const { course } = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { course?: { solutions?: string } };
  return `the reference solutions: ${course?.solutions ?? "ask your instructor"}`;
}

/** The implementation `#nn/*` resolves to in this process. */
export function activeImpl(): Impl {
  return process.execArgv.some((arg) => /^(--conditions|-C)=?solutions$/.test(arg) || arg === "solutions") ? "solutions" : "src";
}

/** Run this same program (same script, same arguments) again on `impl`, on this terminal; resolves to its exit code. */
export async function rerunWith(impl: Impl): Promise<number> {
  const { code, signal } = await startCourse({ script: process.argv[1], args: process.argv.slice(2), impl, output: "inherit" }).finished;
  return code ?? (signal ? 1 : 0);
}

/** The first kata (in course order) whose `src/` files still hold a stub, and one function it has not written. */
function firstUnfinishedKata(): { kata: Kata; name: string } | undefined {
  for (const kata of listKatas()) {
    for (const file of kata.files) {
      const stub = parseStub(readFileSync(join(repoRoot, "src", file), "utf8"));
      if (stub) return { kata, name: stub.name };
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
  if (!parseStub(error instanceof Error ? error.message : "")) return undefined;
  const first = firstUnfinishedKata();
  const where = first
    ? `kata ${first.kata.id} is the first unfinished one: \`${first.name}\` in src/${first.kata.files.join(", src/")} still throws the stub's error`
    : "a stub still throws";
  return (
    `your src/ is not finished: ${where}.\n` +
    `Finish the katas first (npm run kata shows where you are${first ? `; the lesson is ${first.kata.lesson}` : ""})` +
    (hasSolutions() ? ",\nor run the reference: leave out --impl src" : ".")
  );
}
