/** The one module every notebook imports: re-exports only. */
export * from "./tensor";
