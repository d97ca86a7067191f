import "server-only";
import { todayPortalDate } from "@/lib/dates";
import { coversAllLedgers, fourEyesReasons, type FourEyesReason } from "@/lib/grants/four-eyes";
import { grantDisplayStatus, type GrantDisplayStatus } from "@/lib/grants/grant-status";
import { isUuid } from "@/lib/ids";
import { db } from "@/lib/server/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toKeysetPage, type KeysetPage, type ListQuery } from "@/lib/paging/keyset";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { GRANT_SELECT, LIVE_STATUSES, toGrantDto, type GrantActor, type GrantDto } from "@/lib/server/grants/grant-record";
import type { SalesUnitSummary, GrantHistoryEntry, GrantableLedger } from "@/lib/grants/types";

export interface GrantDetail extends GrantDto {
  displayStatus: GrantDisplayStatus;
  partner: { id: string; name: string; orgNo: string; country: string; status: "pending" | "approved" | "suspended" };
  ledger: { id: string; externalId: string; currency: string; salesUnits: SalesUnitSummary[] };
  grantedBy: string | null;
  approvedBy: string | null;
  revokedBy: string | null;
  consentText: string | null;
  createdAt: string;
  updatedAt: string;
  lastUsedAt: string | null;
  fourEyesReasons: FourEyesReason[];
  /** The partner holds a live grant on every ledger of the merchant (the "every ledger" four-eyes reason). */
  holdsEveryLedger: boolean;
  /** What this user may do with it, so the page shows only the buttons that will work. */
  can: { change: boolean; revoke: boolean; approve: boolean; decline: boolean };
  isOwnRequest: boolean;
}

const person = (u: { name: string | null; email: string } | null) => (u ? (u.name ?? u.email) : null);

/**
 * One grant of the user's merchant with everything its page shows, or null (→ 404) for a grant of another
 * merchant, a grant on a ledger outside a manager's sales units, or a malformed id.
 */
export async function getGrantDetail(actor: GrantActor, grantId: string): Promise<GrantDetail | null> {
  if (!isUuid(grantId)) return null;
  const row = await db.ledgerGrant.findFirst({
    where: { id: grantId, merchantId: actor.merchantId },
    select: {
      ...GRANT_SELECT,
      consentText: true,
      createdAt: true,
      updatedAt: true,
      lastUsedAt: true,
      partner: { select: { id: true, name: true, orgNo: true, country: true, status: true } },
      ledger: { select: { id: true, externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true, channel: true }, orderBy: { name: "asc" } } } },
      grantedBy: { select: { name: true, email: true } },
      approvedBy: { select: { name: true, email: true } },
      revokedBy: { select: { name: true, email: true } },
    },
  });
  if (!row) return null;
  const access = ledgerAccess(actor, row.ledger.salesUnits.map((s) => s.id));
  if (access === "hidden") return null;
  const { partner, ledger, grantedBy, approvedBy, revokedBy, consentText, createdAt, updatedAt, lastUsedAt, ...rest } = row;
  const grant = toGrantDto(rest);
  const live = grant.status === "active" || grant.status === "pending_approval";
  const pending = grant.status === "pending_approval";
  const isOwnRequest = grant.grantedById === actor.user.id;
  const isApprover = merchantCan(actor.role, "grants.approve");
  return {
    ...grant,
    displayStatus: grantDisplayStatus({ status: grant.status, validUntil: grant.validUntil }, todayPortalDate()),
    partner,
    ledger,
    grantedBy: person(grantedBy),
    approvedBy: person(approvedBy),
    revokedBy: person(revokedBy),
    consentText,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
    lastUsedAt: lastUsedAt?.toISOString() ?? null,
    ...(await reasonsFor(actor.merchantId, grant, pending)),
    can: {
      change: live && access === "grantable",
      revoke: live && access === "grantable",
      approve: pending && isApprover && !isOwnRequest,
      decline: pending && isApprover && !isOwnRequest,
    },
    isOwnRequest,
  };
}

