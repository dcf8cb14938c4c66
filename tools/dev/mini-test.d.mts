/** Types of `mini-test.mjs`, the catalogue harness's stand-in for node:test. */
export function describe(name: string, fn: () => void): void;
export function it(name: string, fn: () => unknown): void;
export function reset(): void;
export function runUntilFailure(): Promise<{ path: string[]; error: string } | undefined>;
