import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { describe, it } from "node:test";
import { listKatas } from "../core/katas.ts";
import { runProgram } from "../core/processes.ts";
import { tempTree } from "../core/test-trees.ts";

describe("npm run test:katas", () => {
  it("fails a run in which no test ran", async () => {
    const [first, second] = listKatas();
    const root = tempTree([], [first, second]);
    for (const kata of listKatas(root)) for (const file of kata.tests) writeFileSync(file, "export {};\n");
    const { status, output } = await runProgram("dev/test-katas.ts", [], { root });
    assert.equal(status, 1);
    assert.match(output, /No test ran: that is a failure, not a pass/);
  });

  it("fails a kata whose tests are not inside describe(<kata id>)", async () => {
    const [first] = listKatas();
    const root = tempTree([first], [first]);
    const [kata] = listKatas(root);
    writeFileSync(kata.tests[0], `import { it } from "node:test";\nit("stray", () => {});\n`);
    const { status, output } = await runProgram("dev/test-katas.ts", ["--impl", "src"], { root });
    assert.equal(status, 1);
    assert.match(output, /✖ 01-matrices +1\/1 tests: 1 test\(s\) are not inside describe\("01-matrices", …\)/);
  });
});
