/**
 * The parent's side of `mistake-harness.mjs`: one long-lived process per
 * scratch tree that runs the bundled tests of one mistake after another,
 * restarted when a mistake makes it loop past the time limit, end itself,
 * or after it has loaded many bundles (it cannot unload them).
 */
import { join } from "node:path";
import { type CourseProcess, startCourse } from "../core/processes.ts";

/** The first failing test, as its name path and message; a path of one file is a file that failed as a whole. */
export type Failure = { path: string[]; error: string };
export type Answer = { failed: Failure | null } | { timedOut: true };

/** Bundles one harness process may load before it is replaced by a fresh one. */
const BUNDLES_PER_PROCESS = 60;

export class Harness {
  private process?: CourseProcess;
  private loaded = 0;
  private readonly stopped: Promise<unknown>[] = [];

  constructor(private readonly root: string) {}

  /** Run `files` (bundles, in order) up to the first failure, or until `timeoutMs` passes. */
  run(files: readonly string[], timeoutMs: number): Promise<Answer> {
    if (this.process && this.loaded + files.length > BUNDLES_PER_PROCESS) this.stop();
    if (!this.process) {
      this.process = startCourse({
        script: join(this.root, "tools", "dev", "mistake-harness.mjs"),
        impl: "bundled",
        cwd: this.root,
        ipc: true,
      });
      this.loaded = 0;
    }
    this.loaded += files.length;
    const running = this.process;
    return new Promise((resolve) => {
      const done = (answer: Answer) => {
        clearTimeout(timer);
        running.child.off("message", onMessage);
        running.child.off("exit", onExit);
        resolve(answer);
      };
      const onMessage = (message: { failed: Failure | null }) => done(message);
      const onExit = (code: number | null) => {
        if (this.process === running) this.process = undefined;
        done({ failed: { path: [files[0]], error: `the test process ended (exit code ${code}) before its tests had finished` } });
      };
      const timer = setTimeout(() => {
        this.stop();
        done({ timedOut: true });
      }, timeoutMs);
      running.child.on("message", onMessage);
      running.child.once("exit", onExit);
      running.child.send([...files]);
    });
  }

  /** Stop the process, if one runs. */
  stop(): void {
    if (!this.process) return;
    this.process.kill();
    this.stopped.push(this.process.finished);
    this.process = undefined;
  }

  /** Stop, and wait until every process this harness started is gone. */
  async close(): Promise<void> {
    this.stop();
    await Promise.allSettled(this.stopped);
  }
}
