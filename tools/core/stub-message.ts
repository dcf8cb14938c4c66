/**
 * The error a stub in `src/` throws until the learner writes the function:
 * `Not implemented: matmul (kata 01-matrices, lesson katas/01-matrices/README.md)`.
 * Written here (for the stubs and their check) and read here (from an error
 * message or from a stub's source), so the two can never disagree.
 */

/** The kata a stub belongs to: its id and its lesson. */
export interface StubOwner {
  id: string;
  lesson: string;
}

/** The error a stub of `name` throws, exactly. */
export function stubMessage(name: string, kata: StubOwner): string {
  return `Not implemented: ${name} (kata ${kata.id}, lesson ${kata.lesson})`;
}

const STUB = /Not implemented: (\w+) \(kata (\d\d-[a-z0-9-]+), lesson ([^)\s]+)\)/;

/** The first stub message in `text` (an error message, or a stub's source): which function, which kata, which lesson. */
export function parseStub(text: string): { name: string; kataId: string; lesson: string } | undefined {
  const match = STUB.exec(text);
  return match ? { name: match[1], kataId: match[2], lesson: match[3] } : undefined;
}
