/**
 * A stand-in for `node:test`, for the catalogue of mistakes only: the kata
 * tests use nothing of node:test but `describe` and `it`, so a bundle of a
 * test file can import this instead, and `mistake-harness.mjs` can load
 * many bundles (one per mistake) into one process and run each bundle's
 * tests up to the first failure. Suites and tests run in the order they are
 * declared, one at a time, as node:test runs them.
 */

/** The suite being declared: its name path and its children, in order. */
let current = { path: [], children: [] };

export function describe(name, fn) {
  const suite = { path: [...current.path, name], children: [] };
  current.children.push({ suite });
  const outer = current;
  current = suite;
  try {
    fn();
  } finally {
    current = outer;
  }
}

export function it(name, fn) {
  current.children.push({ test: { path: [...current.path, name], fn } });
}

export const test = it;

/** Forget every suite and test declared so far: the next bundle starts afresh. */
export function reset() {
  current = { path: [], children: [] };
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/** Run what was declared, in order, up to the first failure: its name path and message, or undefined when all passed. */
export async function runUntilFailure() {
  const root = current;
  const walk = async (suite) => {
    for (const child of suite.children) {
      if (child.suite) {
        const failed = await walk(child.suite);
        if (failed) return failed;
        continue;
      }
      try {
        await child.test.fn();
      } catch (error) {
        return { path: child.test.path, error: messageOf(error) };
      }
    }
    return undefined;
  };
  return walk(root);
}
