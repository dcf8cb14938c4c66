/**
 * Runs one system in its own child process, so that its time and memory are
 * its own: the libraries of the other systems are never loaded into it, and
 * `maxRSS` is that child's peak alone.
 */
import { fork } from "node:child_process";
import type { EpochRecord, RunSettings, SystemResult } from "./systems.ts";
import type { WorkerMessage } from "./worker.ts";

const worker = new URL("./worker.ts", import.meta.url).pathname;

/** Train `settings.system` in a child; `onEpoch` hears each epoch as it ends. */
export function measureSystem(settings: RunSettings, onEpoch: (record: EpochRecord) => void): Promise<SystemResult> {
  const child = fork(worker, [JSON.stringify(settings)], {
    execArgv: ["--import", "tsx", "--conditions=solutions"],
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
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
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (done && code === 0) resolve({ system: settings.system, history, confusion: done.confusion, peakRssMB: done.peakRssMB });
      else {
        const why = failure ?? (stderr.trim().split("\n").pop() || `the process ended with ${signal ?? `exit code ${code}`}`);
        reject(new Error(`${settings.system} failed: ${why}`));
      }
    });
  });
}
