// Re-exports of src/experiments: configs, runs, sweeps, the parallel runner and the result cache.
export * from "./config";
export { ConfigError } from "./check";
export * from "./validate-config";
export * from "./hash";
export * from "./data";
export * from "./synthetic-data";
export * from "./result";
export * from "./cache";
export * from "./code-version";
export * from "./sweep";
export * from "./aggregate";
export * from "./summary";
export { encodeJson, decodeJson } from "./json-codec";
export * from "./run";
export * from "./run-cached";
export * from "./run-sweep";
export * from "./progress";
export type { WorkerJob, WorkerReply } from "./sweep-worker";
