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
  tfjs: { "tfjs-model.ts": ["useTfBackend", "createTfModel", "setTfWeights", "trainEpochTf", "predictSetTf"] },
  brainjs: { "brain-model.ts": ["createBrainModel", "brainExamples", "brainLearningRate", "trainEpochBrain", "predictSetBrain"] },
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
  const dir = join(root, defaultImpl());
  const sources = new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
  const count = codeCounter(sources);
  const own = (file: string) => (name: string) => name === file;
  const tfjs = count(TRAINER_CALLS.tfjs, own("tfjs-model.ts"));
  return {
    scratch: count(TRAINER_CALLS.scratch, (name) => name !== "mnist.ts"),
    "tfjs-wasm": tfjs,
    "tfjs-cpu": tfjs,
    brainjs: count(TRAINER_CALLS.brainjs, own("brain-model.ts")),
  };
}
