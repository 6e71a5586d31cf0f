// Re-exports of src/queue: sweeps on a BullMQ/Redis job queue (`nnbook worker`, `runSweep`'s `queue`
// option). Not re-exported by src/index.ts, so notebooks that do not use a queue never load BullMQ.
export type { DataSource, SourcedData } from "./data-source";
export { dataSourceOf, checkDataSource, loadDataSource } from "./data-source";
export type { RunJob } from "./payload";
export { PAYLOAD_VERSION, checkRunJob } from "./payload";
export type { QueueAddress } from "./redis-url";
export { parseQueueUrl, redisOptions } from "./redis-url";
export type { QueueSweepOptions, QueueHooks } from "./run-on-queue";
export { runOnQueue, notQueueable, queueTimeoutMs } from "./run-on-queue";
export type { QueueWorker, QueueWorkerOptions } from "./queue-worker";
export { startQueueWorker, refusalReason } from "./queue-worker";
export type { QueueBenchOptions, QueueBenchRow } from "./bench-queue";
export { benchQueue, formatQueueBench } from "./bench-queue";
export { LocalRedis } from "./local-redis";
export { WorkerProcess } from "./worker-process";
export { QUEUE_NAME, QUEUE_PREFIX, RESULTS_HASH, REFUSALS_HASH } from "./store";
