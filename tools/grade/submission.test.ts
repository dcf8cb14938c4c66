import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { runProgram } from "../core/processes.ts";
import { tempDir } from "../core/test-trees.ts";
import { submission, templateRepo } from "./test-submissions.ts";

/**
 * `npm run grade -- --submission DIR`, from this checkout (the
 * instructor's), on learners' repositories made from `npm run template`: the
 * controls every other grading test leans on.
 */
const all = listKatas();

/** Kata 01 as a learner might write it, unlike the reference: a class, Array.from, reduce, checks of its own. */
const OTHER_STYLE_MATRIX = `export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

class Dense implements Matrix {
  readonly data: Float64Array;
  constructor(readonly rows: number, readonly cols: number, values?: ArrayLike<number>) {
    for (const [name, n] of [["rows", rows], ["cols", cols]] as const) {
      if (!Number.isInteger(n) || n <= 0) throw new RangeError(\`\${name} should be a positive integer, not \${n}\`);
    }
    if (values !== undefined && values.length !== rows * cols) throw new RangeError(\`\${rows}×\${cols} needs \${rows * cols} values, got \${values.length}\`);
    this.data = values === undefined ? new Float64Array(rows * cols) : new Float64Array(Array.from(values));
  }
  at(i: number, j: number): number {
    return this.data[i * this.cols + j];
  }
}

const dims = (m: Matrix) => \`\${m.rows}×\${m.cols}\`;
const build = (rows: number, cols: number, f: (i: number, j: number) => number) =>
  new Dense(rows, cols, Array.from({ length: rows * cols }, (_, n) => f(Math.floor(n / cols), n % cols)));
const at = (m: Matrix, i: number, j: number) => m.data[i * m.cols + j];
function elementwise(name: string, a: Matrix, b: Matrix, f: (x: number, y: number) => number): Matrix {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError(\`\${name}: \${dims(a)} vs \${dims(b)}\`);
  return new Dense(a.rows, a.cols, a.data.map((x, n) => f(x, b.data[n])));
}

export const matrix = (rows: number, cols: number, data?: ArrayLike<number>): Matrix => new Dense(rows, cols, data);
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const width = rows.length === 0 ? 0 : rows[0].length;
  rows.forEach((row, n) => {
    if (row.length !== width) throw new RangeError(\`ragged: row \${n} is \${row.length} long, row 0 \${width}\`);
  });
  return new Dense(rows.length, width, rows.flat());
}
export const toRows = (m: Matrix): number[][] => Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => at(m, i, j)));
export const column = (values: ArrayLike<number>): Matrix => new Dense(values.length, 1, values);
export const identity = (n: number): Matrix => build(n, n, (i, j) => (i === j ? 1 : 0));
export function get(m: Matrix, i: number, j: number): number {
  const inside = Number.isInteger(i) && Number.isInteger(j) && 0 <= i && i < m.rows && 0 <= j && j < m.cols;
  if (!inside) throw new RangeError(\`no entry (\${i}, \${j}) in a \${dims(m)} matrix\`);
  return at(m, i, j);
}
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(\`matmul: \${dims(a)} times \${dims(b)}: inner dimensions \${a.cols} and \${b.rows} differ\`);
  return build(a.rows, b.cols, (i, j) => Array.from({ length: a.cols }, (_, k) => at(a, i, k) * at(b, k, j)).reduce((sum, term) => sum + term, 0));
}
export const transpose = (a: Matrix): Matrix => build(a.cols, a.rows, (i, j) => at(a, j, i));
export const add = (a: Matrix, b: Matrix) => elementwise("add", a, b, (x, y) => x + y);
export const sub = (a: Matrix, b: Matrix) => elementwise("sub", a, b, (x, y) => x - y);
export const hadamard = (a: Matrix, b: Matrix) => elementwise("hadamard", a, b, (x, y) => x * y);
export const map = (a: Matrix, f: (value: number) => number): Matrix => new Dense(a.rows, a.cols, Array.from(a.data, f));
export const scale = (a: Matrix, c: number): Matrix => map(a, (x) => x * c);
export function outer(u: Matrix, v: Matrix): Matrix {
  if (u.cols !== 1 || v.cols !== 1) throw new RangeError(\`outer wants column vectors, got \${dims(u)} and \${dims(v)}\`);
  return build(u.rows, v.rows, (i, j) => u.data[i] * v.data[j]);
}
`;

interface GradeJson {
  source: string;
  note?: string;
  score: number;
  maxScore: number;
  katas: { id: string; passed: boolean; points: number; firstFailure: { test: string; message: string } | null; refusals: string[] }[];
}

async function gradeSubmission(dir: string, args: string[] = []) {
  const out = tempDir("reports");
  const run = await runProgram("grade/grade.ts", ["--submission", dir, "--out", out, ...args]);
  assert.equal(run.status, 0, run.output);
  return {
    ...run,
    report: JSON.parse(readFileSync(join(out, "grade.json"), "utf8")) as GradeJson,
    summary: readFileSync(join(out, "summary.md"), "utf8"),
  };
}

describe("npm run grade -- --submission", () => {
  let template: string;
  before(async () => {
    template = await templateRepo();
  });

  it("scores 0 on the template as written, every kata failing on its stub", async () => {
    const { report, stdout, summary } = await gradeSubmission(submission(template));
    assert.deepEqual([report.score, report.maxScore], [0, all.reduce((sum, k) => sum + k.points, 0)]);
    assert.equal(report.source, "submission");
    assert.equal(report.note, undefined, "a grade from the instructor's checkout carries no warning");
    for (const graded of report.katas) {
      assert.match(graded.firstFailure?.message ?? "", /^Not implemented: /, graded.id);
      assert.deepEqual(graded.refusals, [], `${graded.id}: a stub is not refused`);
    }
    assert.match(stdout, /\(the submission's src\/, from the instructor's checkout\)/);
    assert.doesNotMatch(summary, /Graded inside this repository/);
  });

  it("scores full marks with the reference solutions copied into the template's src/", async () => {
    const { report } = await gradeSubmission(submission(template, { solved: all }));
    assert.equal(report.score, report.maxScore, JSON.stringify(report.katas.filter((k) => !k.passed)));
    assert.ok(report.katas.every((k) => k.passed && k.refusals.length === 0));
  });

  it("scores full marks for an honest implementation in another style, and reads nothing but src/", async () => {
    // Kata 01 written another way, kata 04 with σ' from its own exponential, and the learner's
    // README and package.json changed: the grader takes only the src/ files.
    const sigmoid = readFileSync(join(repoRoot, "solutions", "sigmoid.ts"), "utf8");
    const directPrime = sigmoid.replace(
      /const s = sigmoid\(z\);\n\s*return s \* \(1 - s\);/,
      "const e = Math.exp(-Math.abs(z));\n  return e / (1 + e) ** 2;",
    );
    assert.notEqual(directPrime, sigmoid, "the test's patch applies to solutions/sigmoid.ts");
    const dir = submission(template, {
      solved: [findKata(all, "03") as Kata],
      patch: {
        "src/matrix.ts": OTHER_STYLE_MATRIX,
        "src/sigmoid.ts": directPrime,
        "README.md": "# my katas\n",
        "package.json": "{ this is not JSON",
      },
    });
    const { report } = await gradeSubmission(dir, ["01", "04"]);
    assert.deepEqual(
      report.katas.map((k) => [k.id, k.points, k.firstFailure?.message ?? null]),
      [
        ["01-matrices", 10, null],
        ["04-sigmoid", 10, null],
      ],
    );
  });
});
