/**
 * One system's run, in a child process of `npm run compare` (started by
 * `measure.ts` with `--conditions=solutions`): it trains, and reports each
 * epoch and finally its peak memory to the parent over the IPC channel.
 */
import { loadMnist } from "../../katas/support/mnist-files.ts";
import type { EpochRecord } from "../train/training.ts";
import type { RunSettings } from "./systems.ts";
import { TRAINERS } from "./trainers.ts";

/** A message from this child to `measure.ts`. */
export type WorkerMessage =
  | { kind: "epoch"; record: EpochRecord }
  | { kind: "done"; confusion: number[][]; peakRssMB: number }
  | { kind: "error"; message: string };

const send = (message: WorkerMessage) => new Promise<void>((resolve) => process.send?.(message, () => resolve()));

async function main(): Promise<void> {
  const settings = JSON.parse(process.argv[2]) as RunSettings;
  try {
    const trainer = TRAINERS[settings.chapter]?.[settings.system];
    if (!trainer) throw new Error(`no system "${settings.system}" in chapter ${settings.chapter}`);
    const { confusion } = await trainer(loadMnist(), settings, (record) => void send({ kind: "epoch", record }));
    await send({ kind: "done", confusion, peakRssMB: process.resourceUsage().maxRSS / 1024 });
  } catch (error) {
    await send({ kind: "error", message: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  }
  process.disconnect();
}

void main();
