import assert from "node:assert/strict";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { type Attack, FILE_ATTACKS, LIBRARY_ATTACKS, REPOSITORY_ATTACKS } from "./attacks.ts";
import { submission, templateRepo } from "./test-submissions.ts";

/**
 * The red team (`attacks.ts`), graded from this checkout with `--roster`:
 * one class of attackers on kata 01, one on kata 13 (through TensorFlow.js),
 * both graded at once. Each attack must score nothing on the katas it
 * touches, for the reason it names; beside them, an honest learner with
 * the reference solutions must score those katas in full, so that a zero
 * means the attack failed, not the grader.
 */
interface GradeJson {
  katas: { id: string; points: number; maxPoints: number; firstFailure: { test: string; message: string } | null }[];
}

const all = listKatas();
const classes = [
  { kata: "01", attacks: [...FILE_ATTACKS, ...REPOSITORY_ATTACKS] },
  { kata: "13", attacks: LIBRARY_ATTACKS },
];
const HONEST = "honest-control";

describe("the grader against its red team", () => {
  const outs = new Map<string, string>();
  before(async () => {
    const template = await templateRepo();
    await Promise.all(
      classes.map(async ({ kata, attacks }) => {
        const roster = tempDir(`attacks-${kata}`);
        for (const attack of attacks) submission(template, { patch: attack.patch, dir: join(roster, attack.name) });
        submission(template, { solved: all, dir: join(roster, HONEST) });
        const out = tempDir(`attack-reports-${kata}`);
        const run = await runProgram("grade/grade.ts", ["--roster", roster, "--out", out, kata]);
        assert.equal(run.status, 0, run.output);
        outs.set(kata, out);
      }),
    );
  });

  const graded = (kata: string, learner: string) => {
    const out = outs.get(kata) as string;
    const report = JSON.parse(readFileSync(join(out, learner, "grade.json"), "utf8")) as GradeJson;
    return { out, kata: report.katas[0] };
  };

  for (const { kata } of classes) {
    it(`scores kata ${kata} in full for an honest learner graded beside the attacks`, () => {
      const { kata: result } = graded(kata, HONEST);
      assert.equal(result.points, result.maxPoints, result.firstFailure?.message);
    });
  }

  for (const { kata, attacks } of classes) {
    for (const attack of attacks as Attack[]) {
      it(`${attack.name}: ${attack.tries}: scores 0 on kata ${attack.katas.join(", ")} and says why`, () => {
        assert.deepEqual(attack.katas, [kata], "the attack is graded with the katas it touches");
        const { out, kata: result } = graded(kata, attack.name);
        assert.equal(result.points, 0);
        assert.match(result.firstFailure?.message ?? "", attack.reason);
        assert.doesNotMatch(
          result.firstFailure?.message ?? "",
          /node:internal|nn-scratch-/,
          "no Node internals or grading-tree paths in the report",
        );
        assert.ok(statSync(join(out, attack.name, "grade.json")).size < 100_000, "the report stays small");
        assert.match(readFileSync(join(out, "gradebook.csv"), "utf8"), new RegExp(`^${attack.name},0,0,10,$`, "m"));
      });
    }
  }
});
