import { experimentConfigSchema, parseWith } from "../schema";
import { ExperimentConfig, withDefaults } from "./config";

/**
 * Checks an experiment config (e.g. parsed from JSON) against its schema
 * (src/schema/experiment.ts) and returns it with defaults filled in. Throws a `ConfigError` naming
 * the first bad field, its value and what was expected; unknown fields are errors too.
 */
export function validateConfig(value: unknown, path = "config"): ExperimentConfig {
  parseWith(experimentConfigSchema, value, path);
  return withDefaults(value as ExperimentConfig);
}
