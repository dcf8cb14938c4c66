/**
 * `assertProperty` runs a fast-check property and, when it fails, ends the
 * message with the exact command that replays the failure:
 *
 *     FC_SEED=123 FC_PATH="4:1" npm run kata -- 05
 *
 * With FC_SEED (and FC_PATH) set, the property replays that run.
 */
import { basename, dirname } from "node:path";
import fc from "fast-check";

function replaySettings(): { seed?: number; path?: string } {
  const seed = process.env.FC_SEED;
  if (seed === undefined || seed === "") return {};
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be an integer, got "${seed}"`);
  return { seed: Number(seed), path: process.env.FC_PATH || undefined };
}

/**
 * The command that reruns this test file: the kata runner for a kata (its
 * folder is `NN-slug`, or, bundled for grading, its file is `NN-slug--…`),
 * the tools' runner otherwise.
 */
function rerunCommand(): string {
  const script = process.argv[1] ?? "";
  const kata = /^(\d\d)-/.exec(basename(dirname(script)))?.[1] ?? /^(\d\d)-[^/]*--/.exec(basename(script))?.[1];
  return kata ? `npm run kata -- ${kata}` : "npm run test:tools";
}

/**
 * The counterexample as the code under test was given it. fast-check keeps
 * the values of the failing run, which code that changes its arguments has
 * changed; so the failing run is replayed once (its seed and path), through
 * `watching`, which writes its inputs down before the property sees them.
 */
function watching<P extends fc.IProperty<never> | fc.IAsyncProperty<never>>(property: P, note: (value: unknown) => void): P {
  return new Proxy(property, {
    get(target, key) {
      if (key === "run")
        return (value: never) => {
          note(value);
          return target.run(value);
        };
      const member = Reflect.get(target, key);
      return typeof member === "function" ? member.bind(target) : member;
    },
  });
}

/** How long fast-check may shrink a counterexample before the course stops it and reports what it has (NN_SHRINK_LIMIT_MS, for the helpers' own tests). */
const shrinkLimitMs = () => Number(process.env.NN_SHRINK_LIMIT_MS) || 5_000;

/**
 * The property, with shrinking cut short after shrinkLimitMs(): once that
 * long has passed since its first failure, every further candidate is
 * skipped (a failed precondition), so fast-check ends with the smallest
 * counterexample it has. Code that changes its arguments can otherwise keep
 * it shrinking for ever (each candidate is changed back into a failing one),
 * and the learner would see a timeout instead of a counterexample.
 */
function bounded<P extends fc.IProperty<never> | fc.IAsyncProperty<never>>(property: P, onCut: () => void): P {
  let firstFailure: number | undefined;
  const seen = (result: unknown) => {
    if (result !== null && !fc.PreconditionFailure.isFailure(result)) firstFailure ??= performance.now();
    return result;
  };
  return new Proxy(property, {
    get(target, key) {
      if (key === "run")
        return (value: never) => {
          if (firstFailure !== undefined && performance.now() - firstFailure > shrinkLimitMs()) {
            onCut();
            return new fc.PreconditionFailure();
          }
          const result = target.run(value) as unknown;
          return result instanceof Promise ? result.then(seen) : seen(result);
        };
      const member = Reflect.get(target, key);
      return typeof member === "function" ? member.bind(target) : member;
    },
  });
}

const replayOf = <Ts>(details: fc.RunDetails<Ts>) => ({
  seed: details.seed,
  path: details.counterexamplePath ?? undefined,
  numRuns: 1,
  endOnFailure: true,
});

/** The failure first (what the learner must fix), then the counterexample as given, then how to replay it. */
function failureMessage<Ts>(details: fc.RunDetails<Ts>, given: string | undefined, cut: boolean): string {
  const error = details.errorInstance;
  const cause = error instanceof Error ? error.message : String(error);
  const after = fc.stringify(details.counterexample);
  const counterexample =
    given === undefined || given === after
      ? [`Counterexample: ${after}`]
      : [`Counterexample, as your code was given it: ${given}`, `(your code changed its arguments: after the call they were ${after})`];
  return [
    cause,
    "",
    ...counterexample,
    `Property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s)${
      cut ? ` (shrinking was stopped after ${shrinkLimitMs() / 1000} s; code that changes its arguments can keep it from ever ending)` : ""
    }.`,
    // A path thousands of shrinks long is no command to copy: the seed alone replays the run, shrinking it again.
    (details.counterexamplePath ?? "").length > 200
      ? `Replay this failure with: FC_SEED=${details.seed} ${rerunCommand()}`
      : `Replay this failure with: FC_SEED=${details.seed} FC_PATH="${details.counterexamplePath ?? ""}" ${rerunCommand()}`,
  ].join("\n");
}

/** Run a property; on failure, throw the message above, with fast-check's error as the cause. */
export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  let cut = false;
  const details = fc.check(
    bounded(property as unknown as fc.IProperty<never>, () => {
      cut = true;
    }) as unknown as fc.IProperty<Ts>,
    { ...params, ...replaySettings() },
  );
  if (!details.failed) return;
  let given: string | undefined;
  try {
    fc.check(
      watching(property as unknown as fc.IProperty<never>, (value) => {
        given ??= fc.stringify(value);
      }),
      replayOf(details),
    );
  } catch {
    // The replay is only for the message: the failure is already known.
  }
  throw new Error(failureMessage(details, given, cut), { cause: details.errorInstance });
}

export async function assertPropertyAsync<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  let cut = false;
  const details = await fc.check(
    bounded(property as unknown as fc.IAsyncProperty<never>, () => {
      cut = true;
    }) as unknown as fc.IAsyncProperty<Ts>,
    { ...params, ...replaySettings() },
  );
  if (!details.failed) return;
  let given: string | undefined;
  try {
    await fc.check(
      watching(property as unknown as fc.IAsyncProperty<never>, (value) => {
        given ??= fc.stringify(value);
      }),
      replayOf(details),
    );
  } catch {
    // The replay is only for the message: the failure is already known.
  }
  throw new Error(failureMessage(details, given, cut), { cause: details.errorInstance });
}
