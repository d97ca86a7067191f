import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/server/db";
import { pushAllGrantsToSandbox } from "@/lib/server/sandbox-sync/push-grants-to-sandbox";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { ensureDemoWorld, merchantContextFor } from "@/tests/support/test-db";
import { startSandbox, type RunningSandbox } from "@/sandbox/server";

/**
 * Grant tests run on the demo world in the shared test database, with the Report API sandbox started in this
 * process (so upstream pushes and previews are real HTTP). Each test leaves the world as seeded: grants it
 * created are deleted and seeded grants restored, so other test files see the first-start state.
 */
export interface GrantTestWorld {
  sandbox: RunningSandbox;
  outboxDir: string;
  stop(): Promise<void>;
}

const SAVED_ENV = ["REPORT_API_BASE_URL", "OUTBOX_DIR", "REPORT_API_MODE"] as const;

/** Call in beforeAll, before anything reads the configuration (it is read once per test file). */
export async function startGrantTestWorld(opts: { port?: number } = {}): Promise<GrantTestWorld> {
  const saved = Object.fromEntries(SAVED_ENV.map((k) => [k, process.env[k]]));
  const sandbox = await startSandbox({ port: opts.port ?? 0, adminSecret: process.env.SANDBOX_ADMIN_SECRET });
  const outboxDir = mkdtempSync(path.join(tmpdir(), "grant-outbox-"));
  Object.assign(process.env, { REPORT_API_BASE_URL: sandbox.url, OUTBOX_DIR: outboxDir, REPORT_API_MODE: "sandbox" });
  await ensureDemoWorld();
  await snapshotSeededGrants();
  // Start without notifications or mails: a file that ran before on this worker's database may have left some
  // (the first case here counted Ola's notifications and once found another file's).
  await db.notification.deleteMany({});
  await db.outboxEmail.deleteMany({});
  await pushAllGrantsToSandbox(db);
  const world: GrantTestWorld = {
    sandbox,
    outboxDir,
    async stop() {
      await resetGrants();
      await world.sandbox.stop().catch(() => undefined);
      rmSync(outboxDir, { recursive: true, force: true });
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
  return world;
}

type SeededGrant = Awaited<ReturnType<typeof db.ledgerGrant.findMany>>[number];
let seeded: SeededGrant[] = [];

async function snapshotSeededGrants() {
  seeded = await db.ledgerGrant.findMany();
}

/** Back to the seeded grants; notifications and mails of the test are dropped; upstream told. */
export async function resetGrants(opts: { push?: boolean } = {}): Promise<void> {
  const ids = seeded.map((g) => g.id);
  await db.ledgerGrant.deleteMany({ where: { id: { notIn: ids } } });
  for (const g of seeded) await db.ledgerGrant.update({ where: { id: g.id }, data: { ...g, id: undefined } });
  await db.notification.deleteMany({});
  await db.outboxEmail.deleteMany({});
  if (opts.push !== false) await pushAllGrantsToSandbox(db).catch(() => undefined);
}

export const EMAILS = {
  kari: "kari@fjordkaffe.example",
  ola: "ola@fjordkaffe.example",
  mona: "mona@fjordkaffe.example",
  vera: "vera@fjordkaffe.example",
  nils: "nils@nordlys.example",
  freja: "freja@hygge.example",
  per: "per@tallbalanse.example",
  anne: "anne@tallbalanse.example",
  mads: "mads@kontopartner.example",
  admin: "admin@portal.example",
} as const;

/** The context a signed-in merchant user gets (real membership rows; the user's real name for the audit trail). */
export async function actor(email: string, merchantSlug = "fjord-kaffe"): Promise<MerchantContext> {
  const ctx = await merchantContextFor(email, merchantSlug);
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { name: true } });
  return { ...ctx, user: { ...ctx.user, name: user.name } };
}

export async function ledgerId(externalId: string): Promise<string> {
  return (await db.ledger.findUniqueOrThrow({ where: { externalId }, select: { id: true } })).id;
}

export async function partnerId(slug: string): Promise<string> {
  return (await db.accountingPartner.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}

/** Upstream's view: the ledgers a partner's keys may read in the sandbox, sorted. */
export async function upstreamLedgers(sandbox: RunningSandbox, orgNo: string): Promise<string[]> {
  const res = await fetch(`${sandbox.url}/sandbox/admin/grants`, { headers: { "x-sandbox-admin-secret": process.env.SANDBOX_ADMIN_SECRET ?? "" } });
  const body = (await res.json()) as { partners: { partnerOrgNo: string; ledgers: { ledgerId: string; includesPersonalData: boolean }[] }[] };
  return (body.partners.find((p) => p.partnerOrgNo === orgNo)?.ledgers ?? []).map((l) => `${l.ledgerId}${l.includesPersonalData ? "+pd" : ""}`).sort();
}

/** A date `days` from today (Oslo), as the forms send it. */
export { shiftLedgerDate, todayPortalDate } from "@/lib/dates";

export async function counts() {
  return {
    grants: await db.ledgerGrant.count(),
    audit: await db.auditEvent.count(),
    notifications: await db.notification.count(),
    mails: await db.outboxEmail.count(),
  };
}
