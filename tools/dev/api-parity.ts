/**
 * Checks that `src/` and `solutions/` export the same API: the same files,
 * the same exported names, and the same types, as the TypeScript compiler
 * sees them. A learner's stub and the reference must be interchangeable.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type * as TS from "typescript";
import { ts } from "../core/typescript.ts";

interface ExportedApi {
  /** How the compiler prints it, for messages. */
  text: string;
  /** The value's type and the declared type, when the name has them. */
  types: (TS.Type | undefined)[];
}

const FLAGS = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;

/** Every exported name of a module, with its value type and declared type. */
function exportsOf(checker: TS.TypeChecker, file: TS.SourceFile): Map<string, ExportedApi> {
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const described = new Map<string, ExportedApi>();
  if (!moduleSymbol) return described;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const value = symbol.flags & ts.SymbolFlags.Value ? checker.getTypeOfSymbolAtLocation(symbol, file) : undefined;
    const type = symbol.flags & ts.SymbolFlags.Type ? checker.getDeclaredTypeOfSymbol(symbol) : undefined;
    const text = [
      value && `value ${checker.typeToString(value, undefined, FLAGS)}`,
      type && `type ${checker.typeToString(type, undefined, FLAGS)}`,
    ]
      .filter(Boolean)
      .join(" & ");
    described.set(symbol.name, { text, types: [value, type] });
  }
  return described;
}

/**
 * The same API: the same kinds (value, type), and types assignable both
 * ways. Comparing printed types would be fragile: the compiler prints the
 * members of a union in the order it happened to create them.
 */
function sameApi(checker: TS.TypeChecker, a: ExportedApi, b: ExportedApi): boolean {
  return a.types.every((typeA, k) => {
    const typeB = b.types[k];
    if (!typeA || !typeB) return typeA === typeB;
    return checker.isTypeAssignableTo(typeA, typeB) && checker.isTypeAssignableTo(typeB, typeA);
  });
}

/** Differences between the APIs of `src/` and `solutions/` under `root`; empty when they match. */
export function apiDifferences(root: string): string[] {
  const list = (dir: string) =>
    readdirSync(join(root, dir))
      .filter((name) => name.endsWith(".ts"))
      .sort();
  const [srcFiles, solutionFiles] = [list("src"), list("solutions")];
  const problems: string[] = [];
  for (const name of srcFiles) if (!solutionFiles.includes(name)) problems.push(`src/${name} has no solutions/${name}`);
  for (const name of solutionFiles) if (!srcFiles.includes(name)) problems.push(`solutions/${name} has no src/${name}`);

  const shared = srcFiles.filter((name) => solutionFiles.includes(name));
  const paths = shared.flatMap((name) => [join(root, "src", name), join(root, "solutions", name)]);
  const program = ts.createProgram(paths, {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
    skipLibCheck: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  for (const name of shared) {
    const [stub, reference] = ["src", "solutions"].map((dir) => {
      const file = program.getSourceFile(join(root, dir, name));
      if (!file) throw new Error(`could not load ${dir}/${name}`);
      return exportsOf(checker, file);
    });
    for (const [exported, api] of reference) {
      const stubApi = stub.get(exported);
      if (stubApi === undefined) problems.push(`src/${name} does not export ${exported}`);
      else if (!sameApi(checker, stubApi, api)) {
        problems.push(`${name}: ${exported} differs\n    src:       ${stubApi.text}\n    solutions: ${api.text}`);
      }
    }
    for (const exported of stub.keys()) {
      if (!reference.has(exported)) problems.push(`src/${name} exports ${exported}, which solutions/${name} does not`);
    }
  }
  return problems;
}
