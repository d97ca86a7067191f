import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** @type {import("eslint").Linter.Config[]} */
const config = [
  // Everything a run writes into the checkout (builds of any NEXT_DIST_DIR, test reports, databases, backups), so a
  // second `npm test` lints the same files as the first.
  { ignores: [".next*/**", "out/**", "backups/**", "coverage/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "blob-report/**", "screenshots/tmp/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only the data layer touches the database client (style C2).
      "no-restricted-imports": ["error", { paths: [{ name: "@/lib/server/db", message: "Only lib/server/** may import the database client; call a DAL function." }] }],
      // Configuration is parsed in one place (style C12).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/server/env.ts." }],
    },
  },
  {
    files: ["lib/server/**", "tests/**", "scripts/**", "bench/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Processes outside the Next.js app (start script, sandbox, tests, tools) read their own environment.
    files: ["lib/config/**", "lib/server/env.ts", "scripts/**", "sandbox/**", "tests/**", "e2e/**", "bench/**", "*.config.*", "lib/report-api/**", "instrumentation.ts"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
