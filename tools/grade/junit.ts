/**
 * The grade as JUnit XML, which CI systems and LMS plug-ins read: a test
 * suite per kata (its points as properties), a test case per test. A kata
 * whose tests never reported (its process crashed or was stopped) gets one
 * failing test case that says why.
 */
import { relative } from "node:path";
import { secondsValue } from "../core/format.ts";
import { escapeXml } from "../core/markup.ts";
import type { GradeReport, KataGrade } from "./run.ts";

const seconds = (ms: number) => String(secondsValue(ms));

function testCases(grade: KataGrade, root: string): string[] {
  const failure = (message: string) => `<failure message="${escapeXml(message.split("\n")[0])}">${escapeXml(message)}</failure>`;
  if (grade.records.length === 0) {
    const message = grade.firstFailure?.message ?? "no test ran";
    return [`    <testcase classname="${grade.id}" name="${grade.id}" time="${seconds(grade.durationMs)}">${failure(message)}</testcase>`];
  }
  return grade.records.map((test) => {
    const name = test.path.length === 1 && test.path[0] === test.file ? relative(root, test.file) : test.path.slice(1).join(" › ");
    const open = `    <testcase classname="${grade.id}" name="${escapeXml(name)}" time="${seconds(test.durationMs)}"`;
    return test.passed ? `${open}/>` : `${open}>${failure(test.error ?? "failed")}</testcase>`;
  });
}

export function junitXml(report: GradeReport, root: string): string {
  const failures = (grade: KataGrade) => Math.max(grade.testsTotal - grade.testsPassed, grade.passed ? 0 : 1);
  const suites = report.katas.map((grade) =>
    [
      `  <testsuite name="${grade.id}" tests="${Math.max(grade.testsTotal, 1)}" failures="${failures(grade)}" time="${seconds(grade.durationMs)}">`,
      `    <properties>`,
      `      <property name="title" value="${escapeXml(grade.title)}"/>`,
      `      <property name="points" value="${grade.points}"/>`,
      `      <property name="maxPoints" value="${grade.maxPoints}"/>`,
      `      <property name="testsSha256" value="${grade.testsSha256}"/>`,
      `    </properties>`,
      ...testCases(grade, root),
      `  </testsuite>`,
    ].join("\n"),
  );
  const tests = report.katas.reduce((sum, grade) => sum + Math.max(grade.testsTotal, 1), 0);
  const failed = report.katas.reduce((sum, grade) => sum + failures(grade), 0);
  const time = report.katas.reduce((sum, grade) => sum + grade.durationMs, 0);
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<testsuites name="kata grades: ${report.score}/${report.maxScore} points" tests="${tests}" failures="${failed}" time="${seconds(time)}">`,
    ...suites,
    `</testsuites>`,
    "",
  ].join("\n");
}
