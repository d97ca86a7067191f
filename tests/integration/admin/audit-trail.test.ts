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
    expect((await exportAudit()).status).toBe(404);
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

  it("exports every event as CSV to an admin", async () => {
    await signInAs("admin@portal.example", () => "admin");
    const res = await exportAudit();
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("id,at,actor,action,targetType,targetId,merchantId,partnerId,hash,before,after");
    expect(lines.length - 1).toBe(await db.auditEvent.count());
  });
});
