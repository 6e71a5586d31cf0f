// Re-exports of src/experiments (filled in by its issue).
export {};
