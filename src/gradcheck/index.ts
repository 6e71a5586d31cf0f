// Re-exports of src/gradcheck (filled in by its issue).
export {};
