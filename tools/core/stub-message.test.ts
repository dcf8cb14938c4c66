import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { assertProperty } from "../../katas/support/property.ts";
import { parseStub, stubMessage } from "./stub-message.ts";

describe("the stub message", () => {
  it("is read back from any text that holds it: an error message, a stack, a stub's source", () => {
    const name = fc.stringMatching(/^[a-zA-Z_]\w{0,15}$/);
    const id = fc.stringMatching(/^\d\d-[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/);
    const text = fc.string({ maxLength: 20 });
    assertProperty(
      fc.property(name, id, text, text, (name, id, before, after) => {
        const kata = { id, lesson: `katas/${id}/README.md` };
        assert.deepEqual(parseStub(`${before}${JSON.stringify(stubMessage(name, kata))}${after}`), {
          name,
          kataId: id,
          lesson: kata.lesson,
        });
      }),
    );
  });

  it("reads nothing from text without one", () => {
    assert.equal(parseStub("Not implemented yet"), undefined);
    assert.equal(parseStub("TypeError: x is not a function"), undefined);
  });
});
