import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { MERCHANTS } from "@/lib/demo-world/world";

// Only the request plumbing is replaced (the session's user id and the active-organisation cookie); the action
// wrapper, the contexts, the memberships, the job queue, the database and the sandbox are real.
const session = vi.hoisted(() => ({ userId: null as string | null, activeOrg: null as string | null }));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "portal-active-org" && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

const { startLedgerSandbox, sandboxAdmin } = await import("@/tests/integration/ledgers/sandbox-support");
let sandbox: RunningSandbox;
const { db } = await import("@/lib/server/db");
const { ensureDemoWorld, merchantContextFor } = await import("@/tests/support/test-db");
const { reconcilePartner, runReconciliation } = await import("@/lib/server/reconciliation/run-reconciliation");
const { openFindingsForMerchant, outOfSyncGrantIds, listFindings } = await import("@/lib/server/reconciliation/findings");
const { checkReconciliationNowAction } = await import("@/lib/server/reconciliation/actions");
const { pushPartnerGrantsToSandbox } = await import("@/lib/server/sandbox-sync/push-grants-to-sandbox");
const { stopQueue } = await import("@/lib/server/jobs/queue");

const TALL_ORG = "987654321";
let tall: string;
let missingGrant: { id: string; ledgerExternalId: string; merchantId: string };
let extraLedger: { externalId: string; merchantId: string };

async function signInAs(email: string, activeOrg: (u: { merchant?: string; partner?: string }) => string) {
  const u = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, merchantMemberships: { select: { merchantId: true } }, partnerMemberships: { select: { partnerId: true } } },
  });
  Object.assign(session, { userId: u.id, activeOrg: activeOrg({ merchant: u.merchantMemberships[0]?.merchantId, partner: u.partnerMemberships[0]?.partnerId }) });
}

const openFor = (partnerId: string) => db.reconciliationFinding.findMany({ where: { partnerId, resolvedAt: null }, orderBy: { kind: "asc" } });

beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
  tall = (await db.accountingPartner.findUniqueOrThrow({ where: { orgNo: TALL_ORG }, select: { id: true } })).id;
  // Upstream holds exactly the portal's grants for this partner (other test files may have changed them).
  await pushPartnerGrantsToSandbox(db, tall);
  const g = await db.ledgerGrant.findFirstOrThrow({ where: { partnerId: tall, status: "active", merchant: { slug: "fjord-kaffe" } }, select: { id: true, merchantId: true, ledger: { select: { externalId: true } } } });
  missingGrant = { id: g.id, ledgerExternalId: g.ledger.externalId, merchantId: g.merchantId };
  const granted = new Set((await db.ledgerGrant.findMany({ where: { partnerId: tall, status: "active" }, select: { ledger: { select: { externalId: true } } } })).map((x) => x.ledger.externalId));
  const candidate = MERCHANTS.find((m) => m.slug === "fjord-kaffe")!.ledgers.map((l) => l.ledgerId).find((id) => !granted.has(id))!;
  const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId: candidate }, select: { externalId: true, merchantId: true } });
  extraLedger = ledger;
  // Start from no open findings for the partner.
  await reconcilePartner(tall);
});

afterAll(async () => {
  await sandboxAdmin(sandbox, "PUT", "drift", { partnerOrgNo: TALL_ORG, extraLedgerIds: [], missingLedgerIds: [] });
  await stopQueue();
  await sandbox.stop();
});

