// TDT4265 Assignment 2: the experiments as configs (presets), the published numbers, the report's
// tables and sentences, the seeds as quoted data and seed 003's own setup (presets, per-epoch
// tables, gradient check). Notebooks import this as "../../dist/courses/tdt4265-a2".
export * from "./presets";
export * from "./published";
export * from "./tables";
export * from "./seeds";
export * from "./seed-003/presets";
export * from "./seed-003/epoch-tables";
export * from "./seed-003/gradcheck";
export * from "./seed-003/series";
export * from "./results";
export * from "./coverage";
export * from "./report-results";
