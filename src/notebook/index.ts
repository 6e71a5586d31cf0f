// Re-exports of src/notebook (filled in by its issue).
export {};
