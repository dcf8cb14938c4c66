/**
 * What a learner's file may do, checked before it runs, by reading it with
 * the TypeScript compiler. A learner's file may import only other files of
 * `src/`, of its own kata or the katas before it (and the packages its
 * kata's `kata.json` lists under `libraries`), may declare nothing with
 * `declare`, may use only JavaScript's own built-ins and a few harmless ones of Node
 * (see ALLOWED_GLOBALS), and may not change them. So it cannot reach Node's
 * `process`, files, child processes or the test runner, and cannot rewrite
 * the built-ins the tests rely on. The grader refuses a file that breaks a
 * rule, and says which rule and where; `npm run kata` warns about it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type * as TS from "typescript";
import type { Kata } from "../core/katas.ts";
import { ts } from "../core/typescript.ts";

/** One rule a learner's file breaks, where, and how to put it right. */
export interface PolicyProblem {
  /** The file, relative to the repository: `src/matrix.ts`. */
  file: string;
  line: number;
  message: string;
}

/**
 * The global names a learner's file may use: JavaScript's built-ins, and
 * Node's harmless ones (timers, console, text and URL helpers, Buffer). Not
 * `globalThis`, `process`, `require`, `eval`, `Function`, `fetch`,
 * `WebAssembly` and the like, which would reach beyond the file.
 */
export const ALLOWED_GLOBALS = new Set(
  [
    "undefined NaN Infinity isFinite isNaN parseFloat parseInt encodeURI encodeURIComponent decodeURI decodeURIComponent",
    "Object Array Number String Boolean Symbol BigInt Math JSON Date RegExp Map Set WeakMap WeakSet WeakRef Promise Proxy Reflect Intl Iterator",
    "Error RangeError TypeError SyntaxError ReferenceError EvalError URIError AggregateError",
    "ArrayBuffer DataView Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array",
    "console setTimeout clearTimeout setInterval clearInterval setImmediate clearImmediate queueMicrotask structuredClone performance",
    "TextEncoder TextDecoder URL URLSearchParams Buffer atob btoa",
  ]
    .join(" ")
    .split(" "),
);

const ASSIGNMENT_OPERATORS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** An identifier that names a property, a label or a declaration's key, not a value the code reads. */
function isNameOnly(node: TS.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return true;
  if (ts.isQualifiedName(parent) && parent.right === node) return true;
  if (
    (ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isPropertySignature(parent) ||
      ts.isMethodSignature(parent) ||
      ts.isEnumMember(parent)) &&
    parent.name === node
  ) {
    return true;
  }
  if (ts.isBindingElement(parent) && parent.propertyName === node) return true;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  if (ts.isMetaProperty(parent)) return true;
  return false;
}

/** Inside a type: erased before the code runs. */
function inType(node: TS.Node): boolean {
  for (let at: TS.Node | undefined = node; at; at = at.parent) {
    if (ts.isTypeNode(at) || ts.isInterfaceDeclaration(at) || ts.isTypeAliasDeclaration(at) || ts.isTypeOnlyImportDeclaration(at))
      return true;
    if (ts.isImportDeclaration(at) && at.importClause?.isTypeOnly) return true;
    if (ts.isExportDeclaration(at) && at.isTypeOnly) return true;
    if (ts.isExpressionWithTypeArguments(at) && ts.isHeritageClause(at.parent) && at.parent.token === ts.SyntaxKind.ImplementsKeyword)
      return true;
  }
  return false;
}

/** What an assignment writes to, each a name or a property: `a = …`, `[a, b.c] = …`, `({ a, b: c.d } = …)`, `a++`. */
function assignmentTargets(expression: TS.Expression): TS.Expression[] {
  const target = unwrapped(expression);
  if (ts.isArrayLiteralExpression(target))
    return target.elements.flatMap((e) => assignmentTargets(ts.isSpreadElement(e) ? e.expression : e));
  if (ts.isObjectLiteralExpression(target)) {
    return target.properties.flatMap((p) =>
      ts.isShorthandPropertyAssignment(p)
        ? [p.name]
        : ts.isPropertyAssignment(p)
          ? assignmentTargets(p.initializer)
          : ts.isSpreadAssignment(p)
            ? assignmentTargets(p.expression)
            : [],
    );
  }
  if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) return assignmentTargets(target.left);
  return [target];
}

/** An expression without the parentheses and the type assertions around it (`(x as T)!`), which change nothing when the code runs. */
function unwrapped(expression: TS.Expression): TS.Expression {
  let at = expression;
  while (
    ts.isParenthesizedExpression(at) ||
    ts.isAsExpression(at) ||
    ts.isTypeAssertionExpression(at) ||
    ts.isNonNullExpression(at) ||
    ts.isSatisfiesExpression(at)
  )
    at = at.expression;
  return at;
}

/** The identifier a property chain starts from: `Math` in `Math.abs`, `Array` in `(Array.prototype as any)["map"]`. */
function chainRoot(target: TS.Expression): TS.Identifier | undefined {
  let at = unwrapped(target);
  while (ts.isPropertyAccessExpression(at) || ts.isElementAccessExpression(at)) at = unwrapped(at.expression);
  return ts.isIdentifier(at) ? at : undefined;
}

/**
 * The problems of the learner's files `files` (relative to `src/`) under
 * `root`, each checked against the libraries of the kata that owns it.
 * Empty when every file keeps the rules.
 */
