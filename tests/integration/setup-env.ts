import { workerDatabaseUrl } from "../support/scratch-database";

// Runs in each test worker before any module under test is imported: the data layer reads its
// configuration lazily from process.env, so this points it at the worker's own clone of the run's template
// database (made on the worker's first file; the files a worker runs after it share it, one at a time).
process.env.DATABASE_URL = await workerDatabaseUrl();
process.env.AUTH_SECRET ??= "integration-tests-auth-secret-0123456789abcdef";
process.env.CREDENTIALS_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.SANDBOX_ADMIN_SECRET ??= "integration-tests-sandbox-secret";
process.env.REPORT_API_BASE_URL ??= "http://localhost:9";
Object.assign(process.env, { NODE_ENV: "test" });
