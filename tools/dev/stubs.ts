/**
 * Checks the shipped stubs: every function that `src/` exports throws the
 * error that names its kata and lesson, so that a learner who runs it is sent
 * to the right place.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Kata } from "../core/katas.ts";
import { stubMessage } from "../core/stub-message.ts";

/** Problems with the stubs under `root/src`; empty when every export is a proper stub. */
export function stubProblems(root: string, katas: readonly Kata[]): string[] {
  const problems: string[] = [];
  const owners = new Map<string, string>();
  for (const kata of katas) {
    for (const file of kata.files) {
      const owner = owners.get(file);
      if (owner) problems.push(`src/${file} is claimed by both ${owner} and ${kata.id}`);
      owners.set(file, kata.id);
      const text = readFileSync(join(root, "src", file), "utf8");
      for (const [, name] of text.matchAll(/^export (?:async )?function\*? ?(\w+)/gm)) {
        if (!text.includes(JSON.stringify(stubMessage(name, kata)))) {
          problems.push(`src/${file}: ${name} does not throw ${JSON.stringify(stubMessage(name, kata))}`);
        }
      }
      if (/^export (?:abstract )?class /m.test(text)) problems.push(`src/${file}: export functions, not classes`);
    }
  }
  return problems;
}
