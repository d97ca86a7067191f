import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A4 against the demo world: the action wrapper, contexts, memberships and database are real; only the request
// plumbing (the session's user and the active-organisation cookie) is replaced. Every test leaves Tall & Balanse
// approved, as it found it.
const session = vi.hoisted(() => ({ userId: null as string | null, activeOrg: null as string | null }));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "portal-active-org" && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

// The audit append can be made to fail once, to show the status change rolls back with it (same transaction).
const failAudit = vi.hoisted(() => ({ next: false }));
vi.mock("@/lib/server/audit/append-audit-event", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/server/audit/append-audit-event")>();
  return {
    ...real,
    appendAuditEvent: async (...args: Parameters<typeof real.appendAuditEvent>) => {
      if (failAudit.next) {
        failAudit.next = false;
        throw new Error("audit append failed (test)");
      }
      return real.appendAuditEvent(...args);
    },
  };
});

const { db } = await import("@/lib/server/db");
const { approvePartnerAction, suspendPartnerAction, reactivatePartnerAction } = await import("@/lib/server/admin-partners/actions");
const { listPartners, countPartnersByStatus } = await import("@/lib/server/admin-partners/list-partners");
const { getPartnerLedgerAccess } = await import("@/lib/server/ledgers/access/ledger-access");
const { planLedgerSync } = await import("@/lib/server/ledgers/sync/sync-plan");
const { listOverviewPage } = await import("@/lib/server/admin-access/grant-overview");
const { todayPortalDate } = await import("@/lib/dates");
const { ensureDemoWorld, partnerContextFor } = await import("@/tests/support/test-db");

async function signInAs(email: string, org: "admin" | "merchant" | "partner") {
  const u = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, merchantMemberships: { select: { merchantId: true } }, partnerMemberships: { select: { partnerId: true } } } });
  const activeOrg = org === "admin" ? "admin" : org === "merchant" ? `m:${u.merchantMemberships[0]?.merchantId}` : `p:${u.partnerMemberships[0]?.partnerId}`;
  Object.assign(session, { userId: u.id, activeOrg });
}

let tallBalanse: { id: string; name: string };
let pendingId: string;
const per = () => partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
const snapshot = async () => ({
  status: (await db.accountingPartner.findUniqueOrThrow({ where: { id: tallBalanse.id }, select: { status: true } })).status,
  audit: await db.auditEvent.count(),
  notifications: await db.notification.count(),
});

beforeAll(async () => {
  await ensureDemoWorld();
  tallBalanse = await db.accountingPartner.findUniqueOrThrow({ where: { slug: "tall-og-balanse" }, select: { id: true, name: true } });
  pendingId = (await db.accountingPartner.create({ data: { slug: "ny-regnskap-test", name: "Ny Regnskap Test AS", orgNo: "911000111", country: "NO" }, select: { id: true } })).id;
});
afterAll(async () => {
  await db.accountingPartner.update({ where: { id: tallBalanse.id }, data: { status: "approved" } });
  await db.accountingPartner.delete({ where: { id: pendingId } });
});

