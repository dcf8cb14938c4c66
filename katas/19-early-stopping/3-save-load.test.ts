import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { feedforward } from "#nn/feedforward.ts";
import type { Matrix } from "#nn/matrix.ts";
import { loadNetwork, saveNetwork } from "#nn/monitor.ts";
import type { Network } from "#nn/network.ts";
import { assertNamesShapes, namesNumber, type Shape } from "../support/messages.ts";
import { inputArb, networkArb, seededNetwork, testRng } from "../support/networks.ts";
import { assertProperty } from "../support/property.ts";

/** Assert that two matrices have the same shape and entries equal by `===` (JSON writes −0 as 0, which `===` counts equal). */
function assertSameMatrix(actual: Matrix, expected: Matrix, what: string): void {
  assert.equal(`${actual.rows}×${actual.cols}`, `${expected.rows}×${expected.cols}`, `${what}: shape`);
  assert.ok(actual.data instanceof Float64Array, `${what}: data should be a Float64Array, got ${actual.data?.constructor?.name}`);
  assert.equal(actual.data.length, expected.data.length, `${what}: number of entries`);
  for (let k = 0; k < expected.data.length; k++) {
    if (actual.data[k] !== expected.data[k]) assert.fail(`${what}: entry ${k} is ${actual.data[k]}, saved as ${expected.data[k]}`);
  }
}

function assertSameNetwork(actual: Network, expected: Network): void {
  assert.deepEqual([...actual.sizes], [...expected.sizes], "sizes");
  assert.equal(actual.biases.length, expected.biases.length, "number of bias vectors");
  assert.equal(actual.weights.length, expected.weights.length, "number of weight matrices");
  for (const [l, b] of expected.biases.entries()) assertSameMatrix(actual.biases[l], b, `biases[${l}]`);
  for (const [l, w] of expected.weights.entries()) assertSameMatrix(actual.weights[l], w, `weights[${l}]`);
}

const stored = (m: Matrix) => ({ rows: m.rows, cols: m.cols, data: Array.from(m.data) });

/** A valid file for a 2-3-4 network, written here without saveNetwork, to break in one place. */
function validFile(): { sizes: unknown; biases: unknown[]; weights: unknown[]; [field: string]: unknown } {
  const net = seededNetwork([2, 3, 4], testRng(19));
  return { sizes: [2, 3, 4], biases: net.biases.map(stored), weights: net.weights.map(stored) };
}

/** Assert that loading `text` throws a one-line error whose message matches every pattern. */
function assertRejects(text: string, patterns: readonly RegExp[], shapes: readonly Shape[] = []): void {
  assert.throws(
    () => loadNetwork(text),
    (error: Error) => {
      const message = String(error?.message);
      assert.ok(!message.includes("\n"), `the error should be one line: "${message}"`);
      for (const pattern of patterns) assert.match(message, pattern, `the error should match ${pattern}`);
      assertNamesShapes(message, shapes);
      return true;
    },
  );
}

