import "server-only";
import { db } from "@/lib/server/db";
import { dbDateToLedgerDate, todayPortalDate } from "@/lib/dates";
import { grantDisplayStatus } from "@/lib/grants/grant-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { requestAccess } from "@/lib/server/access-requests/load-request";
import { requireMerchantCan, requirePartnerCan } from "@/lib/server/authz/require";
import { ledgerScopeWhere } from "@/lib/server/authz/merchant-scope";
import { requestDisplayStatus, type RequestDisplayStatus } from "@/lib/lifecycle/request-status";
import type { RequestView, PartnerRequestView, LedgerChoice, MerchantRequestView } from "@/lib/access-requests/types";

export const REQUEST_SELECT = {
  id: true,
  status: true,
  createdAt: true,
  expiresAt: true,
  decidedAt: true,
  periodFrom: true,
  periodTo: true,
  includesPersonalData: true,
  purpose: true,
  partnerId: true,
  requestedBy: { select: { name: true, email: true } },
  decidedBy: { select: { name: true, email: true } },
  merchant: { select: { name: true, orgNo: true } },
  partner: { select: { id: true, name: true, orgNo: true, status: true } },
  salesUnits: { select: { salesUnit: { select: { id: true, msn: true, name: true, ledgerId: true, ledger: { select: { externalId: true } } } } } },
  grants: {
    orderBy: { ledger: { externalId: "asc" } },
    select: { id: true, status: true, periodFrom: true, periodTo: true, includesPersonalData: true, validUntil: true, ledger: { select: { externalId: true } } },
  },
} as const satisfies Prisma.AccessRequestSelect;

const SELECT = REQUEST_SELECT;
export type MerchantRequestRow = Prisma.AccessRequestGetPayload<{ select: typeof REQUEST_SELECT }>;
type Row = MerchantRequestRow;
const day = (d: Date | null) => (d ? dbDateToLedgerDate(d) : null);

export function toView(r: Row, now: Date): RequestView {
  const today = todayPortalDate(now);
  return {
    id: r.id,
    status: requestDisplayStatus(r, now),
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    decidedBy: r.decidedBy ? (r.decidedBy.name ?? r.decidedBy.email) : null,
    requestedBy: r.requestedBy ? { name: r.requestedBy.name ?? r.requestedBy.email, email: r.requestedBy.email } : null,
    periodFrom: day(r.periodFrom),
    periodTo: day(r.periodTo),
    includesPersonalData: r.includesPersonalData,
    purpose: r.purpose,
    salesUnits: r.salesUnits
      .map((s) => ({ id: s.salesUnit.id, msn: s.salesUnit.msn, name: s.salesUnit.name, ledgerExternalId: s.salesUnit.ledger?.externalId ?? null }))
      .sort((a, b) => a.msn.localeCompare(b.msn)),
    grants: r.grants.map((g) => {
      const validUntil = day(g.validUntil);
      return {
        grantId: g.id,
        ledgerExternalId: g.ledger.externalId,
        status: grantDisplayStatus({ status: g.status, validUntil }, today),
        periodFrom: day(g.periodFrom),
        periodTo: day(g.periodTo),
        includesPersonalData: g.includesPersonalData,
        validUntil,
      };
    }),
  };
}

/** Open requests first (soonest to expire first), then the decided ones, newest first. */
function byOpenFirst<T extends Pick<RequestView, "status" | "expiresAt" | "createdAt">>(a: T, b: T): number {
  const open = (v: T) => (v.status === "pending" ? 0 : 1);
  if (open(a) !== open(b)) return open(a) - open(b);
  return open(a) === 0 ? a.expiresAt.localeCompare(b.expiresAt) : b.createdAt.localeCompare(a.createdAt);
}

export const PARTNER_SELECT = {
  submissionId: true,
  requestedMsns: true,
  requestedOrgNo: true,
  ...SELECT,
} as const satisfies Prisma.AccessRequestSelect;

/**
 * A submission's status from its merchants' answers, without telling how many merchants it reached: withdrawn
 * by the partner; accepted once any merchant accepted; declined once any declined; otherwise pending until it
 * expires. A submission that reached nobody stays pending and then expires, like one a merchant ignores.
 */
function submissionStatus(views: RequestView[]): { status: RequestDisplayStatus; decidedAt: string | null } {
  const first = (status: RequestDisplayStatus) => views.find((v) => v.status === status);
  for (const status of ["withdrawn", "approved", "declined"] as const) {
    const v = first(status);
    if (v) return { status, decidedAt: v.decidedAt };
  }
  return { status: views.some((v) => v.status === "pending") ? "pending" : "expired", decidedAt: null };
}

/** P7: this partner's requests (owners only: requests.write). Tenant rule: partnerId from the context. */
export async function listRequestsForPartner(ctx: PartnerContext, now: Date = new Date()): Promise<PartnerRequestView[]> {
  requirePartnerCan(ctx, "requests.write");
  const rows = await db.accessRequest.findMany({ where: { partnerId: ctx.partnerId }, select: PARTNER_SELECT, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 400 });
  return toPartnerViews(rows, now).sort(byOpenFirst);
}

