/**
 * Runs one system in its own child process, so that its time and memory are
 * its own: the libraries of the other systems are never loaded into it, and
 * `maxRSS` is that child's peak alone.
 */
import { defaultImpl } from "../core/impl.ts";
import { startCourse } from "../core/processes.ts";
import type { EpochRecord } from "../train/training.ts";
import type { RunSettings, SystemResult } from "./systems.ts";
import type { WorkerMessage } from "./worker.ts";

const WORKER = new URL("./worker.ts", import.meta.url).pathname;

/** Train `settings.system` in a child; `onEpoch` hears each epoch as it ends. */
export async function measureSystem(settings: RunSettings, onEpoch: (record: EpochRecord) => void): Promise<SystemResult> {
  const { child, finished } = startCourse({ script: WORKER, args: [JSON.stringify(settings)], impl: defaultImpl(), ipc: true });
  const history: EpochRecord[] = [];
  let done: { confusion: number[][]; peakRssMB: number } | undefined;
  let failure: string | undefined;
  child.on("message", (message: WorkerMessage) => {
    if (message.kind === "epoch") {
      history.push(message.record);
      onEpoch(message.record);
    } else if (message.kind === "done") done = message;
    else failure = message.message;
  });
  const { code, signal, stderr } = await finished;
  if (done && code === 0) return { system: settings.system, history, confusion: done.confusion, peakRssMB: done.peakRssMB };
  const why = failure ?? (stderr.trim().split("\n").pop() || `the process ended with ${signal ?? `exit code ${code}`}`);
  throw new Error(`${settings.system} failed: ${why}`);
}
