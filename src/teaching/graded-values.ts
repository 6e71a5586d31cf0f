/**
 * Values crossing the sandbox boundary of `nnbook grade`: the arguments a check passes to the
 * student's function, what the function returned or threw, and the arguments after the call (so
 * the trusted checker still sees a function that modifies its input). JSON with tags for what
 * JSON cannot hold: `{"$f64": […]}` for Float64Array (other typed arrays as plain number lists),
 * `{"$num": "NaN" | "Infinity" | "-Infinity" | "-0"}`, `{"$undef": 1}`, `{"$fn": name}`.
 * Decoding treats the text as hostile: depth and size limits, no prototype keys.
 */

/** A JSON value. */
export type Wire = null | boolean | number | string | Wire[] | { [key: string]: Wire };

/** Nesting deeper than this is refused (a student's value, not a data structure the checks use). */
const MAX_DEPTH = 32;
/** Numbers in one value, at most (the checks pass a few hundred). */
const MAX_NUMBERS = 4_000_000;

function encodeNumber(x: number): Wire {
  if (Number.isNaN(x)) return { $num: "NaN" };
  if (x === Infinity) return { $num: "Infinity" };
  if (x === -Infinity) return { $num: "-Infinity" };
  if (Object.is(x, -0)) return { $num: "-0" };
  return x;
}

function decodeNumber(tag: unknown): number {
  const known: Record<string, number> = { NaN: NaN, Infinity: Infinity, "-Infinity": -Infinity, "-0": -0 };
  if (typeof tag !== "string" || !(tag in known)) throw new Error(`graded value: unknown number tag ${JSON.stringify(tag)}`);
  return known[tag];
}

/** True for a typed array of any realm (the graded code runs in its own context). */
function isTypedArray(value: unknown): value is ArrayLike<number> & ArrayBufferView {
  return ArrayBuffer.isView(value) && !(Object.prototype.toString.call(value) === "[object DataView]");
}

/**
 * Encodes `value` as JSON-safe data (see the module comment). Throws on values too deep or too
 * large; getters and proxies run (callers bound the time this may take).
 */
export function encodeValue(value: unknown, depth = 0, budget = { numbers: MAX_NUMBERS }): Wire {
  if (depth > MAX_DEPTH) throw new Error(`graded value nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return null;
  switch (typeof value) {
    case "undefined":
      return { $undef: 1 };
    case "number":
      return encodeNumber(value);
    case "boolean":
    case "string":
      return value;
    case "bigint":
      return String(value);
    case "function":
      return { $fn: String((value as { name?: unknown }).name ?? "") };
    case "symbol":
      return String(value.description ?? "symbol");
  }
  if (isTypedArray(value)) {
    budget.numbers -= value.length;
    if (budget.numbers < 0) throw new Error(`graded value holds more than ${MAX_NUMBERS} numbers`);
    const list = Array.from(value, (x) => encodeNumber(Number(x)));
    return Object.prototype.toString.call(value) === "[object Float64Array]" ? { $f64: list } : list;
  }
  if (Array.isArray(value)) return value.map((v) => encodeValue(v, depth + 1, budget));
  const out: { [key: string]: Wire } = {};
  for (const key of Object.keys(value as object)) {
    if (key.startsWith("$") || key === "__proto__") continue;
    out[key] = encodeValue((value as Record<string, unknown>)[key], depth + 1, budget);
  }
  return out;
}

/** Decodes what {@link encodeValue} made (in this realm), refusing malformed or oversized data. */
export function decodeValue(wire: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new Error(`graded value nested deeper than ${MAX_DEPTH} levels`);
  if (wire === null || typeof wire === "boolean" || typeof wire === "number" || typeof wire === "string") return wire;
  if (Array.isArray(wire)) return wire.map((w) => decodeValue(w, depth + 1));
  if (typeof wire !== "object") throw new Error(`graded value: unexpected ${typeof wire}`);
  const record = wire as Record<string, unknown>;
  if ("$num" in record) return decodeNumber(record.$num);
  if ("$undef" in record) return undefined;
  if ("$fn" in record)
    return function graded(): never {
      throw new Error("a function returned by graded code cannot be called");
    };
  if ("$f64" in record) {
    const list = record.$f64;
    if (!Array.isArray(list) || list.length > MAX_NUMBERS) throw new Error("graded value: malformed Float64Array");
    return Float64Array.from(list, (x) => (typeof x === "number" ? x : decodeNumber((x as { $num?: unknown })?.$num)));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (key === "__proto__") continue;
    Object.defineProperty(out, key, { value: decodeValue(record[key], depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * Writes the state `after` (decoded) into `target` in place: typed arrays entry by entry, objects
 * key by key (only keys `target` already has). How the trusted checker learns that the graded
 * function modified an argument.
 */
export function applyInPlace(target: unknown, after: unknown, depth = 0): void {
  if (depth > MAX_DEPTH || target === null || typeof target !== "object" || after === null || typeof after !== "object") return;
  if (isTypedArray(target)) {
    const source = after as ArrayLike<number>;
    const writable = target as unknown as { [i: number]: number };
    if (typeof source.length === "number") for (let i = 0; i < Math.min(target.length, source.length); i++) writable[i] = Number(source[i]);
    return;
  }
  for (const key of Object.keys(target)) {
    const next = (after as Record<string, unknown>)[key];
    const current = (target as Record<string, unknown>)[key];
    if (current !== null && typeof current === "object") applyInPlace(current, next, depth + 1);
  }
}
