/**
 * The lines of code a learner writes for each system, counting only the code
 * that the comparison's trainer runs: a file's other functions (kata 07's
 * baselines, kata 09's per-example `backprop`, …) are the learner's work too,
 * but not what the three systems are compared on.
 *
 * What runs: the functions the trainer calls (`TRAINER_CALLS`), and every
 * function, constant and class that they use, directly or through each
 * other, found by the TypeScript checker across the learner's files. A
 * declaration counts its lines that hold code: blank lines and comments do
 * not count. Type declarations and imports do not either: they are erased
 * before the code runs.
 *
 * Scratch follows its calls into every file but `mnist.ts`, which reads
 * MNIST for all three systems. TensorFlow.js and brain.js count their kata's
 * one file: the shuffle (kata 10) and the generator (kata 05) that they
 * borrow are counted in the scratch column only.
 *
 * Chapter 3 (`chapter3Code`, `techniqueCosts`): the scratch network's Part II
 * path, TensorFlow.js's kata 13 file with `tools/compare/tfjs-chapter3.ts`,
 * and, technique by technique, what each costs in each system.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as TS from "typescript";
import { defaultImpl } from "../core/impl.ts";
import { ts } from "../core/typescript.ts";
import type { SystemName } from "./systems.ts";

/** How many lines of `source` hold code: at least part of a token. Blank lines and lines of comments only do not count. */
export function codeLines(source: string): number {
  const file = ts.createSourceFile("counted.ts", source, ts.ScriptTarget.Latest, true);
  const lines = new Set<number>();
  const visit = (node: TS.Node): void => {
    if (ts.isJSDoc(node)) return;
    const children = node.getChildren(file);
    if (children.length > 0) {
      children.forEach(visit);
    } else if (node.getStart(file) < node.getEnd()) {
      // A token (empty lists and the end-of-file token have no text).
      const first = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
      const last = file.getLineAndCharacterOfPosition(node.getEnd()).line;
      for (let line = first; line <= last; line++) lines.add(line);
    }
  };
  visit(file);
  return lines.size;
}

/** The learner's functions that the comparison's trainer calls, file by file (`tools/compare/trainers.ts`, `tools/train/training.ts`). */
export type EntryPoints = Readonly<Record<string, readonly string[]>>;

/**
 * What each system's trainer calls in the learner's files. The scratch
 * network also owns the seeded start that every system shares
 * (`createRng`, `createNetwork`). Not listed: what the comparison runs on
 * every system's results alike, kata 07's `confusionMatrix`, and MNIST's
 * reader.
 */
export const TRAINER_CALLS = {
  scratch: { "random.ts": ["createRng"], "network.ts": ["createNetwork"], "train.ts": ["trainEpoch", "predictSet"] },
  /** `npm run compare -- --chapter 3`: the trainer's Part II path, kata 17's start and kata 18's epoch with kata 15's cost. */
  scratchChapter3: {
    "random.ts": ["createRng"],
    "initialise.ts": ["defaultWeightInitializer"],
    "costs.ts": ["CrossEntropyCost"],
    "l2.ts": ["trainEpochL2"],
    "train.ts": ["predictSet"],
  },
  tfjs: { "tfjs-model.ts": ["useTfBackend", "createTfModel", "setTfWeights", "trainEpochTf", "predictSetTf"] },
  brainjs: { "brain-model.ts": ["createBrainModel", "brainExamples", "brainLearningRate", "trainEpochBrain", "predictSetBrain"] },
  /** Chapter 3 in TensorFlow.js: kata 13's plumbing around `tools/compare/tfjs-chapter3.ts`'s model. */
  tfjsChapter3: {
    "tfjs-model.ts": ["useTfBackend", "setTfWeights", "trainEpochTf", "predictSetTf"],
    "tfjs-chapter3.ts": ["createTfChapter3Model"],
  },
} as const satisfies Record<string, EntryPoints>;

