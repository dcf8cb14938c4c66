/**
 * Every child process a course program starts comes from here: Node running
 * a course script through tsx, with `#nn/*` resolved to the implementation
 * asked for. Each child leads a process group of its own, and the whole
 * group is killed when the child exits (so nothing it started lives on),
 * when its time runs out, and when this process ends or is interrupted.
 * What a child prints is captured up to a limit, never without bound.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Impl } from "./impl.ts";
import { repoRoot } from "./paths.ts";

/** Node's flags for a course process: TypeScript through tsx, and `#nn/*` resolved to `impl`. */
export function nodeArgs(impl: Impl): string[] {
  return ["--import", "tsx", ...(impl === "solutions" ? ["--conditions=solutions"] : [])];
}

export interface StartOptions {
  /** The script to run: a path, absolute or relative to `cwd`. */
  script: string;
  args?: readonly string[];
  /** Which implementation `#nn/*` resolves to; `"bundled"` for a script that esbuild already bundled (plain JavaScript, no tsx). */
  impl: Impl | "bundled";
  /** The program that runs the script, when it is not this node (`python3`, say): then `impl` and `nodeFlags` do not apply. */
  interpreter?: string;
  cwd?: string;
  /** Set over this process's environment; a variable set to `undefined` is removed. */
  env?: Record<string, string | undefined>;
  /** More flags for node, after the course's own and before the script. */
  nodeFlags?: readonly string[];
  /** After this long the child's group gets SIGTERM, and SIGKILL a second later. */
  timeoutMs?: number;
  /** What becomes of the child's output: kept (up to `outputLimit`), shown on this terminal, or dropped. Default: kept. */
  output?: "capture" | "inherit" | "ignore";
  /** Bytes kept of each of stdout and stderr; the rest is dropped and `truncated` is set. Default 1 MiB. */
  outputLimit?: number;
  /** Open an IPC channel (`child.send`, `process.send`). */
  ipc?: boolean;
  /** Stop the child when its resident memory passes this many MB (Linux, where /proc tells). */
  memoryLimitMB?: number;
}

export interface Finished {
  /** The exit code, or null when a signal ended the child. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** The child ran out of time and was stopped. */
  timedOut: boolean;
  /** The child used more than `memoryLimitMB` and was stopped. */
  memoryExceeded: boolean;
  stdout: string;
  stderr: string;
  /** Output beyond `outputLimit` was dropped. */
  truncated: boolean;
  durationMs: number;
}

export interface CourseProcess {
  child: ChildProcess;
  finished: Promise<Finished>;
  /** Kill the child's whole group now. */
  kill(): void;
}

const GRACE_MS = 1000;
const DEFAULT_OUTPUT_LIMIT = 1 << 20;

/** Process groups still alive, by leader pid. */
const live = new Set<number>();

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** Whether any process of the group led by `pid` is still alive: a zombie (dead, not yet reaped by init) does not count. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
  } catch {
    return false;
  }
  if (!existsSync("/proc")) return true;
  return readdirSync("/proc").some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      // "pid (command) state ppid pgrp …": the command may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return Number(pgrp) === pid && state !== "Z";
    } catch {
      return false; // It ended while we looked.
    }
  });
}

/** Resolves once the group led by `pid` has no process left (SIGKILL takes a moment), or after `limitMs`. */
async function groupGone(pid: number, limitMs = 2000): Promise<void> {
  for (const started = Date.now(); groupAlive(pid) && Date.now() - started < limitMs; ) {
    killGroup(pid, "SIGKILL");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

let handlersInstalled = false;

/** When this process ends, or is interrupted, its children's groups end with it. */
function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const killAll = () => {
    for (const pid of live) killGroup(pid, "SIGKILL");
  };
  process.on("exit", killAll);
  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const) {
    process.on(signal, () => {
      killAll();
      // SIGKILL takes a moment to land: exit once every group is gone (or after groupGone's limit), so that
      // nothing of ours is still running when whoever interrupted us looks.
      void Promise.all([...live].map((pid) => groupGone(pid))).finally(() => process.exit(code));
    });
  }
}

/** The resident memory of process `pid` in MB, from /proc; 0 once it is gone. */
function residentMB(pid: number): number {
  try {
    const kB = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kB === undefined ? 0 : Number(kB) / 1024;
  } catch {
    return 0;
  }
}

/** A sink that keeps the first `limit` bytes. */
function collector(limit: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  let truncated = false;
  return {
    add(chunk: Buffer) {
      if (size >= limit) {
        truncated = true;
        return;
      }
      const kept = chunk.subarray(0, limit - size);
      if (kept.length < chunk.length) truncated = true;
      chunks.push(kept);
      size += kept.length;
    },
    text: () => Buffer.concat(chunks).toString("utf8"),
    truncated: () => truncated,
  };
}

