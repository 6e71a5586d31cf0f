// Re-exports of src/figures (filled in by its issue).
export {};