/** A file's counted code: the declarations the trainer reaches in it, in source order, and their lines of code. */
export interface CountedFile {
  name: string;
  declarations: string[];
  lines: number;
}

export interface LearnerCode {
  files: CountedFile[];
  total: number;
}

/** The folder the learner's files are given under, to the compiler. */
const ROOT = "/learner/";

/** A program over `sources` (file name → text) that resolves `./` imports among them and nothing else. */
function programOf(sources: ReadonlyMap<string, string>): TS.Program {
  const options: TS.CompilerOptions = {
    noLib: true,
    noEmit: true,
    allowImportingTsExtensions: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
  };
  const text = (path: string) => (path.startsWith(ROOT) ? sources.get(path.slice(ROOT.length)) : undefined);
  const host: TS.CompilerHost = {
    getSourceFile: (path, target) => {
      const source = text(path);
      return source === undefined ? undefined : ts.createSourceFile(path, source, target, true);
    },
    fileExists: (path) => text(path) !== undefined,
    readFile: text,
    getDefaultLibFileName: () => `${ROOT}lib.d.ts`,
    writeFile: () => {},
    getCurrentDirectory: () => ROOT,
    getCanonicalFileName: (path) => path,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    resolveModuleNameLiterals: (literals) =>
      literals.map(({ text: specifier }) => {
        const name = specifier.startsWith("./") ? specifier.slice(2) : "";
        return { resolvedModule: sources.has(name) ? { resolvedFileName: ROOT + name, extension: ts.Extension.Ts } : undefined };
      }),
  };
  return ts.createProgram(
    [...sources.keys()].map((name) => ROOT + name),
    options,
    host,
  );
}

/** The names a top-level statement declares, if it is code that runs: a function, a class, constants or variables. */
function runtimeNames(statement: TS.Statement): string[] {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) return statement.name ? [statement.name.text] : [];
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

/** The top-level statement that holds `node`. */
function topLevel(node: TS.Node): TS.Statement | undefined {
  let at: TS.Node = node;
  while (at.parent && !ts.isSourceFile(at.parent)) at = at.parent;
  return at.parent ? (at as TS.Statement) : undefined;
}

/** Counts the code reached from some entry points in the files that `follow` accepts. */
export type CodeCounter = (entries: EntryPoints, follow: (file: string) => boolean) => LearnerCode;

/**
 * A counter over `sources` (file name → text): it counts each entry's
 * declaration, and every function, class or constant that its identifiers
 * refer to, transitively.
 */
export function codeCounter(sources: ReadonlyMap<string, string>): CodeCounter {
  const program = programOf(sources);
  const checker = program.getTypeChecker();
  return (entries, follow) => reachedCode(program, checker, entries, follow);
}

function reachedCode(program: TS.Program, checker: TS.TypeChecker, entries: EntryPoints, follow: (file: string) => boolean): LearnerCode {
  const reached = new Set<TS.Statement>();
  const fileOf = (statement: TS.Statement) => statement.getSourceFile().fileName.slice(ROOT.length);

  const visit = (statement: TS.Statement): void => {
    if (reached.has(statement) || runtimeNames(statement).length === 0 || !follow(fileOf(statement))) return;
    reached.add(statement);
    const walk = (node: TS.Node): void => {
      if (ts.isIdentifier(node)) {
        let symbol = checker.getSymbolAtLocation(node);
        if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
        for (const declaration of symbol?.declarations ?? []) {
          const declared = topLevel(declaration);
          if (declared && declared !== statement && declared.getSourceFile().fileName.startsWith(ROOT)) visit(declared);
        }
      }
      ts.forEachChild(node, walk);
    };
    ts.forEachChild(statement, walk);
  };

  for (const [file, names] of Object.entries(entries)) {
    const source = program.getSourceFile(ROOT + file);
    if (!source) throw new Error(`${file} is missing, and the comparison's trainer calls its ${names.join(", ")}`);
    for (const name of names) {
      const statement = source.statements.find((s) => runtimeNames(s).includes(name));
      if (!statement) throw new Error(`${file} declares no ${name}, which the comparison's trainer calls`);
      visit(statement);
    }
  }

  const files = [...new Set([...reached].map(fileOf))].sort().map((name): CountedFile => {
    const source = program.getSourceFile(ROOT + name) as TS.SourceFile;
    const counted = source.statements.filter((s) => reached.has(s));
    return {
      name,
      declarations: counted.flatMap(runtimeNames),
      lines: counted.reduce((sum, s) => sum + codeLines(source.text.slice(s.getStart(source), s.getEnd())), 0),
    };
  });
  return { files, total: files.reduce((sum, f) => sum + f.lines, 0) };
}

