import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// The boundaries of style.md (C1, C2, C10), as import restrictions. ESLint replaces a rule's options per file
// rather than merging them, so each folder's entry lists every restriction that holds there.
const DB_CLIENT = { name: "@/lib/server/db", message: "Only lib/server/** may import the database client; call a DAL function." };
const SERVER_ONLY_PACKAGE = { name: "server-only", message: "Components run in the browser too; server-only code lives in lib/server or the route segment." };
// Components reach the server only through "use server" action modules, which are named `actions.ts` or
// `*-actions.ts` (tests/unit/boundaries.test.ts checks that every such file is one). Data reads belong to the route
// segment (app/**, app/_shared/); the shapes they hand over live in pure lib/<feature>/types.ts.
const DATA_LAYER_FROM_COMPONENTS = {
  regex: "^(@/|(\\.\\./)+)lib/server(/(?!(.*/)?([a-z-]+-)?actions$).*)?$",
  message: "Components import from lib/server only \"use server\" action modules (*actions.ts). Read data in the route segment or app/_shared/ and pass it down; put shared types in lib/<feature>/types.ts.",
};
const REPORT_API_FROM_PAGES = {
  regex: "^(@/|(\\.\\./)+)lib/report-api(/.*)?$",
  message: "Pages never call the Report API client: go through the data layer (lib/server), which checks access first.",
};
const NEXT_FREE = {
  regex: "^(next|next-auth|next-intl|@next/.*|server-only)(/.*)?$|^(@/|(\\.\\./)+)(lib/server|app|components|i18n)(/.*)?$",
  message: "lib/report-api and sandbox/ stay free of Next.js and of the app: they run in scripts, workers and the standalone sandbox.",
};

/** @type {import("eslint").Linter.Config[]} */
const config = [
  // Everything a run writes into the checkout (builds of any NEXT_DIST_DIR, test reports, databases, backups), so a
  // second `npm test` lints the same files as the first.
  { ignores: [".next*/**", "out/**", "backups/**", "coverage/**", "node_modules/**", "lib/generated/**", ".data/**", "test-results/**", "playwright-report/**", "blob-report/**", "screenshots/tmp/**", "bench/results/**", "next-env.d.ts"] },
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Only the data layer touches the database client (style C2).
      "no-restricted-imports": ["error", { paths: [DB_CLIENT] }],
      // Configuration is parsed in one place (style C12).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/server/env.ts." }],
      // A LedgerAccess proves the access checks ran; only lib/server/ledgers/access/ledger-access.ts makes one.
      "no-restricted-syntax": [
        "error",
        { selector: ":matches(TSAsExpression, TSTypeAssertion) > TSTypeReference.typeAnnotation[typeName.name='LedgerAccess']", message: "Get a LedgerAccess from getPartnerLedgerAccess/getMerchantLedgerAccess; never cast one." },
      ],
    },
  },
  {
    // A promise nobody awaits loses its error (an unhandled rejection) and its ordering; one passed where a
    // void callback is expected (an onClick, a forEach) does the same. Both need the types, hence projectService.
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    files: ["components/**"],
    rules: { "no-restricted-imports": ["error", { paths: [DB_CLIENT, SERVER_ONLY_PACKAGE], patterns: [DATA_LAYER_FROM_COMPONENTS] }] },
  },
  {
    files: ["app/**"],
    rules: { "no-restricted-imports": ["error", { paths: [DB_CLIENT], patterns: [REPORT_API_FROM_PAGES] }] },
  },
  {
    files: ["lib/report-api/**", "sandbox/**"],
    rules: { "no-restricted-imports": ["error", { paths: [DB_CLIENT], patterns: [NEXT_FREE] }] },
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