describe("partner directory (A4)", () => {
  it("lists every partner with staff, live grants, merchants and keys counted in SQL, paged by name", async () => {
    const all = await db.accountingPartner.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], select: { id: true, _count: { select: { memberships: true } }, credentials: { select: { id: true } } } });
    const seen: string[] = [];
    let after: { name: string; id: string } | undefined;
    for (;;) {
      const page = await listPartners({ size: 2, ...(after ? { after } : {}) });
      for (const row of page.rows) {
        const expected = all.find((p) => p.id === row.id)!;
        expect(row.staff).toBe(expected._count.memberships);
        expect(row.keysStored).toBe(expected.credentials.length > 0);
        expect(row.liveGrants).toBe(await db.ledgerGrant.count({ where: { partnerId: row.id, status: { in: ["active", "pending_approval"] } } }));
        seen.push(row.id);
      }
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(all.map((p) => p.id));
    const counts = await countPartnersByStatus({ q: "tall" });
    expect(counts).toEqual({ pending: 0, approved: 1, suspended: 0 });
    expect((await listPartners({ q: "987 654 321" })).rows.map((r) => r.id)).toEqual([tallBalanse.id]);
  });

  it("refuses every step to anyone but a platform admin, and a refused call changes nothing", async () => {
    const before = await snapshot();
    for (const [email, org] of [["kari@fjordkaffe.example", "merchant"], ["per@tallbalanse.example", "partner"], ["per@tallbalanse.example", "admin"]] as const) {
      await signInAs(email, org);
      expect(await suspendPartnerAction({ partnerId: tallBalanse.id, reason: "not allowed" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      expect(await approvePartnerAction({ partnerId: pendingId })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    }
    Object.assign(session, { userId: null, activeOrg: null });
    expect(await reactivatePartnerAction({ partnerId: tallBalanse.id })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    // Even an admin: a step from the wrong status, a missing reason, an unknown id.
    await signInAs("admin@portal.example", "admin");
    expect(await reactivatePartnerAction({ partnerId: tallBalanse.id })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await suspendPartnerAction({ partnerId: tallBalanse.id, reason: " " })).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(await suspendPartnerAction({ partnerId: "00000000-0000-4000-8000-000000000000", reason: "gone" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await snapshot()).toEqual(before);
    expect((await db.accountingPartner.findUniqueOrThrow({ where: { id: pendingId } })).status).toBe("pending");
  });

  it("approves a pending partner, audited in the same transaction", async () => {
    await signInAs("admin@portal.example", "admin");
    // When the audit event cannot be written, the status does not change either.
    failAudit.next = true;
    expect(await approvePartnerAction({ partnerId: pendingId })).toMatchObject({ ok: false, error: { code: "INTERNAL" } });
    expect((await db.accountingPartner.findUniqueOrThrow({ where: { id: pendingId } })).status).toBe("pending");
    const audit = await db.auditEvent.count();
    expect(await approvePartnerAction({ partnerId: pendingId })).toMatchObject({ ok: true, data: { status: "approved" } });
    const p = await db.accountingPartner.findUniqueOrThrow({ where: { id: pendingId } });
    expect(p.status).toBe("approved");
    expect(p.approvedAt).not.toBeNull();
    const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(await db.auditEvent.count()).toBe(audit + 1);
    expect(event).toMatchObject({ action: "partner.approved", partnerId: pendingId, targetType: "AccountingPartner", targetId: pendingId, before: { status: "pending" }, after: { status: "approved" } });
  });

  it("suspends: audited with its reason, merchants told, its users read nothing and its jobs skip it; re-activation restores", async () => {
    const ledger = await db.ledger.findUniqueOrThrow({ where: { externalId: "302101" }, select: { id: true } });
    const today = todayPortalDate();
    const source = { kind: "partner" as const, partnerId: tallBalanse.id };
    expect(await getPartnerLedgerAccess(await per(), "302101")).not.toBeNull();
    expect(await planLedgerSync(ledger.id, today, source)).not.toBeNull();
    await signInAs("admin@portal.example", "admin");
    const kari = await db.user.findUniqueOrThrow({ where: { email: "kari@fjordkaffe.example" }, select: { id: true } });
    const kariBefore = await db.notification.count({ where: { userId: kari.id, kind: "partner.suspended" } });
    try {
      const result = await suspendPartnerAction({ partnerId: tallBalanse.id, reason: "Unpaid invoices since October" });
      expect(result).toMatchObject({ ok: true, data: { status: "suspended" } });
      expect(result.ok && result.data.merchantsTold).toBeGreaterThanOrEqual(2);
      const event = await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      expect(event).toMatchObject({ action: "partner.suspended", partnerId: tallBalanse.id, after: { status: "suspended", reason: "Unpaid invoices since October" } });
      // Fjord Kaffe's admin hears of it (Fjord Kaffe granted Tall & Balanse 302101).
      const notice = await db.notification.findFirstOrThrow({ where: { userId: kari.id, kind: "partner.suspended" }, orderBy: { createdAt: "desc" } });
      expect(await db.notification.count({ where: { userId: kari.id, kind: "partner.suspended" } })).toBe(kariBefore + 1);
      expect(notice.body).toContain("Unpaid invoices since October");
      // A fresh session of Per (the status comes from the database): nothing to read, and no sync with its keys.
      expect((await per()).partnerStatus).toBe("suspended");
      expect(await getPartnerLedgerAccess(await per(), "302101")).toBeNull();
      expect(await planLedgerSync(ledger.id, today, source)).toBeNull();
      const plan = await planLedgerSync(ledger.id, today);
      expect(plan?.source).not.toEqual(source);
      // The overview shows its grants as "partner suspended".
      const rows = (await listOverviewPage({ filters: { partnerId: tallBalanse.id }, sort: "newest", size: 50 })).rows;
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.every((r) => r.partner.status === "suspended")).toBe(true);
      // The directory's row carries the reason, read in the page's one statement.
      const directoryRow = async () => (await listPartners({ q: "987 654 321" })).rows[0];
      expect(await directoryRow()).toMatchObject({ status: "suspended", suspendReason: "Unpaid invoices since October" });

      expect(await reactivatePartnerAction({ partnerId: tallBalanse.id })).toMatchObject({ ok: true, data: { status: "approved" } });
      expect((await db.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).action).toBe("partner.reactivated");
      expect(await directoryRow()).toMatchObject({ status: "approved", suspendReason: null });
      expect(await getPartnerLedgerAccess(await per(), "302101")).not.toBeNull();
      expect(await planLedgerSync(ledger.id, today, source)).not.toBeNull();
    } finally {
      await db.accountingPartner.update({ where: { id: tallBalanse.id }, data: { status: "approved" } });
    }
  });
});