export function policyProblems(root: string, katas: readonly Kata[], files: readonly string[]): PolicyProblem[] {
  const owner = new Map(katas.flatMap((kata, index) => kata.files.map((file) => [file, { kata, index }] as const)));
  const paths = files.map((file) => join(root, "src", file));
  // Only the learner's files, each a module as at run time, and no declarations at all (no lib, no
  // imports followed): a name then resolves only to what the learner's own file declares or imports,
  // and any other name is a global, whatever it is.
  const options: TS.CompilerOptions = {
    noEmit: true,
    noLib: true,
    noResolve: true,
    types: [],
    moduleDetection: ts.ModuleDetectionKind.Force,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    allowImportingTsExtensions: true,
  };
  const program = ts.createProgram(paths, options);
  const checker = program.getTypeChecker();
  const learnerFiles = new Set(
    paths.map((path) => program.getSourceFile(path)).filter((file): file is TS.SourceFile => file !== undefined),
  );
  const problems: PolicyProblem[] = [];

  for (const [index, file] of files.entries()) {
    const source =
      program.getSourceFile(paths[index]) ??
      ts.createSourceFile(paths[index], readFileSync(paths[index], "utf8"), ts.ScriptTarget.ES2022, true);
    const own = owner.get(file);
    const allowed = own?.kata.libraries ?? [];
    const where = `src/${file}`;
    const report = (node: TS.Node, message: string) =>
      problems.push({ file: where, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, message });
    const allowedText = ["other files of src/", ...allowed].join(", ");

    /** Whether `identifier` reads or writes a global, and which. */
    const globalName = (identifier: TS.Identifier): string | undefined => {
      const symbol =
        ts.isShorthandPropertyAssignment(identifier.parent) && identifier.parent.name === identifier
          ? checker.getShorthandAssignmentValueSymbol(identifier.parent)
          : checker.getSymbolAtLocation(identifier);
      if (identifier.text === "arguments" && !symbol?.declarations?.length) return undefined;
      const declarations = symbol?.declarations ?? [];
      if (declarations.some((d) => learnerFiles.has(d.getSourceFile()))) return undefined;
      return identifier.text;
    };

    const checkSpecifier = (node: TS.Node, specifier: string) => {
      const sibling = /^\.\/([a-z0-9-]+\.ts)$/.exec(specifier)?.[1];
      if (sibling !== undefined) {
        const other = owner.get(sibling);
        if (other === undefined) {
          report(
            node,
            `imports ${specifier}, which is not one of the course's src/ files: the grader takes only the files the katas name, so keep your code in them`,
          );
        } else if (own !== undefined && other.index > own.index) {
          report(
            node,
            `imports ${specifier}, of the later kata ${other.kata.id}: a file may import only the files of its own kata and of the katas before it`,
          );
        }
        return;
      }
      if (!allowed.includes(specifier)) {
        report(node, `imports ${JSON.stringify(specifier)}: a learner file may import only ${allowedText}`);
      }
    };

    const visit = (node: TS.Node): void => {
      if (ts.canHaveModifiers(node) && ts.getModifiers(node)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) {
        report(
          node,
          "declares something with declare: a learner file may not declare what it does not define (the grader would take a declared global for the file's own)",
        );
        return;
      }
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly;
        if (node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !typeOnly) checkSpecifier(node, node.moduleSpecifier.text);
      } else if (ts.isImportEqualsDeclaration(node)) {
        report(node, "uses import … = require(…): a learner file may import only with import … from");
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        report(node, "imports with import(…) while it runs: a learner file may import only with import … from, at the top");
      } else if (ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword) {
        const property = ts.isPropertyAccessExpression(node.parent) ? node.parent.name.text : undefined;
        if (property !== "url" && property !== "resolve") report(node, "uses import.meta beyond import.meta.url and import.meta.resolve");
      } else if (
        ts.isIdentifier(node) &&
        !isNameOnly(node) &&
        !inType(node) &&
        !ts.isImportSpecifier(node.parent) &&
        !ts.isImportClause(node.parent) &&
        !ts.isNamespaceImport(node.parent)
      ) {
        const name = globalName(node);
        if (name !== undefined && !ALLOWED_GLOBALS.has(name)) {
          report(
            node,
            `uses ${name}, which a learner file may not use: it may use JavaScript's built-ins (Math, Array, Float64Array, …) and console, and import only ${allowedText}`,
          );
        }
      }
      if (ts.isBinaryExpression(node) && ASSIGNMENT_OPERATORS.has(node.operatorToken.kind)) checkWrite(node.left);
      if (
        (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
        (node.operator === ts.SyntaxKind.PlusPlusToken || node.operator === ts.SyntaxKind.MinusMinusToken)
      ) {
        checkWrite(node.operand);
      }
      if (ts.isDeleteExpression(node)) checkWrite(node.expression);
      ts.forEachChild(node, visit);
    };

    /** A write to a global, or to a property of one (`Math.abs = …`), changes what every test sees. */
    const checkWrite = (expression: TS.Expression) => {
      for (const target of assignmentTargets(expression)) {
        if (ts.isIdentifier(target)) {
          const name = globalName(target);
          if (name !== undefined) report(target, `assigns to the global ${name}: a learner file may not change JavaScript's built-ins`);
        } else if (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) {
          const root = chainRoot(target);
          if (root && globalName(root) !== undefined)
            report(target, `changes ${target.getText(source)}: a learner file may not change JavaScript's built-ins`);
        }
      }
    };

    visit(source);
  }
  return problems;
}