describe("reconciliation (A2) against the sandbox", () => {
  it("finds nothing while upstream matches the grants", async () => {
    expect(await openFor(tall)).toEqual([]);
  });

  it("with the sandbox's drift switch on, finds both kinds, audited; skips suspended partners", async () => {
    await sandboxAdmin(sandbox, "PUT", "drift", { partnerOrgNo: TALL_ORG, extraLedgerIds: [extraLedger.externalId], missingLedgerIds: [missingGrant.ledgerExternalId] });
    const { runId, outcomes } = await runReconciliation({ trigger: "test" });
    const suspended = await db.accountingPartner.findMany({ where: { status: { not: "approved" } }, select: { id: true } });
    expect(outcomes.map((o) => o.partnerId)).toContain(tall);
    for (const s of suspended) expect(outcomes.map((o) => o.partnerId)).not.toContain(s.id);
    expect(outcomes.find((o) => o.partnerId === tall)).toMatchObject({ status: "checked", opened: 2, resolved: 0, open: 2 });
    expect(await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ trigger: "test", finishedAt: expect.any(Date) });

    const open = await openFor(tall);
    expect(open).toHaveLength(2);
    expect(open[0]).toMatchObject({ kind: "upstream_only", ledgerExternalId: extraLedger.externalId, merchantId: extraLedger.merchantId, grantId: null });
    expect(open[1]).toMatchObject({ kind: "portal_only", ledgerExternalId: missingGrant.ledgerExternalId, merchantId: missingGrant.merchantId, grantId: missingGrant.id });
    for (const f of open) {
      expect(await db.auditEvent.count({ where: { action: "reconciliation.finding-opened", targetId: f.id, partnerId: tall } })).toBe(1);
    }
    expect(await outOfSyncGrantIds([missingGrant.id])).toEqual(new Set([missingGrant.id]));
    // The merchant concerned sees both; the admin page lists them under its filters.
    const kari = await merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe");
    expect((await openFindingsForMerchant(kari)).map((f) => f.kind).sort()).toEqual(["portal_only", "upstream_only"]);
    // Another merchant sees none of them.
    expect(await openFindingsForMerchant(await merchantContextFor("freja@hygge.example", "hygge-bageri"))).toEqual([]);
    expect((await listFindings({ state: "open", partnerId: tall, kind: "portal_only" })).rows.map((r) => r.id)).toEqual([open[1]!.id]);
    expect((await listFindings({ state: "resolved", partnerId: tall })).rows.filter((r) => open.some((o) => o.id === r.id))).toEqual([]);
  });

  it("a re-run moves last seen and opens nothing new", async () => {
    const before = await openFor(tall);
    const events = await db.auditEvent.count();
    await new Promise((r) => setTimeout(r, 5));
    expect(await reconcilePartner(tall)).toMatchObject({ status: "checked", opened: 0, resolved: 0, open: 2 });
    const after = await openFor(tall);
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    for (const [i, f] of after.entries()) {
      expect(f.firstSeenAt).toEqual(before[i]!.firstSeenAt);
      expect(f.lastSeenAt.getTime()).toBeGreaterThan(before[i]!.lastSeenAt.getTime());
    }
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("a failed look upstream resolves nothing", async () => {
    expect(await reconcilePartner(tall, async () => { throw new Error("upstream down"); })).toMatchObject({ status: "failed" });
    expect(await openFor(tall)).toHaveLength(2);
  });

  it("with drift off, the next run resolves both (audited)", async () => {
    const open = await openFor(tall);
    await sandboxAdmin(sandbox, "PUT", "drift", { partnerOrgNo: TALL_ORG, extraLedgerIds: [], missingLedgerIds: [] });
    expect(await reconcilePartner(tall)).toMatchObject({ status: "checked", opened: 0, resolved: 2, open: 0 });
    expect(await openFor(tall)).toEqual([]);
    for (const f of open) {
      expect((await db.reconciliationFinding.findUniqueOrThrow({ where: { id: f.id } })).resolvedAt).toBeInstanceOf(Date);
      expect(await db.auditEvent.count({ where: { action: "reconciliation.finding-resolved", targetId: f.id } })).toBe(1);
    }
    expect(await outOfSyncGrantIds([missingGrant.id])).toEqual(new Set());
    expect((await listFindings({ state: "resolved", partnerId: tall })).rows.map((r) => r.id).sort()).toEqual(expect.arrayContaining(open.map((f) => f.id)));
  });
});

describe("Check now", () => {
  it("refuses merchants, partners and forged admin cookies with not found, and changes nothing", async () => {
    const runs = await db.reconciliationRun.count();
    const events = await db.auditEvent.count();
    await signInAs("kari@fjordkaffe.example", (o) => `m:${o.merchant}`);
    expect(await checkReconciliationNowAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await signInAs("per@tallbalanse.example", (o) => `p:${o.partner}`);
    expect(await checkReconciliationNowAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    await signInAs("per@tallbalanse.example", () => "admin");
    expect(await checkReconciliationNowAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    Object.assign(session, { userId: null, activeOrg: null });
    expect(await checkReconciliationNowAction({})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    expect(await db.reconciliationRun.count()).toBe(runs);
    expect(await db.auditEvent.count()).toBe(events);
  });

  it("lets a platform admin queue a run (audited), and reuses a run under way", async () => {
    await signInAs("admin@portal.example", () => "admin");
    // Other suites (the hostile-input one) may have queued a run that no worker took here: close those first.
    await db.reconciliationRun.updateMany({ where: { finishedAt: null }, data: { finishedAt: new Date() } });
    const first = await checkReconciliationNowAction({});
    expect(first).toMatchObject({ ok: true, data: { alreadyRunning: false } });
    const runId = first.ok ? first.data.runId : "";
    expect(await db.auditEvent.count({ where: { action: "reconciliation.check-requested", targetId: runId } })).toBe(1);
    const jobs = await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'reconciliation.run' AND data->>'runId' = ${runId}`;
    expect(Number(jobs[0]?.n)).toBe(1);
    expect(await checkReconciliationNowAction({})).toMatchObject({ ok: true, data: { runId, alreadyRunning: true } });
    // The queued job does the work when a worker takes it (here: by hand).
    await runReconciliation({ runId });
    expect((await db.reconciliationRun.findUniqueOrThrow({ where: { id: runId } })).finishedAt).toBeInstanceOf(Date);
    expect(await checkReconciliationNowAction({ extra: "field" })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
  });
});
