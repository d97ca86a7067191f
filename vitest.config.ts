import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "tests/support/server-only-stub.ts") };

// Two projects: "unit" needs nothing but Node (the sandbox is started in-process over HTTP);
// "integration" needs a real PostgreSQL (TEST_DATABASE_URL, or an embedded server started by its global setup).
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          environment: "node",
          include: ["lib/**/*.test.ts", "sandbox/**/*.test.ts", "tests/unit/**/*.test.ts"],
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/integration/setup-env.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Each worker has a database of its own (a clone of the run's template, tests/support/scratch-database.ts),
          // so files run side by side: two at a time (CI machines have two cores; the server is shared with them).
          maxWorkers: Number(process.env.TEST_DB_WORKERS ?? 2),
          // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses; bundled by
          // Vite it resolves (the authorization matrix calls Auth.js' real route handler).
          server: { deps: { inline: ["next-auth"] } },
        },
      },
      {
        resolve: { alias },
        // The scaled-out portal (scripts/scale-out.ts) against its production build: npm test runs it after the build.
        test: {
          name: "scale-out",
          environment: "node",
          include: ["tests/scale-out/**/*.test.ts"],
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