/** The grant's audit trail, newest first (every change, with who, when, before and after). */
export async function listGrantHistory(actor: GrantActor, grantId: string): Promise<GrantHistoryEntry[]> {
  if (!isUuid(grantId)) return [];
  const events = await db.auditEvent.findMany({
    where: { targetType: "LedgerGrant", targetId: grantId, merchantId: actor.merchantId },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, at: true, action: true, actorLabel: true, before: true, after: true },
  });
  return events.map((e) => ({
    id: e.id.toString(),
    at: e.at.toISOString(),
    action: e.action,
    actorLabel: e.actorLabel,
    before: isRecord(e.before) ? e.before : null,
    after: isRecord(e.after) ? e.after : null,
  }));
}

export interface PendingApproval {
  id: string;
  partner: { name: string; orgNo: string };
  ledger: { externalId: string; currency: string; salesUnits: SalesUnitSummary[] };
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  validUntil: string | null;
  requestedBy: string | null;
  requestedAt: string;
  isOwnRequest: boolean;
  canDecide: boolean;
  fourEyesReasons: FourEyesReason[];
}

/** Approvals listed at most (oldest first); countPendingApprovals counts them all. */
export const APPROVALS_LIST_MAX = 50;

/** Pending grants the actor may see: a manager, those on a ledger that settles one of their sales units. */
function pendingWhere(actor: GrantActor) {
  return {
    merchantId: actor.merchantId,
    status: "pending_approval" as const,
    ...(actor.salesUnitScope === "all" ? {} : { ledger: { salesUnits: { some: { id: { in: actor.salesUnitScope } } } } }),
  };
}

/** How many grants wait for approval that this actor may see (counted in SQL). */
export async function countPendingApprovals(actor: GrantActor): Promise<number> {
  return db.ledgerGrant.count({ where: pendingWhere(actor) });
}

/**
 * M5: grants of the user's merchant waiting for a second admin (managers: on their sales units only), the
 * oldest APPROVALS_LIST_MAX of them.
 */
export async function listPendingApprovals(actor: GrantActor): Promise<PendingApproval[]> {
  return (await listPendingApprovalsPage(actor, { q: "", cursor: null, direction: "next", size: APPROVALS_LIST_MAX })).items;
}

/** Cursor key length of the approvals list: (updatedAt, id). */
export const APPROVALS_CURSOR_PARTS = 2;

/**
 * M5 at any size: one keyset page of the grants waiting for a second admin (oldest first, then id), searched
 * by partner name, org. number or ledger number on the server, counted in SQL. The page's statements do not
 * grow with the queue: the page, its count, and the four-eyes reasons of the page's rows.
 */
