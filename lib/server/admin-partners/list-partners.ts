import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PartnerStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/server/db";

/** A4: one partner in the directory, with its counts computed in SQL. Platform admins only (the caller checks). */
export interface DirectoryRow {
  id: string;
  name: string;
  orgNo: string;
  country: string;
  status: PartnerStatus;
  approvedAt: string | null;
  createdAt: string;
  staff: number;
  /** Live grants (active or waiting for approval) it holds, and the merchants they belong to. */
  liveGrants: number;
  merchants: number;
  keysStored: boolean;
  /** A suspended partner's reason, from its latest status event in the audit trail. */
  suspendReason: string | null;
}

export const PARTNER_STATUSES = ["pending", "approved", "suspended"] as const satisfies readonly PartnerStatus[];
/** 25 partners a page (decision 041: the rows are most of the page's cost). */
export const PARTNER_PAGE_SIZE = 25;

export interface PartnerListQuery {
  status?: PartnerStatus;
  /** A name (contains, any case) or an organisation number (exact, spaces ignored). */
  q?: string;
  /** Keyset: the last row of the previous page, ordered by name then id. */
  after?: { name: string; id: string };
  size?: number;
}

export function parsePartnerListQuery(params: Record<string, string | string[] | undefined>): PartnerListQuery {
  const one = (k: string) => {
    const v = params[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const out: PartnerListQuery = {};
  const status = one("status");
  if (status && (PARTNER_STATUSES as readonly string[]).includes(status)) out.status = status as PartnerStatus;
  const q = one("q")?.trim();
  if (q && q.length <= 100 && !/[\u0000-\u001f\u007f]/.test(q)) out.q = q;
  const after = one("after");
  if (after && after.length <= 400) {
    try {
      const parsed = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as unknown;
      if (Array.isArray(parsed) && typeof parsed[0] === "string" && typeof parsed[1] === "string" && /^[0-9a-f-]{36}$/.test(parsed[1])) out.after = { name: parsed[0], id: parsed[1] };
    } catch {
      // an unreadable cursor shows the first page
    }
  }
  return out;
}

export const encodePartnerCursor = (c: { name: string; id: string }) => Buffer.from(JSON.stringify([c.name, c.id]), "utf8").toString("base64url");

function whereSql(q: PartnerListQuery, withStatus: boolean): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (withStatus && q.status) parts.push(Prisma.sql`p.status = ${q.status}::"PartnerStatus"`);
  if (q.q) {
    const digits = q.q.replace(/[\s.\-]/g, "");
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(Prisma.sql`(p.name ILIKE ${like} OR p."orgNo" = ${digits})`);
  }
  return parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`;
}

/**
 * One page of partners by name, with staff, live grants, merchants, whether keys are stored and a suspended
 * partner's reason (its latest event in the audit trail, by AuditEvent_target_idx; one statement, not one per row).
 */
export async function listPartners(q: PartnerListQuery): Promise<{ rows: DirectoryRow[]; next: { name: string; id: string } | null }> {
  const size = Math.min(q.size ?? PARTNER_PAGE_SIZE, 200);
  const after = q.after ? Prisma.sql`(p.name, p.id) > (${q.after.name}, ${q.after.id}::uuid)` : Prisma.sql`TRUE`;
  const rows = await db.$queryRaw<
    { id: string; name: string; org_no: string; country: string; status: PartnerStatus; approved_at: Date | null; created_at: Date; staff: number; live_grants: number; merchants: number; keys_stored: boolean; suspend_reason: string | null }[]
  >`
    SELECT p.id::text AS id, p.name, p."orgNo" AS org_no, p.country::text AS country, p.status, p."approvedAt" AS approved_at, p."createdAt" AS created_at,
      (SELECT count(*) FROM "PartnerMembership" pm WHERE pm."partnerId" = p.id)::int AS staff,
      (SELECT count(*) FROM "LedgerGrant" g WHERE g."partnerId" = p.id AND g.status IN ('active', 'pending_approval'))::int AS live_grants,
      (SELECT count(DISTINCT g."merchantId") FROM "LedgerGrant" g WHERE g."partnerId" = p.id AND g.status IN ('active', 'pending_approval'))::int AS merchants,
      EXISTS (SELECT 1 FROM "ApiCredential" c WHERE c."partnerId" = p.id) AS keys_stored,
      CASE WHEN p.status = 'suspended' THEN (
        SELECT CASE WHEN jsonb_typeof(e.after -> 'reason') = 'string' THEN e.after ->> 'reason' END FROM "AuditEvent" e
        WHERE e."targetType" = 'AccountingPartner' AND e."targetId" = p.id::text ORDER BY e.id DESC LIMIT 1) END AS suspend_reason
    FROM "AccountingPartner" p
    WHERE ${whereSql(q, true)} AND ${after}
    ORDER BY p.name, p.id
    LIMIT ${size + 1}`;
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    rows: page.map((r) => ({
      id: r.id, name: r.name, orgNo: r.org_no, country: r.country, status: r.status,
      approvedAt: r.approved_at ? r.approved_at.toISOString() : null, createdAt: r.created_at.toISOString(),
      staff: r.staff, liveGrants: r.live_grants, merchants: r.merchants, keysStored: r.keys_stored,
      suspendReason: r.suspend_reason,
    })),
    next: rows.length > size && last ? { name: last.name, id: last.id } : null,
  };
}

/** Partners by status (GROUP BY), following the search but not the status filter. */
export async function countPartnersByStatus(q: PartnerListQuery): Promise<Record<PartnerStatus, number>> {
  const rows = await db.$queryRaw<{ status: PartnerStatus; n: number }[]>`
    SELECT p.status, count(*)::int AS n FROM "AccountingPartner" p WHERE ${whereSql(q, false)} GROUP BY 1`;
  const out: Record<PartnerStatus, number> = { pending: 0, approved: 0, suspended: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}
