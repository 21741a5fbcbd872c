// ESLint flat config: typescript-eslint's strict type-free rules, the Office add-in rules
// (eslint-plugin-office-addins: no load/sync in loops, etc.) and the React hooks rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import officeAddins from "eslint-plugin-office-addins";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  { ignores: ["dist/**", "dist-preview/**", "coverage/**", "node_modules/**", "test-results/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, "react-hooks": reactHooks },
    rules: {
      // The Office.js rules of eslint-plugin-office-addins (its "recommended" set minus prettier,
      // which runs on its own as `prettier --check`). A sync in a loop is an error here, not a warning.
      "office-addins/call-sync-after-load": "error",
      "office-addins/call-sync-before-read": "error",
      "office-addins/load-object-before-read": "error",
      "office-addins/no-context-sync-in-loop": "error",
      "office-addins/no-empty-load": "error",
      "office-addins/no-navigational-load": "error",
      "office-addins/no-office-initialize": "error",
      "office-addins/test-for-null-using-isNullObject": "error",
      "no-eval": "error",
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Custom-function parameters that take "any cell" (number, text, blank, a range) must be typed
    // `any` / `any[][]`: custom-functions-metadata maps only those to Excel's "any" type.
    files: ["src/functions/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["**/*.{js,mjs,cjs}"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
    languageOptions: {
      globals: {
        console: "readonly",
        process: "readonly",
        require: "readonly",
        module: "writable",
        __dirname: "readonly",
        URL: "readonly",
      },
    },
  },
  {
    // The command-line scripts talk to the person running them.
    files: ["scripts/**", "bench/**"],
    rules: { "no-console": "off" },
  },
);