export async function listPendingApprovalsPage(actor: GrantActor, query: ListQuery): Promise<KeysetPage<PendingApproval>> {
  const cursor = query.cursor && isUuid(query.cursor[1] ?? "") && !Number.isNaN(Date.parse(query.cursor[0] ?? "")) ? query.cursor : null;
  const q = query.q;
  const where: Prisma.LedgerGrantWhereInput = {
    ...pendingWhere(actor),
    ...(q
      ? { OR: [{ partner: { name: { contains: q, mode: "insensitive" } } }, { partner: { orgNo: { startsWith: q.replace(/\s/g, "") } } }, { ledger: { externalId: { startsWith: q } } }] }
      : {}),
  };
  // Keyset on (updatedAt, id): "after" reads greater keys in display order, "before" the mirror.
  const forward = !cursor || query.direction === "next";
  const cmp = forward ? "gt" : "lt";
  const keyset: Prisma.LedgerGrantWhereInput = cursor
    ? { OR: [{ updatedAt: { [cmp]: new Date(cursor[0]!) } }, { updatedAt: new Date(cursor[0]!), id: { [cmp]: cursor[1]! } }] }
    : {};
  const dir = forward ? "asc" : "desc";
  const [rows, total] = await Promise.all([
    db.ledgerGrant.findMany({
      where: { AND: [where, keyset] },
      orderBy: [{ updatedAt: dir }, { id: dir }],
      take: query.size + 1,
      select: {
        ...GRANT_SELECT,
        updatedAt: true,
        partner: { select: { name: true, orgNo: true } },
        ledger: { select: { externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true, channel: true }, orderBy: { name: "asc" } } } },
        grantedBy: { select: { name: true, email: true } },
      },
    }),
    db.ledgerGrant.count({ where }),
  ]);
  const page = toKeysetPage(rows, { ...query, cursor }, (r) => [r.updatedAt.toISOString(), r.id], total);
  const isApprover = merchantCan(actor.role, "grants.approve");
  const visible = page.items.filter((r) => ledgerAccess(actor, r.ledger.salesUnits.map((s) => s.id)) !== "hidden");
  // The four-eyes reasons need, per partner, whether its live grants cover every ledger: one read for the page.
  const holdsAll = await holdsEveryLedgerByPartner(actor.merchantId, visible.map((r) => r.partnerId));
  const items = visible.map((r) => {
    const { partner, ledger, grantedBy, updatedAt, ...rest } = r;
    const g = toGrantDto(rest);
    return {
      id: g.id,
      partner,
      ledger,
      periodFrom: g.periodFrom,
      periodTo: g.periodTo,
      includesPersonalData: g.includesPersonalData,
      validUntil: g.validUntil,
      requestedBy: person(grantedBy),
      requestedAt: updatedAt.toISOString(),
      isOwnRequest: g.grantedById === actor.user.id,
      canDecide: isApprover && g.grantedById !== actor.user.id,
      fourEyesReasons: fourEyesReasons({ ...g, coversAllLedgers: holdsAll.get(g.partnerId) ?? false }),
    };
  });
  return { ...page, items };
}


/**
 * Whether each partner's live grants at one merchant cover every ledger it has (the four-eyes "every ledger"
 * reason), in two queries whatever the number of partners: a page of approvals asked it per row, two queries
 * each (50 of the page's 68 queries at 25 rows).
 */
async function holdsEveryLedgerByPartner(merchantId: string, partnerIds: string[]): Promise<Map<string, boolean>> {
  const unique = [...new Set(partnerIds)];
  if (unique.length === 0) return new Map();
  const [ledgers, held] = await Promise.all([
    db.ledger.findMany({ where: { merchantId }, select: { id: true } }),
    db.ledgerGrant.findMany({ where: { merchantId, partnerId: { in: unique }, status: { in: [...LIVE_STATUSES] } }, select: { partnerId: true, ledgerId: true } }),
  ]);
  const ids = ledgers.map((l) => l.id);
  return new Map(unique.map((p) => [p, coversAllLedgers(ids, held.filter((h) => h.partnerId === p).map((h) => h.ledgerId))]));
}

async function reasonsFor(merchantId: string, g: GrantDto, pending: boolean): Promise<{ fourEyesReasons: FourEyesReason[]; holdsEveryLedger: boolean }> {
  const all = (await holdsEveryLedgerByPartner(merchantId, [g.partnerId])).get(g.partnerId) ?? false;
  return { fourEyesReasons: pending ? fourEyesReasons({ ...g, coversAllLedgers: all }) : [], holdsEveryLedger: all };
}

/** The ledgers the add-partner form offers: every ledger of the merchant the user can see, with its sales units. */
export async function listLedgersForGrantForm(actor: GrantActor): Promise<GrantableLedger[]> {
  const ledgers = await db.ledger.findMany({
    where: { merchantId: actor.merchantId },
    orderBy: { externalId: "asc" },
    select: { id: true, externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true, channel: true }, orderBy: { name: "asc" } } },
  });
  return ledgers
    .map((l) => ({ ...l, access: ledgerAccess(actor, l.salesUnits.map((s) => s.id)) }))
    .filter((l) => l.access !== "hidden");
}

/** How many ledgers the merchant has (the form's hint for the "every ledger" four-eyes reason). */
export async function countMerchantLedgers(actor: GrantActor): Promise<number> {
  return db.ledger.count({ where: { merchantId: actor.merchantId } });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
