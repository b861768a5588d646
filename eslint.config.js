import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

/**
 * Layering: core imports nothing above it; workers import only core; the UI and the stores take only types from
 * workers and reach them through src/queries, the one place that holds worker clients.
 */
const coreOnly = {
  patterns: [
    {
      group: ["**/state/**", "**/queries/**", "**/ui/**", "**/workers/**", "react", "react-dom"],
      message: "src/core is pure: it imports nothing above it.",
    },
  ],
};
const workersOnlyCore = {
  patterns: [
    {
      group: ["**/state/**", "**/queries/**", "**/ui/**", "react", "react-dom"],
      message: "Workers import only src/core.",
    },
  ],
};
const uiTypesFromWorkers = {
  patterns: [
    {
      group: ["**/workers/*/api", "**/workers/*/worker", "**/workers/*/token-api"],
      allowTypeImports: true,
      message: "The UI imports only types from workers.",
    },
    {
      group: ["**/workers/*/client", "**/workers/shared/*"],
      message:
        "Views and stores call workers only through src/queries (query options, job definitions, commands).",
    },
  ],
};

export default tseslint.config(
  { ignores: ["dist", "node_modules", "test-results", "playwright-report", "public"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "no-console": "error",
      "no-restricted-properties": [
        "error",
        { object: "test", property: "only", message: "No focused tests." },
        { object: "describe", property: "only", message: "No focused tests." },
        { object: "it", property: "only", message: "No focused tests." },
      ],
    },
  },
  { files: ["src/core/**/*.ts"], rules: { "no-restricted-imports": ["error", coreOnly] } },
  { files: ["workers/**/*.ts"], rules: { "no-restricted-imports": ["error", workersOnlyCore] } },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/state/**/*.ts", "src/*.tsx"],
    rules: { "no-restricted-imports": ["error", uiTypesFromWorkers] },
  },
  {
    files: ["**/*.tsx", "src/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
  { files: ["scripts/**/*.{ts,mjs}"], rules: { "no-console": "off" } },
);
