import { beforeAll, describe, expect, it, vi } from "vitest";

// Only the request plumbing is replaced (the session's user id and the active-organisation cookie); the
// action wrapper, the contexts, the memberships and the database are real.
const session = vi.hoisted(() => ({ userId: null as string | null, activeOrg: null as string | null }));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (name === "portal-active-org" && session.activeOrg ? { name, value: session.activeOrg } : undefined), set: () => undefined, delete: () => undefined }),
  headers: async () => new Headers(),
}));

const { db } = await import("@/lib/server/db");
const { verifyAuditChainAction } = await import("@/lib/server/admin-audit/actions");
const { listAuditEvents } = await import("@/lib/server/admin-audit/list-audit-events");
const { GET: exportAudit } = await import("@/app/api/admin/audit/export/route");
const { ensureDemoWorld } = await import("@/tests/support/test-db");
const { auditHash, GENESIS_HASH } = await import("@/lib/server/audit/audit-hash");
const { parseAuditFilters } = await import("@/lib/admin-audit/filters");
const { parse } = await import("csv-parse/sync");

async function signInAs(email: string, activeOrg: (u: { merchant?: string; partner?: string }) => string) {
  const u = await db.user.findUniqueOrThrow({
    where: { email },
    select: { id: true, merchantMemberships: { select: { merchantId: true } }, partnerMemberships: { select: { partnerId: true } } },
  });
  Object.assign(session, { userId: u.id, activeOrg: activeOrg({ merchant: u.merchantMemberships[0]?.merchantId, partner: u.partnerMemberships[0]?.partnerId }) });
}

beforeAll(ensureDemoWorld);

describe("audit trail (A3)", () => {
  it("lets a platform admin verify the chain", async () => {
    await signInAs("admin@portal.example", () => "admin");
    const result = await verifyAuditChainAction({});
    expect(result).toMatchObject({ ok: true, data: { ok: true } });
    expect(result.ok && result.data.events).toBeGreaterThan(0);
  });

  it("answers not found to merchants and partners, and asks anonymous callers to sign in", async () => {
    await signInAs("kari@fjordkaffe.example", (o) => `m:${o.merchant}`);
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect((await exportAudit(new Request("http://localhost/api/admin/audit/export"))).status).toBe(404);
    await signInAs("per@tallbalanse.example", (o) => `p:${o.partner}`);
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    // A partner user who forges the admin cookie is still not an admin: membership decides, not the cookie.
    await signInAs("per@tallbalanse.example", () => "admin");
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    Object.assign(session, { userId: null, activeOrg: null });
    expect(await verifyAuditChainAction({})).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
  });

  it("pages newest first without gaps or repeats", async () => {
    const all = await db.auditEvent.count();
    const seen: string[] = [];
    let before: bigint | undefined;
    for (;;) {
      const page = await listAuditEvents({ beforeId: before, limit: 2 });
      seen.push(...page.rows.map((r) => r.id));
      if (!page.nextBeforeId) break;
      before = BigInt(page.nextBeforeId);
    }
    expect(seen).toHaveLength(all);
    expect(new Set(seen).size).toBe(all);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));
  });

  it("exports every event as CSV to an admin, every hashed field under its own name, re-verifiable from the file alone", async () => {
    await signInAs("admin@portal.example", () => "admin");
    const res = await exportAudit(new Request("http://localhost/api/admin/audit/export"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const records = parse(await res.text(), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(["id", "at", "actorUserId", "actorLabel", "action", "merchantId", "partnerId", "targetType", "targetId", "before", "after", "prevHash", "hash"]);
    expect(records).toHaveLength(await db.auditEvent.count());
    let prev = GENESIS_HASH;
    for (const r of records) {
      const unq = (v: string) => (v.startsWith("'") && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
      const orNull = (v: string) => (v === "" ? null : unq(v));
      expect(r.prevHash).toBe(prev);
      const recomputed = auditHash(prev, {
        at: new Date(r.at!), actorUserId: orNull(r.actorUserId!), actorLabel: unq(r.actorLabel!), action: r.action!, merchantId: orNull(r.merchantId!),
        partnerId: orNull(r.partnerId!), targetType: r.targetType!, targetId: unq(r.targetId!),
        before: r.before ? JSON.parse(r.before) : null, after: r.after ? JSON.parse(r.after) : null,
      });
      expect(recomputed, `event ${r.id}`).toBe(r.hash);
      prev = r.hash!;
    }
  });

  it("filters by event type, merchant, partner, actor and days, in the page and the export", async () => {
    const fjord = await db.merchant.findUniqueOrThrow({ where: { slug: "fjord-kaffe" }, select: { id: true } });
    const byType = await listAuditEvents({ action: "grant.created", limit: 500 });
    expect(byType.rows.length).toBe(await db.auditEvent.count({ where: { action: "grant.created" } }));
    expect(byType.rows.every((r) => r.action === "grant.created")).toBe(true);
    const byMerchant = await listAuditEvents({ merchantId: fjord.id, limit: 500 });
    expect(byMerchant.rows.length).toBe(await db.auditEvent.count({ where: { merchantId: fjord.id } }));
    expect(byMerchant.rows.length).toBeGreaterThan(0);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await listAuditEvents({ from: tomorrow })).rows).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents({ from: "2000-01-01", to: today, limit: 500 })).rows.length).toBe(Math.min(500, await db.auditEvent.count()));
    const kari = await listAuditEvents({ actor: "kari", limit: 500 });
    expect(kari.rows.every((r) => /kari/i.test(r.actor))).toBe(true);
    // Malformed parameters are ignored, never an error.
    expect(parseAuditFilters({ type: "'; drop", merchant: "x", from: "2026-02-31", before: "-1", actor: "a".repeat(101) })).toEqual({});
    expect(parseAuditFilters({ actor: "kari\u0000" })).toEqual({});
    await signInAs("admin@portal.example", () => "admin");
    const res = await exportAudit(new Request(`http://localhost/api/admin/audit/export?type=grant.created&merchant=${fjord.id}`));
    const records = parse(await res.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(records.length).toBe(await db.auditEvent.count({ where: { action: "grant.created", merchantId: fjord.id } }));
    expect(records.every((r) => r.action === "grant.created" && r.merchantId === fjord.id)).toBe(true);
  });
});