describe("19-early-stopping", () => {
  describe("saveNetwork and loadNetwork", () => {
    it("save writes JSON with sizes, biases and weights, each matrix as { rows, cols, data } row by row", () => {
      const net = seededNetwork([3, 4, 2], testRng(5));
      const file = JSON.parse(saveNetwork(net));
      assert.deepEqual(file.sizes, [3, 4, 2]);
      for (const field of ["biases", "weights"] as const) {
        assert.equal(file[field]?.length, 2, `${field} should hold one matrix per layer after the input`);
        net[field].forEach((m, l) => {
          const { rows, cols, data } = file[field][l];
          assert.deepEqual({ rows, cols, data }, stored(m), `${field}[${l}]: its rows, cols and its entries row by row`);
        });
      }
    });

    it("a round trip gives the same network: identical weights, biases and outputs", () => {
      assertProperty(
        fc.property(
          networkArb().chain((net) => fc.tuple(fc.constant(net), inputArb(net))),
          ([net, x]) => {
            const loaded = loadNetwork(saveNetwork(net));
            assertSameNetwork(loaded, net);
            assertSameMatrix(feedforward(loaded, x), feedforward(net, x), "the loaded network's output");
          },
        ),
      );
    });

    it("load ignores other fields, such as the format and training record of a model file", () => {
      const file = { format: "nn-from-scratch/model@1", ...validFile(), training: { epochs: 30, history: [] } };
      const net = loadNetwork(JSON.stringify(file));
      assert.deepEqual([...net.sizes], [2, 3, 4]);
      assert.deepEqual(Array.from(net.weights[1].data), (file.weights[1] as { data: number[] }).data);
    });

    it("load rejects text that is not JSON, and JSON that is not an object", () => {
      assertRejects("hello", [/JSON/]);
      assertRejects("", [/JSON/]);
      assertRejects('{"sizes": [2, 3]', [/JSON/]);
      assertRejects("null", [/object/i]);
      assertRejects("42", [/object/i]);
    });

    it("load rejects a missing field, naming it", () => {
      for (const field of ["sizes", "biases", "weights"]) {
        const file = validFile();
        delete file[field];
        assertRejects(JSON.stringify(file), [new RegExp(field)]);
      }
    });

    it("load rejects sizes that are not a list of at least 2 positive integers", () => {
      for (const sizes of [[4], [], "2,3,4", null]) assertRejects(JSON.stringify({ ...validFile(), sizes }), [/sizes/]);
    });

    it("load rejects a list of biases or weights with a matrix too many or too few, naming the list", () => {
      for (const field of ["biases", "weights"] as const) {
        const short = validFile();
        short[field].pop();
        assertRejects(JSON.stringify(short), [new RegExp(field), namesNumber(1)]);
        const long = validFile();
        long[field].push(long[field][1]);
        assertRejects(JSON.stringify(long), [new RegExp(field), namesNumber(3)]);
        assertRejects(JSON.stringify({ ...validFile(), [field]: "none" }), [new RegExp(field)]);
      }
    });

    it("load rejects a matrix whose shape does not chain, naming it, its shape and the shape it needs", () => {
      // weights[1] must be 4×3 (sizes[2]×sizes[1]); stored 3×4 it has as many entries, but the wrong shape.
      const transposed = validFile();
      transposed.weights[1] = { ...(transposed.weights[1] as object), rows: 3, cols: 4 };
      assertRejects(
        JSON.stringify(transposed),
        [/weights\[1\]/],
        [
          [3, 4],
          [4, 3],
        ],
      );
      // biases[0] must be 3×1, a column.
      const row = validFile();
      row.biases[0] = { ...(row.biases[0] as object), rows: 1, cols: 3 };
      assertRejects(
        JSON.stringify(row),
        [/biases\[0\]/],
        [
          [1, 3],
          [3, 1],
        ],
      );
      // weights[0] must be 3×2: a 3×3 matrix does not take the 2 inputs.
      const wide = validFile();
      wide.weights[0] = { rows: 3, cols: 3, data: new Array(9).fill(0.5) };
      assertRejects(
        JSON.stringify(wide),
        [/weights\[0\]/],
        [
          [3, 3],
          [3, 2],
        ],
      );
      // The right shape, but one entry short.
      const short = validFile();
      const w0 = short.weights[0] as { data: number[] };
      w0.data.pop();
      assertRejects(JSON.stringify(short), [/weights\[0\]/]);
      // Not a matrix at all.
      const missing = validFile();
      missing.biases[1] = null;
      assertRejects(JSON.stringify(missing), [/biases\[1\]/]);
    });

    it("load rejects an entry that is not a finite number, naming its matrix", () => {
      const withNull = validFile();
      (withNull.weights[1] as { data: unknown[] }).data[5] = null; // what JSON.stringify writes for NaN
      assertRejects(JSON.stringify(withNull), [/weights\[1\]/]);
      const withString = validFile();
      (withString.biases[0] as { data: unknown[] }).data[2] = "0.5";
      assertRejects(JSON.stringify(withString), [/biases\[0\]/]);
      // 1e999 is valid JSON, and JSON.parse reads it as Infinity.
      const huge = validFile();
      (huge.weights[0] as { data: unknown[] }).data[0] = 12345.678;
      assertRejects(JSON.stringify(huge).replace("12345.678", "1e999"), [/weights\[0\]/]);
    });
  });
});