/** The code counted for each system (the reference's, or, in a learner's repository, theirs). */
export function learnerCode(root: string): Record<SystemName, LearnerCode> {
  const count = codeCounter(learnerSources(root));
  const own = (file: string) => (name: string) => name === file;
  const tfjs = count(TRAINER_CALLS.tfjs, own("tfjs-model.ts"));
  return {
    scratch: count(TRAINER_CALLS.scratch, (name) => name !== "mnist.ts"),
    "tfjs-wasm": tfjs,
    "tfjs-cpu": tfjs,
    brainjs: count(TRAINER_CALLS.brainjs, own("brain-model.ts")),
  };
}

/** The chapter-3 model in TensorFlow.js, which is the comparison's code, not a kata's. */
const TFJS_CHAPTER_3 = new URL("./tfjs-chapter3.ts", import.meta.url);

/** The learner's files (the reference's, or in a learner's repository, theirs), by name. */
function learnerSources(root: string): Map<string, string> {
  const dir = join(root, defaultImpl());
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

/** The code counted for chapter 3's two systems: the scratch network's Part II path, and kata 13's plumbing with `tfjs-chapter3.ts`. */
export function chapter3Code(root: string): { scratch: LearnerCode; tfjs: LearnerCode } {
  const sources = learnerSources(root);
  sources.set("tfjs-chapter3.ts", readFileSync(TFJS_CHAPTER_3, "utf8"));
  const count = codeCounter(sources);
  return {
    scratch: count(TRAINER_CALLS.scratchChapter3, (name) => name !== "mnist.ts" && name !== "tfjs-chapter3.ts"),
    tfjs: count(TRAINER_CALLS.tfjsChapter3, (name) => name === "tfjs-model.ts" || name === "tfjs-chapter3.ts"),
  };
}

/** The techniques of chapter 3 whose cost the report counts. */
export const TECHNIQUES = ["cross-entropy", "L2 regularisation", "initialisation", "early stopping"] as const;
export type Technique = (typeof TECHNIQUES)[number];

/**
 * Where each technique lives. Scratch: the kata, its file and the functions
 * that hold the technique, followed within that file. TensorFlow.js: the
 * declarations of `tfjs-chapter3.ts` that exist for it, and the lines of its
 * other code that name tf's option for it (`options`); none for a technique
 * the tfjs run does not need (`tf`: what tf would take instead, in words).
 * brain.js: what version 1.6.1 offers, in words.
 */
export const TECHNIQUE_CODE: Record<
  Technique,
  {
    scratch: { kata: string; file: string; entries: readonly string[] };
    tfjs: { declarations: readonly string[]; options?: RegExp; tf: string };
    brainjs: string;
  }
> = {
  "cross-entropy": {
    scratch: { kata: "15", file: "costs.ts", entries: ["CrossEntropyCost", "backpropWithCost"] },
    tfjs: {
      declarations: ["tfCrossEntropyRate"],
      options: /binaryCrossentropy/,
      tf: '`loss: "binaryCrossentropy"`, and lr = η·k since it averages over the k outputs',
    },
    brainjs:
      "n/a: no cost option; the output error is hard-coded as (y − a)·a(1 − a), the quadratic cost's (`errorThresh` only says when to stop, on the mean squared error)",
  },
  "L2 regularisation": {
    scratch: { kata: "18", file: "l2.ts", entries: ["updateMiniBatchL2"] },
    tfjs: {
      declarations: ["tfL2Factor"],
      options: /regularizers\.l2|tfL2Factor\(/,
      tf: "`kernelRegularizer: tf.regularizers.l2({ l2: λ/(2nk) })` on each layer",
    },
    brainjs: "n/a: no regularisation option; each update adds learningRate·δ·a plus momentum, with no decay term",
  },
  initialisation: {
    scratch: { kata: "17", file: "initialise.ts", entries: ["defaultWeightInitializer"] },
    tfjs: {
      declarations: [],
      tf: "none: kata 13's `setTfWeights` loads kata 17's weights (tf's own `kernelInitializer: \"leCunNormal\"` draws from a truncated normal, and its biases start at 0)",
    },
    brainjs: "none: kata 14's JSON loads kata 17's weights (its own draws are uniform in [−0.2, 0.2], from the unseeded `Math.random`)",
  },
  "early stopping": {
    scratch: { kata: "19", file: "monitor.ts", entries: ["bestEpoch", "shouldStopEarly"] },
    tfjs: {
      declarations: [],
      tf: 'not run here: `callbacks: tf.callbacks.earlyStopping({ monitor: "val_acc", patience })` needs one `fit` over all the epochs, and cannot keep the best weights (`restoreBestWeights` is not implemented in tfjs 4.22)',
    },
    brainjs: "n/a: `errorThresh`, `iterations` and `timeout` stop on the training error, count or time; nothing watches validation data",
  },
};

/** What one technique costs in each system: counted lines where there is code. */
export interface TechniqueCost {
  technique: Technique;
  scratch: CountedFile & { kata: string };
  /** tfjs-chapter3.ts's declarations for it and its option lines; 0 when tf needs none here. */
  tfjs: { declarations: string[]; lines: number; tf: string };
  brainjs: string;
}

/** Lines of `source` that hold code and match `pattern`. */
function matchingCodeLines(source: string, pattern: RegExp): number {
  return source.split("\n").filter((line) => pattern.test(line) && codeLines(line) > 0).length;
}

/** What each technique of chapter 3 costs the learner in each system (see {@link TECHNIQUE_CODE}). */
export function techniqueCosts(root: string): TechniqueCost[] {
  const sources = learnerSources(root);
  const tfjsSource = readFileSync(TFJS_CHAPTER_3, "utf8");
  sources.set("tfjs-chapter3.ts", tfjsSource);
  const count = codeCounter(sources);
  const tfjsFile = ts.createSourceFile("tfjs-chapter3.ts", tfjsSource, ts.ScriptTarget.Latest, true);
  return TECHNIQUES.map((technique): TechniqueCost => {
    const { scratch, tfjs, brainjs } = TECHNIQUE_CODE[technique];
    const counted = count({ [scratch.file]: scratch.entries }, (name) => name === scratch.file);
    const own =
      tfjs.declarations.length === 0 ? 0 : count({ "tfjs-chapter3.ts": tfjs.declarations }, (name) => name === "tfjs-chapter3.ts").total;
    // The option lines: in the file's other code, outside the technique's own declarations.
    const options = tfjs.options;
    const optionLines =
      options === undefined
        ? 0
        : tfjsFile.statements
            .filter((s) => runtimeNames(s).length > 0 && !runtimeNames(s).some((n) => tfjs.declarations.includes(n)))
            .reduce((sum, s) => sum + matchingCodeLines(tfjsSource.slice(s.getStart(tfjsFile), s.getEnd()), options), 0);
    return {
      technique,
      scratch: { kata: scratch.kata, ...(counted.files[0] ?? { name: scratch.file, declarations: [], lines: 0 }) },
      tfjs: { declarations: [...tfjs.declarations], lines: own + optionLines, tf: tfjs.tf },
      brainjs,
    };
  });
}
