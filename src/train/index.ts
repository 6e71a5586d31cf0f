// Re-exports of src/train: schedules, optimizer, noise, early stopping and the training loop.
export * from "./schedule";
export * from "./pieces";
export * from "./noise";
export * from "./optimizer";
export * from "./early-stopping";
export * from "./evaluation-schedule";
export * from "./settings";
export * from "./history";
export * from "./data-splits";
export * from "./batches";
export * from "./evaluate";
export * from "./train-loop";
