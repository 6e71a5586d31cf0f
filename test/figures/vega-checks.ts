import Ajv, { type ValidateFunction } from "ajv";
import { readFileSync } from "fs";
import { compile, type TopLevelSpec } from "vega-lite";

/**
 * Test support for vega-lite's four example checks: input not mutated, valid against the
 * Vega-Lite schema, compiles without warnings, compiled Vega valid against the Vega schema.
 */

/** Freezes `x` and everything reachable from it, so any later write throws (strict mode). */
export function deepFreeze<T>(x: T): T {
  if (typeof x === "object" && x !== null && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function loadSchema(modulePath: string): object {
  return JSON.parse(readFileSync(require.resolve(modulePath), "utf8")) as object;
}

let validators: { vegaLite: ValidateFunction; vega: ValidateFunction } | undefined;

/**
 * Ajv validators for node_modules/vega-lite/build/vega-lite-schema.json and
 * node_modules/vega/build/vega-schema.json (both JSON Schema draft-07, Ajv's default draft).
 * strictTypes is off because both schemas use e.g. `minimum` in union-typed branches without a
 * `type` beside it (a lint, not a validation rule); the string formats they use are declared:
 * color-hex as a real pattern, uri/uri-reference accepted as any string (our specs use no URIs).
 * Compiled once per test run (a few seconds).
 */
export function schemaValidators(): { vegaLite: ValidateFunction; vega: ValidateFunction } {
  if (validators === undefined) {
    const ajv = new Ajv({
      allErrors: true,
      strictTypes: false,
      allowUnionTypes: true,
      formats: { "color-hex": /^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, uri: true, "uri-reference": true },
    });
    validators = {
      vegaLite: ajv.compile(loadSchema("vega-lite/build/vega-lite-schema.json")),
      vega: ajv.compile(loadSchema("vega/build/vega-schema.json")),
    };
  }
  return validators;
}

/** Ajv's errors as one readable line each. */
export function schemaErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).slice(0, 8).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`).join("\n");
}

/** Compiles with a logger that collects every warning (and error) instead of printing it. */
export function compileCollecting(spec: TopLevelSpec): { vega: object; warnings: string[] } {
  const warnings: string[] = [];
  const text = (args: readonly unknown[]): string => args.map(String).join(" ");
  let level = 2;
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    warn: (...args: readonly unknown[]) => (warnings.push(text(args)), logger),
    error: (...args: readonly unknown[]) => (warnings.push(`error: ${text(args)}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  const vega = compile(spec, { logger: logger as never }).spec;
  return { vega, warnings };
}
