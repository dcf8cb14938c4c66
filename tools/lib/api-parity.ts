/**
 * Checks that `src/` and `solutions/` export the same API: the same files,
 * the same exported names, and the same types, as the TypeScript compiler
 * sees them. A learner's stub and the reference must be interchangeable.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

/** One line per exported name: `name: kind type`. */
function describeExports(checker: ts.TypeChecker, file: ts.SourceFile): Map<string, string> {
  const flags = ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.WriteArrowStyleSignature;
  const moduleSymbol = checker.getSymbolAtLocation(file);
  const described = new Map<string, string>();
  if (!moduleSymbol) return described;
  for (const symbol of checker.getExportsOfModule(moduleSymbol)) {
    const parts: string[] = [];
    if (symbol.flags & ts.SymbolFlags.Value) {
      parts.push(`value ${checker.typeToString(checker.getTypeOfSymbolAtLocation(symbol, file), undefined, flags)}`);
    }
    if (symbol.flags & ts.SymbolFlags.Type) {
      const type = checker.getDeclaredTypeOfSymbol(symbol);
      const members = checker
        .getPropertiesOfType(type)
        .map((p) => `${p.name}: ${checker.typeToString(checker.getTypeOfSymbolAtLocation(p, file), undefined, flags)}`);
      parts.push(`type ${checker.typeToString(type, undefined, flags)} { ${members.join("; ")} }`);
    }
    described.set(symbol.name, parts.join(" & "));
  }
  return described;
}

/** Differences between the APIs of `src/` and `solutions/` under `root`; empty when they match. */
export function apiDifferences(root: string): string[] {
  const list = (dir: string) => readdirSync(join(root, dir)).filter((name) => name.endsWith(".ts")).sort();
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
      return describeExports(checker, file);
    });
    for (const [exported, signature] of reference) {
      const stubSignature = stub.get(exported);
      if (stubSignature === undefined) problems.push(`src/${name} does not export ${exported}`);
      else if (stubSignature !== signature) {
        problems.push(`${name}: ${exported} differs\n    src:       ${stubSignature}\n    solutions: ${signature}`);
      }
    }
    for (const exported of stub.keys()) {
      if (!reference.has(exported)) problems.push(`src/${name} exports ${exported}, which solutions/${name} does not`);
    }
  }
  return problems;
}
