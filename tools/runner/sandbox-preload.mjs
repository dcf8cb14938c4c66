/**
 * Preloaded (`--import`) into every graded test process, before the test
 * file and the learner's code load (see `sandbox.ts`):
 *
 * - It takes the run's key out of the environment, so that no later code can
 *   read it, and after each test writes the test's verdict to the events
 *   file, signed with the key (HMAC-SHA256), through functions and a file
 *   descriptor it holds from the start. The grader counts only signed
 *   verdicts: a line that code in the process forges has no valid signature.
 * - It freezes JavaScript's built-ins (`Math`, `Array.prototype`, …) and
 *   Node's `Buffer`, which Node's own code uses, and makes their global
 *   bindings read-only, so that no code can change them or swap them.
 * - It puts a stand-in in place of the global `process`: what libraries
 *   read of it (versions, env, argv, hrtime, nextTick), and nothing that
 *   reaches further (no modules, no exit, no signals, no streams). A library
 *   that hands out the global object (TensorFlow.js does, as
 *   `tf.env().global`) so hands out nothing more. Node's own code keeps the
 *   real one.
 *
 * Plain JavaScript, like the reporter, so that it loads without tsx.
 */
import { createHmac as hmac } from "node:crypto";
import { openSync, writeSync as write } from "node:fs";
import { afterEach } from "node:test";
import "./running-test.mjs";

const out = process.env.NN_TEST_EVENTS;
const hexKey = process.env.NN_VERDICT_KEY;
delete process.env.NN_VERDICT_KEY;
if (!out || !hexKey) throw new Error("sandbox-preload: NN_TEST_EVENTS and NN_VERDICT_KEY must be set");

// Held in constants now, before any other code runs: a later change to the modules' exports cannot reach them.
// The key is bytes, not text, so that making the HMAC never turns it into bytes through code others can see.
const key = Buffer.from(hexKey, "hex");
const createHmac = hmac;
const writeSync = write;
const events = openSync(out, "a");
/** The signature of one verdict. */
const sign = (name, passed) => createHmac("sha256", key).update(`${name}\n${passed}`).digest("hex");
const stringify = JSON.stringify;

afterEach((t) => {
  const name = t.fullName;
  const passed = t.passed === true;
  writeSync(events, `${stringify({ kind: "verdict", name, passed, mac: sign(name, passed) })}\n`);
});

// JavaScript's built-ins, frozen as `--frozen-intrinsics` would freeze them, but for the prototypes of
// Object and of typed arrays: V8 runs typed-array code many times slower on frozen ones, so these are
// locked instead (every property read-only and fixed, no property added), which costs far less.
const BUILT_INS =
  "Object Function Array Number Boolean String Symbol Date Promise RegExp Error AggregateError EvalError RangeError ReferenceError SyntaxError TypeError URIError JSON Math Intl ArrayBuffer SharedArrayBuffer Atomics DataView Map Set WeakMap WeakSet WeakRef FinalizationRegistry Proxy Reflect BigInt Iterator Int8Array Uint8Array Uint8ClampedArray Int16Array Uint16Array Int32Array Uint32Array Float32Array Float64Array BigInt64Array BigUint64Array parseFloat parseInt isFinite isNaN decodeURI decodeURIComponent encodeURI encodeURIComponent escape unescape eval".split(
    " ",
  );
const TypedArray = Object.getPrototypeOf(Uint8Array);
const locked = new Set([
  Object.prototype,
  TypedArray.prototype,
  Buffer.prototype,
  ...BUILT_INS.filter((name) => /\dArray$|ClampedArray$/.test(name)).map((name) => globalThis[name].prototype),
]);
const iteratorOf = (value) => Object.getPrototypeOf(value[Symbol.iterator]());
const roots = [
  ...BUILT_INS.map((name) => globalThis[name]),
  TypedArray,
  Buffer,
  iteratorOf([]),
  iteratorOf(new Map()),
  iteratorOf(new Set()),
  iteratorOf(""),
  Object.getPrototypeOf(function* () {}),
  Object.getPrototypeOf(async function* () {}),
  Object.getPrototypeOf(async () => {}),
];
/**
 * A frozen prototype's read-only property would stop code from giving its
 * own objects a property of that name by assignment (`Foo.prototype.toString = …`
 * throws in strict code: the "override mistake"), which libraries do. For the
 * names they commonly give, the prototype's property becomes a getter and a
 * setter that defines the property on the object assigned to, as
 * `--frozen-intrinsics` does. Not on the prototypes of arrays, where V8's
 * fast paths depend on them staying as they are.
 */
