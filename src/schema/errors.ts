/**
 * Turning a schema's complaints into one clear error: `ConfigError` names the field's path, the
 * value found and what was expected, e.g. `config.schedule.etaMax: expected a number > 0.0001,
 * got 0.00001`. Every vocabulary schema (src/schema) is checked through `parseWith`.
 */
import type { z } from "zod";

/** A bad field of a config or spec; the message starts with the field's path. */
export class ConfigError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = "ConfigError";
  }
}

/** JSON text of a value for error messages (undefined shown as "missing"). */
export function show(value: unknown): string {
  if (value === undefined) return "missing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

type Issue = z.core.$ZodIssue & { readonly input?: unknown };

/** `base.a.b[2]` from a zod path. */
function joinPath(base: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : `${s}.${String(k)}`), base);
}

/** The path and the message of one issue; "expected …" messages get the value found appended. */
function describeIssue(issue: Issue, base: string): { path: string; message: string } {
  if (issue.code === "unrecognized_keys") {
    return { path: joinPath(base, [...issue.path, issue.keys[0]]), message: issue.message };
  }
  if (issue.code === "invalid_union" && issue.discriminator !== undefined) {
    const input = issue.input as Record<string, unknown> | undefined;
    const options = (issue as { readonly options?: readonly unknown[] }).options ?? [];
    const expected = options.map((o) => JSON.stringify(o)).join(", ");
    return { path: joinPath(base, issue.path), message: `expected one of ${expected}, got ${show(input?.[issue.discriminator])}` };
  }
  const got = issue.message.startsWith("expected ") ? `, got ${show(issue.input)}` : "";
  return { path: joinPath(base, issue.path), message: `${issue.message}${got}` };
}

/**
 * `value` checked against `schema`, as the schema's output type; throws a `ConfigError` naming the
 * first bad field (path starting with `path`), its value and what was expected.
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, path: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const { path: where, message } = describeIssue(result.error.issues[0] as Issue, path);
  throw new ConfigError(where, message);
}
