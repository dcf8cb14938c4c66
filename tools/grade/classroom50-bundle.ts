/**
 * `npm run classroom50 -- --out DIR`: write the files of a Classroom 50
 * assignment's bundle (put them in CLASSROOM/autograders/ASSIGNMENT/ of the
 * classroom's classroom50 repository): `autograder.py`, which Classroom 50's
 * runner starts in each student's checkout, and `course/`, the copy of the
 * course it grades with, without the reference solutions (the bundle is
 * published on the organisation's Pages site, where students can read it).
 */
import { copyFileSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { runCommand, UsageError } from "../core/cli.ts";
import { green } from "../core/style.ts";
import { copyCourse } from "./course-copy.ts";

const COMMAND = {
  name: "classroom50",
  usage: "npm run classroom50 -- --out DIR",
  summary: "Write a Classroom 50 assignment bundle: autograder.py and the course it grades with (no solutions).",
  flags: { out: { type: "string", value: "DIR", help: "where to write it: a folder that does not exist yet, or is empty" } },
  notes: "See docs/instructors.md: Classroom 50.",
} as const;

runCommand(COMMAND, ({ values }) => {
  const out = values.out;
  if (out === undefined || out.trim() === "") throw new UsageError("--out DIR is required: the folder to write the bundle to");
  if (existsSync(out) && readdirSync(out).length > 0) throw new UsageError(`--out ${out} is not empty: choose a new folder`);
  const files = copyCourse(join(out, "course"));
  copyFileSync(new URL("./autograder.py", import.meta.url), join(out, "autograder.py"));
  copyFileSync(new URL("../../package.json", import.meta.url), join(out, "course", "package.json"));
  console.log(green(`✔ wrote ${join(out, "autograder.py")} and ${join(out, "course")} (${files.length + 1} files, no solutions/)`));
  return 0;
});
