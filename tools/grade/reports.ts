/** Writing one grade's reports into a folder: grade.json, junit.xml and summary.md. */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { junitXml } from "./junit.ts";
import { gradeJson, markdownSummary } from "./report.ts";
import type { GradeReport } from "./run.ts";

export const REPORT_FILES = ["grade.json", "junit.xml", "summary.md"] as const;

/** Write the three reports of `report` into `folder`; the summary, for the caller to show. */
export function writeReports(folder: string, report: GradeReport, root: string): string {
  mkdirSync(folder, { recursive: true });
  const summary = markdownSummary(report);
  writeFileSync(join(folder, "grade.json"), gradeJson(report));
  writeFileSync(join(folder, "junit.xml"), junitXml(report, root));
  writeFileSync(join(folder, "summary.md"), summary);
  return summary;
}
