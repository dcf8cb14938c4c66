/**
 * A model file written by `npm start` (`nn-from-scratch/model@1`), read in
 * the browser. It makes the checks of `tools/train/model-file.ts`, word for
 * word (that module reads files with Node, so the page cannot import it), and
 * one more, the one `npm run predict` makes: the page feeds 784 pixels and
 * reads 10 digits. Every problem is one line that says what is wrong.
 */

/** The format string `npm start` writes (tools/train/model-file.ts). */
export const MODEL_FORMAT = "nn-from-scratch/model@1";

/** A network ready to run: each layer's weights row-major (n_l × n_{l−1}) and biases. */
export interface Model {
  readonly sizes: readonly number[];
  readonly weights: readonly Float64Array[];
  readonly biases: readonly Float64Array[];
  /** The share of test images its last training epoch got right, when its training record says. */
  readonly accuracy?: number;
}

/** Why a file is not a model the page can run; the message is one line. */
export class ModelError extends Error {}

/** Parse the text of a model file called `name`. Throws a ModelError on any problem. */
export function parseModel(text: string, name: string): Model {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(name, "it is not valid JSON");
  }
  return modelFromJson(json, name);
}

/** Check the parsed JSON of a model file called `name`. Throws a ModelError on any problem. */
export function modelFromJson(json: unknown, name: string): Model {
  if (typeof json !== "object" || json === null) fail(name, "it is not a JSON object");
  const file = json as Record<string, unknown>;
  if (file.format !== MODEL_FORMAT) fail(name, `its format is ${JSON.stringify(file.format)}, expected "${MODEL_FORMAT}"`);
  const sizes = file.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2 || !sizes.every((n) => Number.isInteger(n) && n > 0)) {
    fail(name, "sizes must be a list of at least two positive whole numbers");
  }
  if (sizes[0] !== 784 || sizes[sizes.length - 1] !== 10) {
    fail(name, `it is a ${sizes.join("-")} network; MNIST needs 784 inputs and 10 outputs`);
  }
  const { biases, weights } = file;
  if (!Array.isArray(biases) || !Array.isArray(weights)) fail(name, "biases and weights must be lists");
  if (biases.length !== sizes.length - 1 || weights.length !== sizes.length - 1) {
    fail(name, `a network of ${sizes.length} layers needs ${sizes.length - 1} bias vectors and weight matrices`);
  }
  const layers = sizes.slice(1) as number[];
  const model = {
    sizes,
    biases: layers.map((n, l) => values(name, `biases[${l}]`, biases[l], n, 1)),
    weights: layers.map((n, l) => values(name, `weights[${l}]`, weights[l], n, sizes[l])),
  };
  if (!file.training) fail(name, "it has no training record");
  return { ...model, accuracy: lastAccuracy(file.training) };
}

function values(name: string, what: string, stored: unknown, rows: number, cols: number): Float64Array {
  const m = stored as { rows?: unknown; cols?: unknown; data?: unknown } | null | undefined;
  if (!m || m.rows !== rows || m.cols !== cols || !Array.isArray(m.data) || m.data.length !== rows * cols) {
    fail(name, `${what} must be a ${rows}×${cols} matrix`);
  }
  if (!m.data.every((v) => typeof v === "number" && Number.isFinite(v))) fail(name, `${what} holds a value that is not a finite number`);
  return Float64Array.from(m.data);
}

/** The accuracy after the last epoch of a training record, if it has one that makes sense. */
function lastAccuracy(training: unknown): number | undefined {
  const history = (training as { history?: unknown }).history;
  const last = Array.isArray(history) ? (history[history.length - 1] as { correct?: unknown; total?: unknown } | undefined) : undefined;
  const [correct, total] = [last?.correct, last?.total];
  return typeof correct === "number" && typeof total === "number" && total > 0 && correct >= 0 && correct <= total
    ? correct / total
    : undefined;
}

function fail(name: string, problem: string): never {
  throw new ModelError(`${name} is not a model this course can load: ${problem}.`);
}
