// Re-exports of src/schema: one schema per vocabulary; types, validation and docs derive from them.
export { ConfigError, show, parseWith } from "./errors";
export type { NumberRule } from "./rules";
export { describeRule } from "./rules";
export type { DeepReadonly } from "./readonly";
export * from "./activation";
export * from "./model";
export * from "./training";
export * from "./experiment";
export * from "./docs";
export * from "./vocabulary";
