import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { junitXml } from "./junit.ts";
import { MANIFEST } from "./manifest.ts";
import { gradeJson, markdownSummary } from "./report.ts";
import type { GradeReport, KataGrade } from "./run.ts";

/** A kata with one test, passing or failing with `message`. */
function gradeOf(passed: boolean, { id = "01-matrices", title = "Vectors", test = "t", message = "failed" } = {}): KataGrade {
  return {
    id,
    title,
    passed,
    testsPassed: passed ? 1 : 0,
    testsTotal: 1,
    points: passed ? 10 : 0,
    maxPoints: 10,
    durationMs: 12,
    firstFailure: passed ? undefined : { test, message },
    refusals: [],
    testsSha256: "0".repeat(64),
    records: [
      { kind: "test", file: `/x/katas/${id}/a.test.ts`, path: [id, test], passed, durationMs: 12, error: passed ? undefined : message },
    ],
  };
}

const gradeArb = fc
  .record({
    passed: fc.boolean(),
    title: fc.string({ unit: "grapheme" }),
    test: fc.string({ unit: "grapheme", minLength: 1 }),
    message: fc.string({ unit: "grapheme" }),
  })
  .map(({ passed, ...texts }) => gradeOf(passed, texts));

const reportOf = (katas: KataGrade[]): GradeReport => ({
  source: "submission",
  score: katas.reduce((sum, k) => sum + k.points, 0),
  maxScore: 10 * katas.length,
  katasPassed: katas.filter((k) => k.passed).length,
  katasTotal: katas.length,
  tests: { manifest: MANIFEST, sha256: "1".repeat(64), changed: [], added: [], missing: [] },
  katas,
});

describe("grade reports", () => {
  it("put each kata on one Markdown table row of five cells, whatever its title and failure say", () => {
    assertProperty(
      fc.property(fc.array(gradeArb, { minLength: 1, maxLength: 4 }), (grades) => {
        const lines = markdownSummary(reportOf(grades)).split("\n");
        const rows = lines.filter((line) => line.startsWith("| ✅") || line.startsWith("| ❌"));
        assert.equal(rows.length, grades.length);
        for (const row of rows) assert.equal(row.match(/(?<!\\)(?:\\\\)*\|/g)?.length, 6, `five cells: ${row}`);
      }),
    );
  });

  it("quote each first failure in full, in a fence that its backticks cannot close", () => {
    assertProperty(
      fc.property(fc.string({ unit: fc.constantFrom("`", "a", "\n") }), (message) => {
        const summary = markdownSummary(reportOf([gradeOf(false, { message })]));
        const match = /\n(`{3,})text\n([\s\S]*)\n\1\n/.exec(summary);
        assert.ok(match, "a fenced block");
        assert.equal(match[2], message);
        assert.ok(!message.includes(match[1]), "the fence does not occur in the message");
      }),
    );
  });

  it("write the grade and its points to grade.json and junit.xml", () => {
    const [passing, failing] = [gradeOf(true, { title: "A & B" }), gradeOf(false, { id: "02-mnist", message: "x < y\nmore" })];
    const report = reportOf([passing, failing]);
    const json = JSON.parse(gradeJson(report));
    assert.deepEqual(
      json.katas.map((k: { id: string; passed: boolean; tests: unknown; points: number; firstFailure: unknown }) => [
        k.id,
        k.passed,
        k.tests,
        k.points,
        k.firstFailure,
      ]),
      [
        ["01-matrices", true, { passed: 1, total: 1 }, 10, null],
        ["02-mnist", false, { passed: 0, total: 1 }, 0, { test: "t", message: "x < y\nmore" }],
      ],
    );
    assert.deepEqual([json.score, json.maxScore, json.katasPassed, json.katasTotal], [10, 20, 1, 2]);
    assert.equal(json.katas[0].records, undefined, "per-test records stay out of grade.json");

    const xml = junitXml(report, "/x");
    assert.match(xml, /<testsuites name="kata grades: 10\/20 points" tests="2" failures="1"/);
    assert.match(xml, /<testsuite name="02-mnist" tests="1" failures="1"/);
    assert.match(xml, /<property name="title" value="A &amp; B"\/>/);
    assert.match(xml, /<property name="points" value="10"\/>/);
    assert.match(xml, /<failure message="x &lt; y">x &lt; y\nmore<\/failure>/);
  });

  it("give a kata whose process died before reporting one failing test case that says why", () => {
    const dead = { ...gradeOf(false, { message: "stopped after running too long" }), testsTotal: 0, records: [] };
    const xml = junitXml(reportOf([dead]), "/x");
    assert.match(xml, /<testsuite name="01-matrices" tests="1" failures="1"/);
    assert.match(xml, /<testcase classname="01-matrices" name="01-matrices" [^>]*><failure message="stopped after running too long">/);
  });
});
