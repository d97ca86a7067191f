import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { db } from "@/lib/server/db";
import { ledgerDateToDb, todayPortalDate } from "@/lib/dates";
import type { PartnerContext } from "@/lib/server/authz/contexts";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { notifyMerchantAdmins } from "@/lib/server/notifications";
import { flushOutboxQuietly } from "@/lib/server/notifications/mail-transport";
import { requirePartnerCan } from "@/lib/server/authz/require";
import { personActor } from "@/lib/server/audit/actor";
import { dateText } from "@/lib/server/notifications/describe";
import { normaliseOrgNo } from "@/lib/lifecycle/fields";
import { REQUEST_TTL_DAYS, type CreateAccessRequestInput } from "@/lib/lifecycle/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { serverTranslator } from "@/lib/server/i18n/server-translator";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { localizedNotice } from "@/lib/server/notifications/notify";

const problems = errorTranslator("lifecycleProblems");

/**
 * What the partner learns from sending a request: that it was sent, and nothing else. Same value whether the
 * MSNs exist, belong to one merchant or to several, or the partner already asked (security finding 7).
 */
export interface SentRequest {
  sent: true;
}

interface Reached {
  merchantId: string;
  salesUnits: { id: string; msn: string; ledgerId: string | null }[];
}

/**
 * P7: a partner owner asks for access to sales units (by MSN) or to a merchant (by org. number). The answer
 * never says whether an MSN or org. number exists or which merchant it belongs to: each merchant the request
 * reaches gets its own request for its own sales units (and its admins are told), numbers the portal does not
 * know reach nobody, and the partner's list shows what it typed until a merchant accepts (decision 013).
 * Nothing is sent to a merchant when the partner already reads every ledger asked for, or already has an open
 * request there; the partner's own row stays, so those cases look the same too. Only a firm that is not
 * approved is refused, which tells it nothing about merchants.
 */
export async function createAccessRequest(ctx: PartnerContext, input: CreateAccessRequestInput, now: Date = new Date()): Promise<SentRequest> {
  requirePartnerCan(ctx, "requests.write");
  if (ctx.partnerStatus !== "approved") throw new AppError("FORBIDDEN", problems("partnerNotApproved"));

  const requestedMsns = input.by === "msn" ? input.msns : [];
  const requestedOrgNo = input.by === "orgNo" ? normaliseOrgNo(input.orgNo) : null;
  const reached = await findReachedMerchants(requestedMsns, requestedOrgNo);
  const expiresAt = new Date(now.getTime() + REQUEST_TTL_DAYS * 86_400_000);
  const submissionId = randomUUID();
  const common = {
    partnerId: ctx.partnerId,
    submissionId,
    requestedMsns,
    requestedOrgNo,
    requestedById: ctx.user.id,
    periodFrom: input.periodFrom ? ledgerDateToDb(input.periodFrom) : null,
    periodTo: input.periodTo ? ledgerDateToDb(input.periodTo) : null,
    includesPersonalData: input.includesPersonalData,
    purpose: input.purpose,
    status: "pending",
    expiresAt,
    createdAt: now,
  } satisfies Prisma.AccessRequestUncheckedCreateInput;

  await db.$transaction(async (tx) => {
    // The first row's id is the submission's, so a request that reached one merchant has one id throughout.
    let sent = 0;
    for (const target of reached) {
      const id = sent === 0 ? submissionId : randomUUID();
      if (await sendToMerchant(tx, ctx, input, target, { ...common, id, merchantId: target.merchantId }, now)) sent += 1;
    }
    // The partner's own record of what it asked, when the request reached no merchant.
    if (sent === 0) await tx.accessRequest.create({ data: { ...common, id: submissionId, merchantId: null }, select: { id: true } });
  });
  // Also when nothing was mailed: the time taken should not tell whether a merchant was reached.
  await flushOutboxQuietly();
  return { sent: true };
}

async function findReachedMerchants(msns: string[], orgNo: string | null): Promise<Reached[]> {
  if (orgNo !== null) {
    const merchant = await db.merchant.findUnique({ where: { orgNo }, select: { id: true } });
    return merchant ? [{ merchantId: merchant.id, salesUnits: [] }] : [];
  }
  const found = (await db.salesUnit.findMany({ where: { msn: { in: msns } }, select: { id: true, msn: true, ledgerId: true, merchantId: true } }))
    .sort((a, b) => msns.indexOf(a.msn) - msns.indexOf(b.msn));
  const byMerchant = new Map<string, Reached>();
  for (const { merchantId, ...unit } of found) {
    const entry = byMerchant.get(merchantId) ?? { merchantId, salesUnits: [] };
    entry.salesUnits.push(unit);
    byMerchant.set(merchantId, entry);
  }
  return [...byMerchant.values()];
}

/** One merchant's request, unless there is nothing for it to decide. True when it was created. */
async function sendToMerchant(
  tx: Prisma.TransactionClient,
  ctx: PartnerContext,
  input: CreateAccessRequestInput,
  target: Reached,
  data: Prisma.AccessRequestUncheckedCreateInput & { merchantId: string; expiresAt: Date },
  now: Date,
): Promise<boolean> {
  const ledgerIds = [...new Set(target.salesUnits.map((s) => s.ledgerId).filter((id): id is string => id !== null))];
  if (ledgerIds.length > 0) {
    const held = await tx.ledgerGrant.count({ where: { partnerId: ctx.partnerId, ledgerId: { in: ledgerIds }, status: { in: ["active", "pending_approval"] } } });
    if (held === ledgerIds.length) return false;
  }
  // One open request per partner and merchant: concurrent submits serialise here.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`access-request:${ctx.partnerId}:${target.merchantId}`}))`;
  const open = await tx.accessRequest.count({ where: { partnerId: ctx.partnerId, merchantId: target.merchantId, status: "pending", expiresAt: { gt: now } } });
  if (open > 0) return false;

  const request = await tx.accessRequest.create({
    data: { ...data, salesUnits: { create: target.salesUnits.map((s) => ({ salesUnitId: s.id })) } },
    select: { id: true },
  });
  const msns = target.salesUnits.map((s) => s.msn);
  await appendAuditEvent(tx, {
    ...personActor(ctx.user),
    action: "access_request.created",
    merchantId: target.merchantId,
    partnerId: ctx.partnerId,
    targetType: "AccessRequest",
    targetId: request.id,
    before: null,
    after: {
      status: "pending",
      msns,
      byOrgNo: input.by === "orgNo",
      periodFrom: input.periodFrom || null,
      periodTo: input.periodTo || null,
      includesPersonalData: input.includesPersonalData,
      purpose: input.purpose,
      expiresAt: data.expiresAt.toISOString(),
    },
  });
  const notice = localizedNotice("request.created", "/merchant/requests", (locale) => {
    const n = serverTranslator("lifecycleNotices", locale);
    const values = { partner: ctx.partnerName, count: msns.length, msns: msns.join(", "), purpose: input.purpose, date: dateText(todayPortalDate(data.expiresAt), locale) };
    return { title: n("requestCreatedTitle", values), body: n("requestCreatedBody", values) };
  });
  await notifyMerchantAdmins(tx, target.merchantId, notice);
  return true;
}