/** The partner's rows (newest first) grouped into submissions, in the order of their first row. */
export function toPartnerViews(rows: Prisma.AccessRequestGetPayload<{ select: typeof PARTNER_SELECT }>[], now: Date): PartnerRequestView[] {
  const bySubmission = new Map<string, typeof rows>();
  for (const r of rows) bySubmission.set(r.submissionId, [...(bySubmission.get(r.submissionId) ?? []), r]);
  return [...bySubmission.entries()]
    .map(([submissionId, group]): PartnerRequestView => {
      const r = group[0]!;
      const views = group.map((g) => toView(g, now));
      const head = views[0]!;
      return {
        id: submissionId,
        ...submissionStatus(views),
        createdAt: head.createdAt,
        expiresAt: head.expiresAt,
        requestedBy: head.requestedBy,
        periodFrom: head.periodFrom,
        periodTo: head.periodTo,
        includesPersonalData: head.includesPersonalData,
        purpose: head.purpose,
        requestedMsns: r.requestedMsns,
        requestedOrgNo: r.requestedOrgNo,
        accepted: group.flatMap((g, i) => {
          const v = views[i]!;
          return v.status === "approved" && g.merchant ? [{ merchant: g.merchant, decidedAt: v.decidedAt, decidedBy: v.decidedBy, grants: v.grants }] : [];
        }),
      };
    });
}

/**
 * M4: this merchant's requests the user may see (managers: those naming one of their sales units, and those
 * by org. number), with the ledgers the decider can choose from. Tenant rule: merchantId from the context.
 */
export async function listRequestsForMerchant(ctx: MerchantContext, now: Date = new Date()): Promise<MerchantRequestView[]> {
  requireMerchantCan(ctx, "partners.read");
  const rows = await db.accessRequest.findMany({ where: { merchantId: ctx.merchantId }, select: SELECT, orderBy: { createdAt: "desc" }, take: 200 });
  const visible = rows.filter((r) => requestAccess(ctx, r.salesUnits.map((s) => s.salesUnit.id)) !== "hidden");
  return (await toMerchantViews(ctx, visible, now)).sort(byOpenFirst);
}

/**
 * Rows the user may see, as the merchant's views: the ledgers the decider can choose from (open requests only)
 * and the four-eyes hint. Three statements whatever the number of rows (the page's open partners' live grants,
 * the merchant's ledgers), so a page of rows costs the same at any size of the merchant's request history.
 */
export async function toMerchantViews(ctx: MerchantContext, rows: MerchantRequestRow[], now: Date): Promise<MerchantRequestView[]> {
  const visible = rows.map((r) => ({ row: r, access: requestAccess(ctx, r.salesUnits.map((s) => s.salesUnit.id)) }));
  const openPartnerIds = [...new Set(visible.filter((x) => requestDisplayStatus(x.row, now) === "pending").map((x) => x.row.partnerId))];
  const [ledgers, live, allLedgers] = await Promise.all([
    db.ledger.findMany({
      where: ledgerScopeWhere(ctx),
      orderBy: { externalId: "asc" },
      select: { id: true, externalId: true, currency: true, salesUnits: { select: { id: true, msn: true, name: true }, orderBy: { name: "asc" } } },
    }),
    db.ledgerGrant.findMany({
      where: { merchantId: ctx.merchantId, partnerId: { in: openPartnerIds }, status: { in: ["active", "pending_approval"] } },
      select: { partnerId: true, ledgerId: true },
    }),
    db.ledger.findMany({ where: { merchantId: ctx.merchantId }, select: { id: true } }),
  ]);
  const held = new Set(live.map((g) => `${g.partnerId}:${g.ledgerId}`));
  return visible.map(({ row, access }) => {
    const view = toView(row, now);
    const requestedLedgerIds = new Set(row.salesUnits.map((s) => s.salesUnit.ledgerId).filter((id): id is string => id !== null));
    const choices: LedgerChoice[] =
      view.status !== "pending"
        ? []
        : ledgers
            .filter((l) => requestedLedgerIds.size === 0 || requestedLedgerIds.has(l.id))
            .map((l) => ({
              id: l.id,
              externalId: l.externalId,
              currency: l.currency,
              salesUnits: l.salesUnits.map(({ msn, name }) => ({ msn, name })),
              alreadyGranted: held.has(`${row.partnerId}:${l.id}`),
              grantable: ledgerAccess(ctx, l.salesUnits.map((s) => s.id)) === "grantable",
            }));
    const notHeldLedgerIds = allLedgers.length < 2 ? null : allLedgers.map((l) => l.id).filter((id) => !held.has(`${row.partnerId}:${id}`));
    return { ...view, partner: row.partner, decidable: access === "decidable" && merchantCan(ctx.role, "requests.decide"), ledgerChoices: choices, notHeldLedgerIds };
  });
}
