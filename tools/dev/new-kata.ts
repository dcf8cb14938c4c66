/**
 * `npm run new-kata -- NN slug`: scaffold a kata that already keeps the
 * kata contract (CONTRIBUTING.md): its folder with a lesson skeleton,
 * `kata.json`, a first test and a first mistake of its catalogue, a stub in
 * `src/` that throws the stub message, and a reference in `solutions/`. The
 * integrity check and the catalogue check pass on the scaffold as it is; then replace its placeholder function with the
 * kata's own.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCommand, UsageError } from "../core/cli.ts";
import { KATA_ID, listKatas } from "../core/katas.ts";
import { repoRoot } from "../core/paths.ts";
import { stubMessage } from "../core/stub-message.ts";
import { green } from "../core/style.ts";

const COMMAND = {
  name: "new-kata",
  usage: "npm run new-kata -- NN slug",
  summary:
    "Scaffold kata NN-slug: katas/NN-slug/ (lesson, kata.json, a first test), src/slug.ts (the stub) and solutions/slug.ts (the reference).",
  flags: {},
  positionals: {
    name: "NN slug",
    help: "the kata's two-digit number and its name in lower-case words joined by dashes: 15 cross-entropy",
    max: 2,
  },
} as const;

/** `cross-entropy` → `crossEntropy`. */
const camelCase = (slug: string) => slug.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

/** The files of a new kata, by path relative to the repository root. */
function scaffold(number: string, slug: string): Record<string, string> {
  const id = `${number}-${slug}`;
  const lesson = `katas/${id}/README.md`;
  const name = camelCase(slug);
  const title = `${number} · ${slug.replace(/-/g, " ")}`;
  return {
    [lesson]: `# ${title}

> Follows Nielsen, chapter N, section *…*: say which, and check what you quote.

## The idea

What the learner builds, and why it matters, in a few paragraphs.

## The math, beside the code

| math | code |
|---|---|
| $f()$ | \`${name}()\` |

## Red → green → refactor

**Red.** Run \`npm run kata\`. The first failure you will see is:

    Not implemented: ${name} (kata ${id}, lesson ${lesson})

**Green.** …

**Refactor.** …

## Hints

- One hint per line: what to try when stuck, without giving the answer away.

## What you learned

- …

## Mistakes these tests catch

| mistake | caught by |
|---|---|
| returning 41 | "${name}() returns 42" |
`,
    [`katas/${id}/mistakes/off-by-one.json`]: `${JSON.stringify(
      { mistake: "returning 41", edits: [{ file: `${slug}.ts`, find: "return 42;", replace: "return 41;" }] },
      null,
      2,
    )}\n`,
    [`katas/${id}/kata.json`]: `${JSON.stringify({ files: [`${slug}.ts`] }, null, 2)}\n`,
    [`katas/${id}/${slug}.test.ts`]: `import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ${name} } from "#nn/${slug}.ts";

describe("${id}", () => {
  // A placeholder: replace it with the kata's tests, each of which a wrong implementation fails.
  it("${name}() returns 42", () => {
    assert.equal(${name}(), 42);
  });
});
`,
    [`src/${slug}.ts`]: `/**
 * Kata ${title}.
 *
 * What this file is for, in a sentence or two.
 *
 * Lesson: \`${lesson}\`.
 *
 * @module
 */

/** A placeholder: state here everything the tests demand of it. */
export function ${name}(): number {
  throw new Error(${JSON.stringify(stubMessage(name, { id, lesson }))});
}
`,
    [`solutions/${slug}.ts`]: `/**
 * Kata ${title} — reference solution.
 *
 * @module
 */

/** A placeholder. */
export function ${name}(): number {
  return 42;
}
`,
  };
}

runCommand(COMMAND, ({ positionals }) => {
  const [number, slug] = positionals;
  if (number === undefined || slug === undefined)
    throw new UsageError("give the kata's number and slug: npm run new-kata -- 15 cross-entropy");
  if (!/^\d\d$/.test(number)) throw new UsageError(`the number must be two digits, such as 15, got "${number}"`);
  const id = `${number}-${slug}`;
  if (!KATA_ID.test(id)) throw new UsageError(`the slug must be lower-case words joined by dashes, such as cross-entropy, got "${slug}"`);
  const taken = listKatas().find((kata) => kata.id.startsWith(`${number}-`));
  if (taken) throw new UsageError(`kata ${number} exists already: katas/${taken.id}`);
  const files = scaffold(number, slug);
  const existing = Object.keys(files).filter((path) => existsSync(join(repoRoot, path)));
  if (existing.length > 0) throw new UsageError(`${existing.join(", ")} exists already; choose another slug`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repoRoot, path, ".."), { recursive: true });
    writeFileSync(join(repoRoot, path), text);
  }
  console.log(green(`✔ wrote ${Object.keys(files).join(", ")}`));
  console.log(
    [
      "",
      "Next:",
      `  1. Write the lesson, the tests, the stub's TSDoc and the reference, in place of the placeholder ${camelCase(slug)}().`,
      `  2. npm run test:katas -- ${number}      the tests pass on the reference`,
      "  3. npm run test:integrity          the kata fails on its stub, and passes once solved",
      "  4. npm run manifest                refresh katas/tests.sha256 and katas/registered-tests.json",
      "  5. Add the kata to the course table in README.md.",
    ].join("\n"),
  );
  return 0;
});
