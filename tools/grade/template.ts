/**
 * `npm run template -- --out DIR`: write the repository an instructor hands
 * to learners. It holds everything a learner needs (the lessons, the tests,
 * the stubs, the programs, MNIST's provenance) and no `solutions/`; its
 * package.json runs the learner's own code everywhere, its `npm test` shows
 * their progress, and its workflow gives feedback on every push. Where the
 * course would show a reference solution after a kata passes, it says where
 * the instructor publishes them (`--solutions`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand, UsageError } from "../core/cli.ts";
import { repoRoot } from "../core/paths.ts";
import { green } from "../core/style.ts";
import { copyCourse } from "./course-copy.ts";

const COMMAND = {
  name: "template",
  usage: "npm run template -- --out DIR [--solutions TEXT]",
  summary: "Write the repository to hand to learners: the course without its reference solutions, set up to run the learner's own code.",
  flags: {
    out: { type: "string", value: "DIR", help: "where to write it: a folder that does not exist yet, or is empty" },
    solutions: {
      type: "string",
      value: "TEXT",
      help: "where learners find the reference solutions once a kata passes (a link, say); default: ask your instructor",
    },
  },
} as const;

/** The learner's scripts: their own code everywhere, and npm test is their progress. */
const SCRIPTS = {
  kata: "tsx tools/kata/kata.ts",
  test: "tsx tools/kata/kata.ts",
  start: "tsx tools/train/train.ts",
  predict: "tsx tools/train/predict.ts",
  compare: "tsx tools/compare/compare.ts",
  docs: "tsx tools/site/docs.ts",
  grade: "tsx tools/grade/grade.ts",
};

/** The learners' package.json: the course's, with their scripts, `#nn/*` always their src/, and where the solutions are. */
function packageJson(solutions: string | undefined): string {
  const course = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as Record<string, unknown>;
  const { scripts: _, imports: __, ...rest } = course;
  const learner = { ...rest, scripts: SCRIPTS, imports: { "#nn/*": "./src/*" }, course: { solutions: solutions ?? "ask your instructor" } };
  return `${JSON.stringify(learner, null, 2)}\n`;
}

/** The sections of the course README that learners need, under a set-up section of their own. */
function readme(): string {
  const text = readFileSync(join(repoRoot, "README.md"), "utf8");
  const sections = text.split(/^(?=## )/m);
  const keep = (heading: string) => sections.find((section) => section.startsWith(`## ${heading}\n`)) ?? "";
  return [
    sections[0].trimEnd(),
    "",
    `## Set up

Node 24 (\`.nvmrc\`); Node 20.16 or newer also works.

\`\`\`sh
npm ci          # install everything; nothing is downloaded after this
npm run kata    # the first kata that does not pass yet: its lesson, and its first failing test
npm test        # the same: where you are in the course
\`\`\`

When every kata passes, train your own network on MNIST: \`npm start\`.
`,
    keep("The learner's loop").trimEnd(),
    "",
    keep("The course").trimEnd(),
    "",
    keep("The comparison").trimEnd(),
    "",
    `## Feedback and grades

\`npm run grade\` grades every kata of your \`src/\`, and
\`.github/workflows/grade.yml\` runs it on every push: the table is on the
run's page, the reports in its artifact. That is feedback, taken with this
repository's own tests and tools. Your grade is taken by your instructor
from their own copy of the course, with only your \`src/\` files.
`,
  ].join("\n");
}

/** The learners' workflow: feedback on every push. */
const WORKFLOW = `# Feedback on every push: every kata of src/ graded by this repository's own
# tests and tools, the table on the run's page and the reports as an artifact.
# This is feedback, not a grade: your instructor grades from their own copy of
# the course (npm run grade -- --submission), with only your src/ files.
name: Kata feedback
"on":
  push:
  workflow_dispatch:
permissions:
  contents: read
jobs:
  grade:
    runs-on: ubuntu-latest
    timeout-minutes: 20
    steps:
      - name: Checkout code
        uses: actions/checkout@v7
      - name: Set up Node.js
        uses: actions/setup-node@v7
        with:
          node-version: 24
          cache: npm
      - name: Install dependencies
        run: npm ci --no-audit --no-fund
      - name: Grade the katas (feedback)
        run: npm run grade -- --out reports
      - name: Upload the reports
        if: always()
        uses: actions/upload-artifact@v7
        with:
          name: kata-feedback
          path: reports/
`;

/** The learners' repository, into `out`; the files written. */
function writeTemplate(out: string, solutions?: string): string[] {
  const files = copyCourse(out);
  writeFileSync(join(out, "package.json"), packageJson(solutions));
  writeFileSync(join(out, "README.md"), readme());
  mkdirSync(join(out, ".github", "workflows"), { recursive: true });
  writeFileSync(join(out, ".github", "workflows", "grade.yml"), WORKFLOW);
  return [...files, "package.json", "README.md", ".github/workflows/grade.yml"].sort();
}

runCommand(COMMAND, ({ values }) => {
  const out = values.out;
  if (out === undefined || out.trim() === "")
    throw new UsageError("--out DIR is required: the folder to write the learners' repository to");
  if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`--out ${out} is not empty: choose a new folder`);
  const files = writeTemplate(out, values.solutions);
  console.log(green(`✔ wrote the learners' repository to ${out}: ${files.length} files, no solutions/`));
  console.log(`Next: make it a repository (git init, commit, push) and hand it out; learners start with npm ci && npm run kata.`);
  return 0;
});
