import { inject } from "vitest";

// Runs in each test worker before any module under test is imported: the data layer reads its
// configuration lazily from process.env, so this points it at the test database.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-auth-secret-0123456789abcdef";
process.env.CREDENTIALS_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.SANDBOX_ADMIN_SECRET ??= "integration-tests-sandbox-secret";
process.env.REPORT_API_BASE_URL ??= "http://localhost:9";
Object.assign(process.env, { NODE_ENV: "test" });
