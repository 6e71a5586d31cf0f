/** The one module every notebook imports: re-exports only. */
export * from "./tensor";
export * from "./layers";
export * from "./model";
export * from "./gradcheck";
export * from "./data";
export * from "./train";
export * from "./schema";
export * from "./experiments";
export * from "./figures";
export * from "./nbformat";
export * from "./report";
export * from "./teaching";
// src/notebook (tslab display) and src/cli are imported explicitly, never through this index.
