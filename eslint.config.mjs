// eslint (flat config): the recommended JavaScript and typescript-eslint rules over src/, test/
// and the build scripts, zero warnings (`npm run lint`); formatting is prettier's job
// (.prettierrc.json), not eslint's.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "build/", "node_modules/", "reports/", "figures/", ".nnbook-cache/", "native/build/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          caughtErrors: "none",
        },
      ],
      // `import x = require("cjs-package")` is TypeScript's import of a CommonJS module
      "@typescript-eslint/no-require-imports": ["error", { allowAsImport: true }],
    },
  },
  {
    // These load modules by a path known only at run time (the native addon, graded code's
    // allowed modules, the copies of src/ a test compiles) or patch Node's own `vm` object,
    // which an `import` would only copy.
    files: [
      "src/tensor/kernel-select.ts",
      "src/teaching/grade-worker.ts",
      "src/notebook/kernel-errors.ts",
      "test/schema/add-activation.test.ts",
      "test/notebook/cell-errors.test.ts",
    ],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: {
      sourceType: "commonjs",
      globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly" },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
