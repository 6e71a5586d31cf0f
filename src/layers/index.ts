// Re-exports of src/layers (filled in by its issue).
export {};
