import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { findKata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempTree as tree } from "../core/test-trees.ts";
import { classroomWorkflow, stepId, timeoutMinutes, WORKFLOW } from "./classroom-workflow.ts";
import { buildManifest, MANIFEST } from "./manifest.ts";

const katas = listKatas();
const committed = (path: string) => readFileSync(join(repoRoot, path), "utf8");

/** The workflow's steps, each as its block of lines, by the value of `id:` (or the name when it has none). */
function steps(workflow: string): Map<string, string> {
  const blocks = workflow.split("\n      - name: ").slice(1);
  return new Map(blocks.map((block) => [/\n {8}id: (\S+)/.exec(block)?.[1] ?? block.split("\n")[0], block]));
}

const field = (block: string | undefined, name: string) => new RegExp(`\\n {10}${name}: (.*)`).exec(block ?? "")?.[1];

describe("the GitHub Classroom workflow", () => {
  it("is in sync with the katas, and so is the tests manifest (if not: npm run classroom, and commit both)", () => {
    assert.equal(committed(WORKFLOW), classroomWorkflow(katas), `${WORKFLOW} is out of date: run npm run classroom`);
    assert.equal(committed(MANIFEST), buildManifest(repoRoot), `${MANIFEST} is out of date: run npm run classroom`);
  });

  it("grades each kata in its own step, worth its points, within a timeout that covers all its test files", () => {
    const byId = steps(committed(WORKFLOW));
    for (const kata of katas) {
      const block = byId.get(stepId(kata));
      assert.ok(block, `a step for ${kata.id}`);
      assert.match(block, /\n {8}uses: education\/autograding-command-grader@v1\n/);
      assert.equal(field(block, "test-name"), JSON.stringify(kata.id));
      assert.equal(field(block, "setup-command"), '""');
      assert.equal(
        field(block, "command"),
        JSON.stringify(`npm run grade -- ${kata.id} --verify-tests --min-score 100% --out reports/${kata.id}`),
      );
      assert.equal(field(block, "max-score"), String(kata.points));
      assert.equal(field(block, "timeout"), String(timeoutMinutes(kata)));
      assert.ok(
        timeoutMinutes(kata) * 60_000 >= kata.tests.length * kata.timeoutMs + 30_000,
        `${kata.id}: time for every file and start-up`,
      );
    }
    assert.equal([...byId.values()].filter((block) => block.includes("autograding-command-grader")).length, katas.length);
  });

  it("ends with the reporter, which reads the result of every kata's step", () => {
    const workflow = committed(WORKFLOW);
    const reporter = steps(workflow).get("Autograding Reporter");
    assert.ok(reporter);
    assert.match(reporter, /\n {8}uses: education\/autograding-grading-reporter@v1\n/);
    assert.ok(workflow.trimEnd().endsWith(reporter.trimEnd()), "the reporter is the last step");
    const ids = katas.map(stepId);
    assert.equal(field(reporter, "runners"), ids.join(","));
    for (const id of ids) {
      // The reporter reads process.env[`${runner.toUpperCase()}_RESULTS`].
      assert.ok(
        reporter.includes(`\n          ${id.toUpperCase()}_RESULTS: "\${{ steps.${id}.outputs.result }}"`),
        `the reporter reads ${id}`,
      );
    }
  });

  it("takes each kata's points from its kata.json", () => {
    const root = tree();
    writeFileSync(join(root, "katas", "02-mnist", "kata.json"), JSON.stringify({ files: ["mnist.ts"], timeoutSeconds: 30, points: 25 }));
    const byId = steps(classroomWorkflow(listKatas(root)));
    assert.equal(field(byId.get("kata-02-mnist"), "max-score"), "25");
    assert.equal(field(byId.get("kata-01-matrices"), "max-score"), "10");
  });

  it("has step commands that fail an unsolved kata and pass a solved one", () => {
    const kata = findKata(katas, "01");
    assert.ok(kata);
    const command = JSON.parse(field(steps(committed(WORKFLOW)).get(stepId(kata)), "command") ?? '""') as string;
    const run = (root: string) => spawnSync(command, { cwd: root, shell: true, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
    const unsolved = run(tree());
    assert.equal(unsolved.status, 1, unsolved.stdout + unsolved.stderr);
    assert.match(unsolved.stdout, /Score: 0\/10 points/);
    const solved = run(tree([kata]));
    assert.equal(solved.status, 0, solved.stdout + solved.stderr);
    assert.match(solved.stdout, /Score: 10\/10 points/);
  });
});

describe("npm run classroom", () => {
  it("writes the workflow and the manifest, and --check finds them stale after a test changes", async () => {
    const root = tree();
    const classroom = (...args: string[]) => runProgram("grade/classroom.ts", args, { root });
    assert.equal((await classroom()).status, 0);
    const fresh = await classroom("--check");
    assert.equal(fresh.status, 0, fresh.stdout);
    assert.match(fresh.stdout, /are up to date/);
    assert.equal(readFileSync(join(root, WORKFLOW), "utf8"), classroomWorkflow(listKatas(root)));

    const test = join(root, "katas", "04-sigmoid", "sigmoid.test.ts");
    writeFileSync(test, `${readFileSync(test, "utf8")}\n// changed\n`);
    const stale = await classroom("--check");
    assert.equal(stale.status, 1);
    assert.match(stale.stdout, /katas\/tests\.sha256 is out of date: run npm run classroom/);
    assert.doesNotMatch(stale.stdout, /classroom\.yml is out of date/);

    const bad = await classroom("--force");
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^classroom: Unknown option '--force'/);
  });
});
