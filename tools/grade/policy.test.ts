import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { findKata, type Kata, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { tempTree } from "../core/test-trees.ts";
import { ALLOWED_GLOBALS, policyProblems } from "./policy.ts";

/**
 * The rules a learner's file must keep (`policy.ts`): honest code of any
 * style keeps them; code that reaches beyond its file is refused, with the
 * line and the reason.
 */
const all = listKatas();
const files = all.flatMap((kata) => kata.files);
const tree = tempTree(all);
const solution = (file: string) => readFileSync(join(repoRoot, "solutions", file), "utf8");

/** The problems of `src/<file>` written as `text` (the other files: the reference solutions). */
function problemsOf(file: string, text: string): string[] {
  writeFileSync(join(tree, "src", file), text);
  try {
    return policyProblems(tree, all, [file]).map((problem) => `${problem.file}:${problem.line} ${problem.message}`);
  } finally {
    writeFileSync(join(tree, "src", file), solution(file));
  }
}

describe("the rules of a learner's file", () => {
  it("refuses nothing in the reference solutions", () => {
    assert.deepEqual(policyProblems(tree, all, files), []);
  });

  it("lets honest code use what it needs: built-ins, console, timers, its own names, types from anywhere", () => {
    const honest = `import type { Matrix } from "./matrix.ts";
import { matrix } from "./matrix.ts";
export type Gate = (a: number, b: number) => number;
const process = (m: Matrix) => m.rows; // a name of its own may shadow a global
export function perceptron(weights: readonly number[], bias: number) {
  const cache = new Map<string, number>();
  const here = new URL(".", import.meta.url);
  void here; void cache; void matrix; void process;
  console.debug(Math.max(...weights), Number.EPSILON, JSON.stringify({ bias }), structuredClone([1]));
  setTimeout(() => {}, 0);
  let total = 0;
  for (const w of weights) total += w;
  const copy = { ...{ total } };
  copy.total++;
  return (inputs: readonly number[]) => (inputs.reduce((s, x, j) => s + x * weights[j], bias) > 0 ? 1 : 0);
}
${solution("perceptron.ts").replace(/export function perceptron\([\s\S]*?\n}\n/, "")}`;
    assert.deepEqual(problemsOf("perceptron.ts", honest), []);
  });

  it("refuses every global beyond JavaScript's built-ins and Node's harmless few, naming it and the line", () => {
    const forbidden = fc.constantFrom(
      "process",
      "globalThis",
      "global",
      "require",
      "module",
      "eval",
      "Function",
      "fetch",
      "WebAssembly",
      "Atomics",
      "SharedArrayBuffer",
      "Worker",
      "Deno",
      "Bun",
      "navigator",
      "crypto",
    );
    assertProperty(
      fc.property(forbidden, fc.nat(3), (name, blankLines) => {
        assert.ok(!ALLOWED_GLOBALS.has(name));
        const problems = problemsOf(
          "sigmoid.ts",
          `${"\n".repeat(blankLines)}export const reach = typeof ${name};\n${solution("sigmoid.ts")}`,
        );
        assert.ok(
          problems.some((p) => p.startsWith(`src/sigmoid.ts:${blankLines + 1} uses ${name}, which a learner file may not use`)),
          problems.join("\n"),
        );
      }),
      { numRuns: 30 },
    );
  });

  const refused: [string, string, RegExp][] = [
    [
      "imports a module of Node",
      `import { readFileSync } from "node:fs";\nvoid readFileSync;\n`,
      /:1 imports "node:fs": a learner file may import only other files of src\//,
    ],
    [
      "imports a library its kata does not list",
      `import * as tf from "@tensorflow/tfjs";\nvoid tf;\n`,
      /imports "@tensorflow\/tfjs": a learner file may import only other files of src\//,
    ],
    [
      "imports a file outside the course's",
      `import { x } from "./helpers.ts";\nvoid x;\n`,
      /imports \.\/helpers\.ts, which is not one of the course's src\/ files/,
    ],
    [
      "imports a later kata's file",
      `import { sgd } from "./sgd.ts";\nvoid sgd;\n`,
      /imports \.\/sgd\.ts, of the later kata 10-sgd: a file may import only the files of its own kata and of the katas before it/,
    ],
    ["imports while it runs", `export const later = () => import("./matrix.ts");\n`, /imports with import\(…\) while it runs/],
    ["uses import … = require", `import fs = require("node:fs");\nvoid fs;\n`, /uses import … = require\(…\)/],
    [
      "reads import.meta beyond url and resolve",
      `export const here = import.meta.dirname;\n`,
      /uses import\.meta beyond import\.meta\.url and import\.meta\.resolve/,
    ],
    [
      "assigns to a built-in's property",
      `Math.random = () => 0.5;\n`,
      /changes Math\.random: a learner file may not change JavaScript's built-ins/,
    ],
    [
      "assigns through an index",
      `(Array.prototype as unknown as Record<string, unknown>)["map"] = null;\n`,
      /changes .*: a learner file may not change JavaScript's built-ins/,
    ],
    [
      "deletes a built-in's property",
      `delete (JSON as { parse?: unknown }).parse;\n`,
      /changes .*JSON.*: a learner file may not change JavaScript's built-ins/,
    ],
    [
      "assigns to a built-in's property by destructuring",
      `({ abs: Math.abs } = { abs: () => 0 });\n`,
      /changes Math\.abs: a learner file may not change JavaScript's built-ins/,
    ],
    ["assigns to a global", `// @ts-expect-error\nNaN = 0;\n`, /assigns to the global NaN/],
    ["declares a global of its own", `declare const process: { exit(): never };\nprocess.exit();\n`, /declares something with declare/],
  ];
  for (const [what, code, message] of refused) {
    it(`refuses a file that ${what}`, () => {
      const problems = problemsOf("sigmoid.ts", `${code}${solution("sigmoid.ts")}`);
      assert.match(problems.join("\n"), message);
    });
  }

  it("lets a kata use the libraries its kata.json lists, and no others", () => {
    const tfjs = findKata(all, "13") as Kata;
    assert.ok(tfjs.libraries.includes("@tensorflow/tfjs"));
    assert.deepEqual(problemsOf("tfjs-model.ts", solution("tfjs-model.ts")), []);
    assert.match(
      problemsOf("tfjs-model.ts", `import brain from "brain.js";\nvoid brain;\n${solution("tfjs-model.ts")}`).join("\n"),
      /imports "brain\.js": a learner file may import only other files of src\/, @tensorflow\/tfjs/,
    );
  });
});
