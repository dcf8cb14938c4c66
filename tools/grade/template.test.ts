import assert from "node:assert/strict";
import { cpSync, existsSync, readdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";

/**
 * `npm run template`: the repository an instructor hands to learners. It
 * must hold no reference solution, and every learner's command must work
 * in it, as a learner who has just run `npm ci` would use it.
 */
const SOLUTIONS_AT = "https://example.edu/nn-katas/solutions";

/** Every file under `dir`, relative, with `/`. */
const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((name) => name.split("\\").join("/"));

describe("npm run template", () => {
  let template: string;
  /** Run a learner's program in the template, as its package.json script would. */
  const learner = (program: string, args: string[] = []) => runProgram(program, args, { root: template });

  before(async () => {
    template = join(tempDir("template"), "katas");
    const written = await runProgram("grade/template.ts", ["--out", template, "--solutions", SOLUTIONS_AT]);
    assert.equal(written.status, 0, written.output);
    assert.match(written.stdout, /✔ wrote the learners' repository to .*: \d+ files, no solutions\//);
    // What `npm ci` would install.
    symlinkSync(realpathSync(join(repoRoot, "node_modules")), join(template, "node_modules"));
  });

  it("holds the course without its solutions, the maintainers' tools, the catalogue of mistakes or the grader's red team", () => {
    const files = filesUnder(template).filter((path) => !path.startsWith("node_modules"));
    assert.equal(existsSync(join(template, "solutions")), false);
    for (const path of files) {
      assert.doesNotMatch(
        path,
        /^solutions\/|^tools\/dev\/|^tools\/.*\.test\.ts$|^katas\/support\/.*\.test\.ts$|^katas\/[^/]+\/mistakes\/|attacks\.ts$|^docs\/instructors\.md$/,
        path,
      );
    }
    for (const kata of readdirSync(join(repoRoot, "katas")).filter((name) => /^\d\d-/.test(name))) {
      for (const file of readdirSync(join(repoRoot, "katas", kata)).filter((name) => name !== "mistakes"))
        assert.ok(files.includes(`katas/${kata}/${file}`), `katas/${kata}/${file} is in the template`);
    }
    for (const file of readdirSync(join(repoRoot, "src"))) {
      assert.equal(
        readFileSync(join(template, "src", file), "utf8"),
        readFileSync(join(repoRoot, "src", file), "utf8"),
        `src/${file} is the stub`,
      );
    }
    for (const path of files.filter((name) => /\.(ts|mjs|json|md|yml)$/.test(name))) {
      assert.doesNotMatch(
        readFileSync(join(template, path), "utf8"),
        /GitHub Classroom/,
        `${path} sends nobody to a service that was shut down`,
      );
    }
  });

  it("runs the learner's own code everywhere, and says where the solutions are", () => {
    const pkg = JSON.parse(readFileSync(join(template, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
      imports: Record<string, unknown>;
      course: { solutions: string };
      dependencies: Record<string, string>;
    };
    assert.deepEqual(pkg.imports, { "#nn/*": "./src/*" });
    assert.deepEqual(Object.keys(pkg.scripts).sort(), ["compare", "docs", "grade", "kata", "predict", "start", "test"]);
    for (const [name, script] of Object.entries(pkg.scripts)) {
      assert.doesNotMatch(script, /solutions/, `npm run ${name} never asks for the solutions`);
      assert.ok(existsSync(join(template, script.split(" ")[1])), `npm run ${name}: ${script} runs a file of the template`);
    }
    assert.equal(pkg.scripts.test, pkg.scripts.kata, "npm test shows the learner where they are");
    assert.equal(pkg.course.solutions, SOLUTIONS_AT);
    assert.deepEqual(
      pkg.dependencies,
      JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).dependencies,
      "npm ci installs what the course's lockfile holds",
    );
  });

  it("gives feedback on every push, with current actions and Node 24, as feedback and not a grade", () => {
    const workflow = readFileSync(join(template, ".github", "workflows", "grade.yml"), "utf8");
    assert.match(workflow, /node-version: 24/);
    assert.match(workflow, /run: npm run grade -- --out reports/);
    assert.match(workflow, /uses: actions\/upload-artifact@v\d+/);
    assert.match(workflow, /This is feedback, not a grade/);
    assert.deepEqual(readdirSync(join(template, ".github", "workflows")), ["grade.yml"]);
    const readme = readFileSync(join(template, "README.md"), "utf8");
    assert.match(readme, /## Set up\n/);
    assert.match(readme, /Your grade is taken by your instructor\s+from their own copy of the course, with only your `src\/` files\./);
  });

  it("points a new learner at kata 01, and the other commands at the kata to finish", async () => {
    const kata = await learner("kata/kata.ts");
    assert.match(kata.stdout, /✖ 01-matrices +0\/\d+ tests pass/);
    assert.match(kata.stdout, /Edit: +src\/matrix\.ts/);
    for (const program of ["train/train.ts", "compare/compare.ts"]) {
      const run = await learner(program);
      assert.notEqual(run.status, 0, program);
      assert.match(run.stderr, /your src\/ is not finished: kata 01-matrices is the first unfinished one/, program);
      assert.doesNotMatch(run.output, /\n\s+at |solutions\//, `${program}: no stack trace, no path into solutions/`);
    }
    const predict = await learner("train/predict.ts");
    assert.match(predict.stderr, /Train one with: npm start/);
  });

  it("shows, once a kata passes, where the instructor publishes its solution", async () => {
    const solved = join(tempDir("solved"), "katas");
    cpSync(template, solved, { recursive: true, verbatimSymlinks: true });
    cpSync(join(repoRoot, "solutions", "matrix.ts"), join(solved, "src", "matrix.ts"));
    const kata = await runProgram("kata/kata.ts", [], { root: solved });
    assert.match(kata.stdout, new RegExp(`✔ 01-matrices +done · the reference solutions: ${SOLUTIONS_AT}`));
    assert.match(kata.stdout, /✖ 02-mnist/);
  });

  it("builds the lesson site", async () => {
    const docs = await learner("site/docs.ts");
    assert.equal(docs.status, 0, docs.output);
    assert.ok(existsSync(join(template, "docs", "site", "index.html")));
  });

  it("refuses a folder that is not empty, in one line", async () => {
    const out = tempDir("occupied");
    writeFileSync(join(out, "notes.txt"), "mine\n");
    const run = await runProgram("grade/template.ts", ["--out", out]);
    assert.equal(run.status, 2);
    assert.match(run.stderr, /^template: --out .* is not empty: choose a new folder\n/);
    assert.deepEqual(readdirSync(out), ["notes.txt"]);
  });
});
