import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/server/env";

/**
 * In sandbox mode the portal tells the sandbox which ledgers each partner's keys may read, so upstream shows
 * exactly what was granted here (as the real API will once it takes grants from the portal). Replaces the
 * partner's whole upstream grant set and sets its status: idempotent, and safe to repeat after a failure.
 */
export async function pushPartnerGrantsToSandbox(db: PrismaClient, partnerId: string): Promise<void> {
  const e = env();
  if (e.REPORT_API_MODE !== "sandbox" || !e.SANDBOX_ADMIN_SECRET) return;
  const partner = await db.accountingPartner.findUniqueOrThrow({ where: { id: partnerId }, select: { orgNo: true, status: true } });
  const grants = await db.ledgerGrant.findMany({
    where: { partnerId, status: "active" },
    select: { includesPersonalData: true, ledger: { select: { externalId: true } } },
  });
  // A suspended partner reads nothing, upstream included.
  const ledgers = partner.status === "suspended" ? [] : grants.map((g) => ({ ledgerId: g.ledger.externalId, includesPersonalData: g.includesPersonalData }));
  const res = await fetch(`${e.REPORT_API_BASE_URL}/sandbox/admin/grants/${encodeURIComponent(partner.orgNo)}`, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": e.SANDBOX_ADMIN_SECRET },
    body: JSON.stringify({ ledgers }),
    signal: AbortSignal.timeout(5000),
  });
  if (!res.ok) throw new Error(`The sandbox refused the grant push for partner ${partner.orgNo} (HTTP ${res.status})`);
  // The partner's status too (A4), so /sandbox/credentials marks a suspended partner's keys and the token
  // endpoint refuses them, as upstream would once the firm is suspended. 404: a partner the sandbox's world
  // does not know (no demo keys): nothing to tell.
  const status = await fetch(`${e.REPORT_API_BASE_URL}/sandbox/admin/partners/${encodeURIComponent(partner.orgNo)}/status`, {
    method: "PUT",
    headers: { "content-type": "application/json", "x-sandbox-admin-secret": e.SANDBOX_ADMIN_SECRET },
    body: JSON.stringify({ status: partner.status }),
    signal: AbortSignal.timeout(5000),
  });
  if (!status.ok && status.status !== 404) throw new Error(`The sandbox refused the status push for partner ${partner.orgNo} (HTTP ${status.status})`);
}

export async function pushAllGrantsToSandbox(db: PrismaClient): Promise<number> {
  const partners = await db.accountingPartner.findMany({ select: { id: true } });
  for (const p of partners) await pushPartnerGrantsToSandbox(db, p.id);
  return partners.length;
}
