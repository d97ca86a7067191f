/**
 * Migrated database → demo world (embedded mode only) and the sandbox told about the portal's grants (sandbox
 * mode). Production mode (PORTAL_MODE unset or "production") never seeds the demo people, whatever
 * REPORT_API_MODE says: they would be sign-in-able accounts, the platform admin included, in real data.
 * Run by `npm start` (and `npm run db:seed`) with the react-server condition, because it uses the
 * server-only data layer.
 */
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { seedDemoWorld } from "@/lib/server/seed/seed-demo-world";
import { pushAllGrantsToSandbox } from "@/lib/server/sandbox-sync/push-grants-to-sandbox";

async function main() {
  const e = env();
  if (e.PORTAL_MODE !== "embedded") {
    console.log("[portal] Production mode: the demo world is not seeded.");
  } else {
    const summary = await seedDemoWorld(db, { encryptionKey: Buffer.from(e.CREDENTIALS_ENCRYPTION_KEY, "base64"), withDemoKeys: true });
    console.log(`[portal] Demo world ready: ${summary.merchants} merchants, ${summary.partners} partners, ${summary.users} users${summary.grantsCreated ? `, ${summary.grantsCreated} grants created` : ""}.`);
  }
  if (e.REPORT_API_MODE === "sandbox") {
    try {
      await pushAllGrantsToSandbox(db);
    } catch (err) {
      // The sandbox may be started separately (npm run sandbox) and not be up yet: the portal still works.
      console.warn(`[portal] Could not tell the sandbox about grants: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  await db.$disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