/** Start a course script in a process group of its own. */
export function startCourse(options: StartOptions): CourseProcess {
  installHandlers();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const output = options.output ?? "capture";
  const stream = output === "capture" ? "pipe" : output;
  const started = performance.now();
  const flags = options.interpreter ? [] : [...(options.impl === "bundled" ? [] : nodeArgs(options.impl)), ...(options.nodeFlags ?? [])];
  const child = spawn(options.interpreter ?? process.execPath, [...flags, options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env,
    detached: true,
    stdio: ["ignore", stream, stream, ...(options.ipc ? ["ipc" as const] : [])],
  });
  const pid = child.pid;
  if (pid !== undefined) live.add(pid);
  const limit = options.outputLimit ?? DEFAULT_OUTPUT_LIMIT;
  const [stdout, stderr] = [collector(limit), collector(limit)];
  child.stdout?.on("data", stdout.add);
  child.stderr?.on("data", stderr.add);

  let timedOut = false;
  const stop = () => {
    if (pid === undefined) return;
    killGroup(pid, "SIGTERM");
    setTimeout(() => killGroup(pid, "SIGKILL"), GRACE_MS).unref();
  };
  const timer =
    options.timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          stop();
        }, options.timeoutMs);
  let memoryExceeded = false;
  const memoryLimit = options.memoryLimitMB;
  const watch =
    memoryLimit === undefined || pid === undefined || !existsSync(`/proc/${pid}/status`)
      ? undefined
      : setInterval(() => {
          if (residentMB(pid) > memoryLimit) {
            memoryExceeded = true;
            stop();
          }
        }, 200);

  const finished = new Promise<Finished>((resolve, reject) => {
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    child.on("error", (error) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (pid !== undefined) live.delete(pid);
      reject(error);
    });
    // On exit, not close: a grandchild that holds the pipes open would delay close for ever. Killing
    // the group ends it, and close follows.
    child.on("exit", (code, signal) => {
      exit = { code, signal };
      clearTimeout(timer);
      clearInterval(watch);
      if (pid !== undefined) {
        killGroup(pid, "SIGKILL");
        live.delete(pid);
      }
    });
    child.on("close", async (code, signal) => {
      if (pid !== undefined) await groupGone(pid);
      resolve({
        code: exit?.code ?? code,
        signal: exit?.signal ?? signal,
        timedOut,
        memoryExceeded,
        stdout: stdout.text(),
        stderr: stderr.text(),
        truncated: stdout.truncated() || stderr.truncated(),
        durationMs: performance.now() - started,
      });
    });
  });
  return {
    child,
    finished,
    kill: () => {
      if (pid !== undefined) killGroup(pid, "SIGKILL");
    },
  };
}

/** Run a course script to its end. */
export function runCourse(options: StartOptions): Promise<Finished> {
  return startCourse(options).finished;
}

/** The processes (other than this one) whose command line contains `text`: what a run left behind, when `text` names its scratch folders. */
export function processesMentioning(text: string): { pid: number; command: string }[] {
  const found: { pid: number; command: string }[] = [];
  if (existsSync("/proc")) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
      let command: string;
      try {
        command = readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").join(" ").trim();
      } catch {
        continue; // It ended while we looked.
      }
      if (command.includes(text)) found.push({ pid: Number(entry), command });
    }
    return found;
  }
  for (const line of execFileSync("ps", ["-A", "-o", "pid=,args="], { encoding: "utf8" }).split("\n")) {
    const match = /^\s*(\d+)\s+(.*)$/.exec(line);
    if (match && Number(match[1]) !== process.pid && match[2].includes(text)) found.push({ pid: Number(match[1]), command: match[2] });
  }
  return found;
}

/**
 * Run one of the course's programs as a user would (`tools/<program>`, in
 * the checkout at `root`, no colours), for the tools' tests: its exit code,
 * and what it printed.
 */
export async function runProgram(
  program: string,
  args: readonly string[] = [],
  options: { root?: string; env?: Record<string, string | undefined>; impl?: Impl } = {},
): Promise<{ status: number | null; stdout: string; stderr: string; output: string }> {
  const root = options.root ?? repoRoot;
  const run = await runCourse({
    script: join(root, "tools", program),
    args,
    impl: options.impl ?? "src",
    cwd: root,
    env: { NO_COLOR: "1", FORCE_COLOR: undefined, ...options.env },
  });
  return { status: run.code, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr };
}
