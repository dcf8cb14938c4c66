import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { helpText, oneOf, parseCommand, positiveInt, positiveNumber, UsageError, wholeNumber } from "./cli.ts";
import { inParallel } from "./parallel.ts";
import { repoRoot } from "./paths.ts";
import { runProgram } from "./processes.ts";

const COMMAND = {
  name: "demo",
  usage: "npm run demo -- [file ...] [options]",
  summary: "Do the demo.",
  flags: {
    count: { type: "string", value: "N", default: "3", help: "how many" },
    name: { type: "string", value: "TEXT", help: "a name" },
    loud: { type: "boolean", short: "l", help: "shout" },
  },
  positionals: { name: "[file ...]", help: "the files", max: 2 },
  notes: "Some notes.",
} as const;

const usageError = (message: RegExp) => (error: unknown) => error instanceof UsageError && message.test(error.message);

describe("command lines", () => {
  it("are parsed by their declaration: defaults, switches, positionals", () => {
    assert.deepEqual(parseCommand(COMMAND, []), { values: { count: "3", name: undefined, loud: false }, positionals: [], help: false });
    assert.deepEqual(parseCommand(COMMAND, ["a", "--count=5", "-l", "--name", "x", "b"]), {
      values: { count: "5", name: "x", loud: true },
      positionals: ["a", "b"],
      help: false,
    });
    assert.equal(parseCommand(COMMAND, ["--help"]).help, true);
    assert.equal(parseCommand(COMMAND, ["-h", "a", "b", "c"]).help, true, "--help wins over a mistake");
  });

  it("refuse an unknown flag, a missing value and too many arguments, as usage errors", () => {
    assert.throws(() => parseCommand(COMMAND, ["--colour"]), usageError(/Unknown option '--colour'/));
    assert.throws(() => parseCommand(COMMAND, ["--name"]), usageError(/--name/));
    assert.throws(() => parseCommand(COMMAND, ["a", "b", "c"]), usageError(/^too many arguments: a b c \(at most 2\)$/));
    assert.throws(() => parseCommand({ ...COMMAND, positionals: undefined }, ["a"]), usageError(/^unexpected argument "a"$/));
  });

  it("explain themselves from the same declaration", () => {
    assert.equal(
      helpText(COMMAND),
      [
        "npm run demo -- [file ...] [options]",
        "",
        "Do the demo.",
        "",
        "  [file ...]    the files",
        "  --count N     how many (default: 3)",
        "  --name TEXT   a name",
        "  --loud, -l    shout",
        "  --help, -h    show this help",
        "",
        "Some notes.",
      ].join("\n"),
    );
  });

  it("check numbers and choices, naming the flag and what it got", () => {
    assert.equal(positiveInt("--n", "12"), 12);
    for (const bad of ["0", "-1", "1.5", "x", "", "1e3"])
      assert.throws(
        () => positiveInt("--n", bad),
        usageError(new RegExp(`^--n must be a whole number ≥ 1, got "${bad.replace(".", "\\.")}"$`)),
      );
    assert.equal(positiveNumber("--eta", "0.5"), 0.5);
    for (const bad of ["0", "-2", "x", "", "Infinity"])
      assert.throws(() => positiveNumber("--eta", bad), usageError(/^--eta must be a number > 0/));
    assert.equal(wholeNumber("--seed", "-7"), -7);
    assert.throws(() => wholeNumber("--seed", "1.5"), usageError(/^--seed must be a whole number, got "1\.5"$/));
    assert.equal(oneOf("--impl", "src", ["solutions", "src"]), "src");
    assert.throws(() => oneOf("--impl", "numpy", ["solutions", "src"]), usageError(/^--impl must be "solutions" or "src", got "numpy"$/));
  });
});

/** Every program an npm script runs: `tools/<folder>/<file>.ts`. */
const programs = Object.entries(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<string, string>).flatMap(
  ([script, command]) => {
    const program = /\btools\/(\S+\.ts)\b/.exec(command)?.[1];
    return program ? [{ script, program }] : [];
  },
);

describe("every program", () => {
  it("is declared with runCommand, so that flags are checked and explained the same way everywhere", () => {
    assert.ok(programs.length >= 10, `found ${programs.length} programs in package.json`);
    for (const { program } of programs) assert.match(readFileSync(join(repoRoot, "tools", program), "utf8"), /\brunCommand\(/, program);
  });

  it("is listed in tools/README.md under its npm script", () => {
    const readme = readFileSync(join(repoRoot, "tools", "README.md"), "utf8");
    const scripts = Object.keys(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")).scripts as Record<string, string>);
    for (const script of scripts) {
      const call = script === "start" || script === "test" ? `npm ${script}` : `npm run ${script}`;
      assert.ok(readme.includes(`| \`${call}\` |`), `tools/README.md has a row for ${call}`);
    }
    for (const { script, program } of programs) {
      const call = script === "start" ? "npm start" : `npm run ${script}`;
      assert.ok(readme.includes(`| \`${call}\` | \`${program}\` |`), `tools/README.md maps ${call} to ${program}`);
    }
  });

  it("answers --help with its usage and exit code 0", async () => {
    const runs = await inParallel(programs, 2, ({ program }) => runProgram(program, ["--help"]));
    runs.forEach((run, i) => {
      assert.equal(run.status, 0, `${programs[i].program}: ${run.output}`);
      assert.match(run.stdout, /^npm (start|run [\w:-]+)\b.*\n\n.+\n\n/, `${programs[i].program} prints its usage and what it does`);
      assert.match(run.stdout, /--help, -h +show this help/);
    });
  });
});
