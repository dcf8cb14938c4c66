/**
 * `npm run bench -- --loop`: the learner's loop, timed as a learner meets
 * it. In a scratch copy of the course, `npm run kata -- --watch` runs as a
 * learner leaves it running, and a file of the current kata is saved a few
 * times; each time, the wait from the save to the verdict is measured. At
 * kata 01 (nothing solved yet) and at kata 12 (katas 01–11 solved). Then
 * `--hint` and `--list`, each a command of its own, with what the loop
 * remembered.
 */
import { appendFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { runCourse, startCourse } from "../core/processes.ts";
import { scratchTree } from "../core/scratch-tree.ts";
import { dim } from "../core/style.ts";

/** The course's targets for the loop, in seconds: medians, on an idle 2-core machine. */
export const LOOP_TARGETS = { saveToVerdict: 1, hint: 0.5, list: 0.5 };

/** How many times each measurement is taken. */
const SAVES = 5;
const QUERIES = 3;
/** What `npm run kata -- --watch` prints once a verdict is out. */
const WATCHING = "Watching src/ for changes";
const TIMEOUT_MS = 120_000;

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds from each save of `src/<file>` to the watcher's verdict, in the repository at `root`. */
async function saveToVerdict(root: string, file: string): Promise<number[]> {
  const watcher = startCourse({
    script: join(root, "tools", "kata", "kata.ts"),
    args: ["--watch"],
    impl: "src",
    cwd: root,
    env: { NO_COLOR: "1" },
  });
  let output = "";
  let heard = () => {};
  watcher.child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    heard();
  });
  const verdicts = () => output.split(WATCHING).length - 1;
  const until = (count: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm run kata -- --watch gave no verdict in ${TIMEOUT_MS / 1000} s:\n${output}`)),
        TIMEOUT_MS,
      );
      heard = () => {
        if (verdicts() < count) return;
        clearTimeout(timer);
        resolve();
      };
      heard();
    });
  try {
    await until(1);
    const seconds: number[] = [];
    for (let save = 0; save < SAVES; save++) {
      await pause(300);
      const before = verdicts();
      const started = performance.now();
      appendFileSync(join(root, "src", file), `\n// save ${save}\n`);
      await until(before + 1);
      seconds.push((performance.now() - started) / 1000);
    }
    return seconds;
  } finally {
    watcher.kill();
    await watcher.finished;
  }
}

/** Seconds that `npm run kata -- <args>` takes, start to exit, each time. */
async function query(root: string, args: string[]): Promise<number[]> {
  const seconds: number[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const run = await runCourse({ script: join(root, "tools", "kata", "kata.ts"), args, impl: "src", cwd: root, env: { NO_COLOR: "1" } });
    if (run.code !== 0) throw new Error(`npm run kata -- ${args.join(" ")} failed:\n${run.stdout}${run.stderr}`);
    seconds.push(run.durationMs / 1000);
  }
  return seconds;
}

export interface LoopMeasure {
  what: string;
  seconds: number[];
  target: number;
}

/** Measure the loop at kata `at`, with the katas before it solved. */
async function at(id: string, all: readonly Kata[]): Promise<LoopMeasure[]> {
  const kata = findKata(all, id) as Kata;
  const root = scratchTree(all.slice(0, all.indexOf(kata)));
  try {
    console.log(dim(`  at kata ${kata.id}: ${SAVES} saves of src/${kata.files[0]}…`));
    const measures = [
      { what: `save to verdict at kata ${kata.id}`, seconds: await saveToVerdict(root, kata.files[0]), target: LOOP_TARGETS.saveToVerdict },
    ];
    if (id === "12") {
      measures.push({ what: "npm run kata -- --hint", seconds: await query(root, ["--hint"]), target: LOOP_TARGETS.hint });
      measures.push({ what: "npm run kata -- --list", seconds: await query(root, ["--list"]), target: LOOP_TARGETS.list });
    }
    return measures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Every measure of the loop. */
export async function measureLoop(): Promise<LoopMeasure[]> {
  const all = listKatas();
  return [...(await at("01", all)), ...(await at("12", all))];
}