const OVERRIDABLE = ["toString", "toLocaleString", "valueOf", "name", "message", "toJSON"];
const arrayPrototypes = new Set([Array.prototype, ...[...locked].filter((prototype) => prototype !== Object.prototype)]);
const allowOverrides = (prototype) => {
  if (arrayPrototypes.has(prototype)) return;
  for (const key of OVERRIDABLE) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, key);
    if (!descriptor || !("value" in descriptor) || !descriptor.configurable) continue;
    const { value, enumerable } = descriptor;
    Object.defineProperty(prototype, key, {
      get: () => value,
      set(replacement) {
        if (this === prototype) throw new TypeError(`Cannot assign to read only property '${key}' of a built-in prototype`);
        Object.defineProperty(this, key, { value: replacement, writable: true, enumerable, configurable: true });
      },
      enumerable,
      configurable: false,
    });
  }
};

/**
 * The prototypes of errors keep a writable `constructor`: compiled subclasses of Error assign it
 * (TypeScript's `__extends`, in TensorFlow.js), and it cannot be a getter and a setter, as the
 * names above are, because Node's inspect names an object after the nearest `constructor` that
 * is a plain value, and would print every error as `{}`. They are locked, like those in `locked`.
 */
const errorPrototypes = new Set(BUILT_INS.filter((name) => /Error$/.test(name)).map((name) => globalThis[name].prototype));

/** Freeze `value` and everything reachable from it (lock, not freeze, the prototypes in `locked` and `errorPrototypes`). */
const seen = new Set();
const harden = (value) => {
  if ((typeof value !== "object" && typeof value !== "function") || value === null || seen.has(value)) return;
  seen.add(value);
  if (typeof value === "function" && typeof value.prototype === "object" && value.prototype !== null) allowOverrides(value.prototype);
  harden(Object.getPrototypeOf(value));
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if ("value" in descriptor) harden(descriptor.value);
    else {
      harden(descriptor.get);
      harden(descriptor.set);
    }
    if ((locked.has(value) || errorPrototypes.has(value)) && descriptor.configurable) {
      const writable = errorPrototypes.has(value) && key === "constructor";
      Object.defineProperty(value, key, { ...descriptor, ...("value" in descriptor ? { writable } : {}), configurable: false });
    }
  }
  if (locked.has(value) || errorPrototypes.has(value)) Object.preventExtensions(value);
  else Object.freeze(value);
};
allowOverrides(Object.prototype);
for (const root of roots) harden(root);

// The global bindings of the built-ins, read-only: no code can swap Math or JSON for its own.
for (const name of BUILT_INS) {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, name);
  if (descriptor && "value" in descriptor && descriptor.configurable) {
    Object.defineProperty(globalThis, name, {
      value: descriptor.value,
      writable: false,
      enumerable: descriptor.enumerable,
      configurable: false,
    });
  }
}
for (const name of ["Buffer"]) {
  Object.defineProperty(globalThis, name, { value: globalThis[name], writable: false, enumerable: false, configurable: false });
}

// The stand-in for `process`, frozen, in a read-only global binding.
const real = process;
const ignored = () => stand;
const hrtime = (previous) => real.hrtime(previous);
hrtime.bigint = () => real.hrtime.bigint();
const stand = {
  env: Object.freeze({ ...real.env }),
  argv: Object.freeze([...real.argv]),
  execArgv: Object.freeze([]),
  versions: Object.freeze({ ...real.versions }),
  version: real.version,
  platform: real.platform,
  arch: real.arch,
  release: Object.freeze({ ...real.release }),
  pid: real.pid,
  hrtime,
  nextTick: (callback, ...args) => real.nextTick(callback, ...args),
  cwd: () => real.cwd(),
  uptime: () => real.uptime(),
  memoryUsage: () => real.memoryUsage(),
  emitWarning: () => {},
  listeners: () => [],
  listenerCount: () => 0,
  on: ignored,
  once: ignored,
  off: ignored,
  addListener: ignored,
  removeListener: ignored,
  removeAllListeners: ignored,
  emit: () => false,
  exit(code) {
    throw new Error(`process.exit(${code ?? ""}) is not available while grading: a test process ends when its tests do`);
  },
  get exitCode() {
    return undefined;
  },
  set exitCode(_) {},
};
stand.memoryUsage.rss = () => real.memoryUsage.rss();
for (const value of Object.values(stand)) if (typeof value === "function") Object.freeze(value);
Object.freeze(stand);
Object.defineProperty(globalThis, "process", { value: stand, writable: false, enumerable: false, configurable: false });
