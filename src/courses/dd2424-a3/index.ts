// DD2424 Assignment 3: the seed reports 000, 001 and 004 as quoted data, the configs derived from
// them (one per run block and reading) and their searches as config lists. Notebooks import this
// as "../../dist/courses/dd2424-a3".
export * from "./seeds";
export * from "./schedule";
export * from "./presets";
export * from "./grid-presets";
export * from "./bonus-plan";
export * from "./bonus-run";
export * from "./bonus-coverage";
export * from "./bonus-results";
export * from "./bonus-tables";
export * from "./block-runs";
export * from "./data-loader";
export * from "./coverage";
export * from "./results";
export * from "./gradient-checks";
export * from "./report";
export * from "./tables";
export * from "./report-results";
