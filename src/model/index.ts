// Re-exports of src/model (filled in by its issue).
export {};
