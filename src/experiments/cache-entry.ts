/**
 * Checks of a result-cache entry's body beyond its checksum: that it is a run result at all (an
 * entry written by another tool or an older layout, whose header was recomputed, passes the
 * checksum), and that it belongs to the config and data its key was computed from.
 */
import { ExperimentConfig, withDefaults } from "./config";
import { canonicalJson } from "./hash";

const STATUSES = new Set(["completed", "stoppedEarly", "diverged", "failed"]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const isCount = (v: unknown): boolean => typeof v === "number" && Number.isFinite(v) && v >= 0;

/**
 * What is wrong with `value` as a stored `RunResult` (the first defect found, naming the field),
 * or undefined when it has every required field with the right type.
 */
export function resultDefect(value: unknown): string | undefined {
  if (!isObject(value)) return "the result is not an object";
  if (!isObject(value.config)) return "result.config is not an object";
  if (typeof value.status !== "string" || !STATUSES.has(value.status)) return `result.status is ${JSON.stringify(value.status)}, not a run status`;
  for (const field of ["steps", "epochs"]) if (!isCount(value[field])) return `result.${field} is ${JSON.stringify(value[field])}, not a count`;
  if (!Array.isArray(value.history)) return "result.history is not an array";
  const bad = value.history.findIndex((row) => !isObject(row) || !isCount(row.step) || typeof row.split !== "string");
  if (bad >= 0) return `result.history[${bad}] is not a history row`;
  if (!isObject(value.timing)) return "result.timing is not an object";
  if (!isObject(value.data) || typeof value.data.fingerprint !== "string" || typeof value.data.provenance !== "string") {
    return "result.data lacks its fingerprint or provenance";
  }
  if (typeof value.codeVersion !== "string") return "result.codeVersion is not a string";
  return undefined;
}

/** What a lookup expects the entry to hold: the config (defaults filled in here) and data fingerprint of its key. */
export interface ExpectedEntry {
  readonly config: ExperimentConfig;
  readonly fingerprint: string;
}

/** Why a valid result does not belong to `expected` (config or data differ), or undefined. */
export function entryMismatch(result: { config: unknown; data: { fingerprint: string } }, expected: ExpectedEntry): string | undefined {
  let stored: string;
  try {
    stored = canonicalJson(result.config, "config");
  } catch (error) {
    return `its config cannot be compared: ${(error as Error).message}`;
  }
  if (stored !== canonicalJson(withDefaults(expected.config), "config")) return "its config differs from the one its key was computed from";
  if (result.data.fingerprint !== expected.fingerprint) return `its data fingerprint ${result.data.fingerprint} differs from the key's`;
  return undefined;
}
