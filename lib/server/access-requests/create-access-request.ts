import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayLedgerDate } from "@/lib/dates";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins } from "@/lib/server/notifications";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { actorOf, assertPartnerCan } from "@/lib/server/lifecycle/authz";
import { dateText } from "@/lib/server/lifecycle/describe";
import { lifecycleTranslator } from "@/lib/server/lifecycle/server-messages";
import { normaliseOrgNo } from "@/lib/lifecycle/fields";
import { REQUEST_TTL_DAYS, type CreateAccessRequestInput } from "@/lib/lifecycle/schemas";

export interface CreatedRequest {
  requestId: string;
  merchantName: string;
  expiresAt: string;
}

/**
 * P7: a partner owner asks a merchant for access. The merchant comes from the MSNs (all must belong to one
 * merchant) or the org. number; a number the portal does not know is a clear field error (the partner has to
 * check it with the client). The request expires after REQUEST_TTL_DAYS; the merchant's admins are told.
 * Refused: a firm that is not approved, a second open request to the same merchant, and a request for sales
 * units whose ledgers the partner can already read (nothing to approve).
 */
export async function createAccessRequest(ctx: PartnerContext, input: CreateAccessRequestInput, now: Date = new Date()): Promise<CreatedRequest> {
  assertPartnerCan(ctx, "requests.write");
  const problems = lifecycleTranslator("lifecycleProblems");
  if (ctx.partnerStatus !== "approved") throw new AppError("FORBIDDEN", problems("partnerNotApproved"));

  let merchant: { id: string; name: string };
  let salesUnits: { id: string; msn: string; ledgerId: string | null }[] = [];
  if (input.by === "msn") {
    const found = await db.salesUnit.findMany({
      where: { msn: { in: input.msns } },
      select: { id: true, msn: true, ledgerId: true, merchant: { select: { id: true, name: true } } },
    });
    const missing = input.msns.filter((msn) => !found.some((s) => s.msn === msn));
    if (missing.length > 0) {
      const message = problems("msnUnknown", { count: missing.length, msns: missing.join(", ") });
      throw new AppError("INVALID_INPUT", message, { msns: message });
    }
    const merchants = new Set(found.map((s) => s.merchant.id));
    if (merchants.size > 1) throw new AppError("INVALID_INPUT", problems("msnSeveralMerchants"), { msns: problems("msnSeveralMerchants") });
    merchant = found[0]!.merchant;
    salesUnits = found.map(({ id, msn, ledgerId }) => ({ id, msn, ledgerId }));
  } else {
    const orgNo = normaliseOrgNo(input.orgNo);
    const found = await db.merchant.findUnique({ where: { orgNo }, select: { id: true, name: true } });
    if (!found) {
      const message = problems("orgNoUnknown", { orgNo });
      throw new AppError("INVALID_INPUT", message, { orgNo: message });
    }
    merchant = found;
  }

  const ledgerIds = [...new Set(salesUnits.map((s) => s.ledgerId).filter((id): id is string => id !== null))];
  if (salesUnits.length > 0) {
    const held = await db.ledgerGrant.findMany({
      where: { partnerId: ctx.partnerId, ledgerId: { in: ledgerIds }, status: { in: ["active", "pending_approval"] } },
      select: { ledgerId: true },
    });
    const heldIds = new Set(held.map((g) => g.ledgerId));
    if (ledgerIds.length > 0 && ledgerIds.every((id) => heldIds.has(id))) {
      throw new AppError("CONFLICT", problems("alreadyHasAccess", { merchant: merchant.name }), { msns: problems("alreadyHasAccess", { merchant: merchant.name }) });
    }
  }

  const expiresAt = new Date(now.getTime() + REQUEST_TTL_DAYS * 86_400_000);
  const created = await db.$transaction(async (tx) => {
    // One open request per partner and merchant: concurrent submits serialise here.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-request:${ctx.partnerId}:${merchant.id}`}))`;
    const open = await tx.accessRequest.findFirst({
      where: { partnerId: ctx.partnerId, merchantId: merchant.id, status: "pending", expiresAt: { gt: now } },
      select: { createdAt: true },
    });
    if (open) throw new AppError("CONFLICT", problems("requestAlreadyOpen", { merchant: merchant.name, date: dateText(todayLedgerDate(open.createdAt)) }));
    const request = await tx.accessRequest.create({
      data: {
        partnerId: ctx.partnerId,
        merchantId: merchant.id,
        requestedById: ctx.user.id,
        periodFrom: input.periodFrom ? ledgerDateToDb(input.periodFrom) : null,
        periodTo: input.periodTo ? ledgerDateToDb(input.periodTo) : null,
        includesPersonalData: input.includesPersonalData,
        purpose: input.purpose,
        status: "pending",
        expiresAt,
        createdAt: now,
        salesUnits: { create: salesUnits.map((s) => ({ salesUnitId: s.id })) },
      },
      select: { id: true },
    });
    await appendAuditEvent(tx, {
      ...actorOf(ctx),
      action: "access_request.created",
      merchantId: merchant.id,
      partnerId: ctx.partnerId,
      targetType: "AccessRequest",
      targetId: request.id,
      before: null,
      after: {
        status: "pending",
        msns: salesUnits.map((s) => s.msn),
        byOrgNo: input.by === "orgNo",
        periodFrom: input.periodFrom || null,
        periodTo: input.periodTo || null,
        includesPersonalData: input.includesPersonalData,
        purpose: input.purpose,
        expiresAt: expiresAt.toISOString(),
      },
    });
    const notices = lifecycleTranslator("lifecycleNotices");
    const values = { partner: ctx.partnerName, count: salesUnits.length, msns: salesUnits.map((s) => s.msn).join(", "), purpose: input.purpose, date: dateText(todayLedgerDate(expiresAt)) };
    await notifyMerchantAdmins(tx, merchant.id, { kind: "request.created", title: notices("requestCreatedTitle", values), body: notices("requestCreatedBody", values), href: "/merchant/requests" });
    return request;
  });
  await flushOutboxQuietly();
  return { requestId: created.id, merchantName: merchant.name, expiresAt: expiresAt.toISOString() };
}
