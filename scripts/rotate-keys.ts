/**
 * `npm run keys:rotate`: re-encrypts every stored API secret under CREDENTIALS_ENCRYPTION_KEY, reading older rows
 * with CREDENTIALS_ENCRYPTION_KEY_PREVIOUS. Runs beside the live app (small batches, optimistic writes); run it
 * again at any time. The steps of a rotation are in README.md and docs/decisions/016-rate-limits-and-key-rotation.md.
 * Run with the react-server condition, because it uses the server-only data layer.
 */
import { db } from "@/lib/server/db";
import { rotateCredentialKeys } from "@/lib/server/credentials/rotate-credential-keys";

async function main() {
  const summary = await rotateCredentialKeys(db, { onBatch: (done) => console.log(`[keys] ${done} rewritten so far`) });
  console.log(`[keys] Stored secrets are sealed with key ${summary.keyId}: ${summary.rewritten} rewritten, ${summary.changedMeanwhile} changed meanwhile (already current).`);
  if (summary.unreadable.length > 0) {
    console.error(`[keys] ${summary.unreadable.length} credential(s) open with none of the configured keys and were left as they are: ${summary.unreadable.join(", ")}`);
    process.exitCode = 1;
  }
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
