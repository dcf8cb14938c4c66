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

/** The failure first (what the learner must fix), then the counterexample, then how to replay it. */
function failureMessage<Ts>(details: fc.RunDetails<Ts>): string {
  const error = details.errorInstance;
  const cause = error instanceof Error ? error.message : String(error);
  return [
    cause,
    "",
    `Counterexample: ${fc.stringify(details.counterexample)}`,
    `Property failed after ${details.numRuns} run(s), shrunk ${details.numShrinks} time(s).`,
    `Replay this failure with: FC_SEED=${details.seed} FC_PATH="${details.counterexamplePath ?? ""}" ${rerunCommand()}`,
  ].join("\n");
}

export function assertProperty<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, params: fc.Parameters<Ts> = {}): void {
  const details = fc.check(property, { ...params, ...replaySettings() });
  if (details.failed) throw new Error(failureMessage(details), { cause: details.errorInstance });
}

export async function assertPropertyAsync<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncProperty<Ts>,
  params: fc.Parameters<Ts> = {},
): Promise<void> {
  const details = await fc.check(property, { ...params, ...replaySettings() });
  if (details.failed) throw new Error(failureMessage(details), { cause: details.errorInstance });
}
