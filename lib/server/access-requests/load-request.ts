import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("lifecycleProblems");

export const REQUEST_SELECT = {
  id: true,
  partnerId: true,
  merchantId: true,
  requestedMsns: true,
  requestedOrgNo: true,
  requestedById: true,
  periodFrom: true,
  periodTo: true,
  includesPersonalData: true,
  purpose: true,
  status: true,
  expiresAt: true,
  decidedById: true,
  decidedAt: true,
  createdAt: true,
  partner: { select: { name: true, orgNo: true, status: true } },
  merchant: { select: { name: true, orgNo: true } },
  salesUnits: { select: { salesUnit: { select: { id: true, msn: true, name: true, ledgerId: true } } } },
} as const satisfies Prisma.AccessRequestSelect;

export type RequestRow = Prisma.AccessRequestGetPayload<{ select: typeof REQUEST_SELECT }>;

/**
 * How a merchant user relates to a request. Admins (and viewers, for reading) see every request of their
 * merchant. A manager sees a request that names one of their sales units, and decides it only when every
 * sales unit it names is theirs; a request by org. number (no sales units) is for an admin to decide.
 */
export function requestAccess(ctx: Pick<MerchantContext, "salesUnitScope">, requestedSalesUnitIds: readonly string[]): "hidden" | "visible" | "decidable" {
  if (ctx.salesUnitScope === "all") return "decidable";
  if (requestedSalesUnitIds.length === 0) return "visible";
  const scope = new Set(ctx.salesUnitScope);
  const mine = requestedSalesUnitIds.filter((id) => scope.has(id)).length;
  if (mine === 0) return "hidden";
  return mine === requestedSalesUnitIds.length ? "decidable" : "visible";
}

/**
 * One request of the user's merchant, locked for the rest of the transaction (FOR UPDATE), so an approval, a
 * decline and a withdrawal of the same request happen one after the other. Another merchant's request, a
 * request hidden from a manager and a malformed id are all NOT_FOUND.
 */
export async function loadRequestForMerchantUpdate(tx: Prisma.TransactionClient, ctx: MerchantContext, requestId: string): Promise<{ request: RequestRow; access: "visible" | "decidable" }> {
  if (!isUuid(requestId)) throw new AppError("NOT_FOUND", problems("requestNotFound"));
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "AccessRequest" WHERE "id" = ${requestId}::uuid AND "merchantId" = ${ctx.merchantId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", problems("requestNotFound"));
  const request = await tx.accessRequest.findUniqueOrThrow({ where: { id: requestId }, select: REQUEST_SELECT });
  const access = requestAccess(ctx, request.salesUnits.map((s) => s.salesUnit.id));
  if (access === "hidden") throw new AppError("NOT_FOUND", problems("requestNotFound"));
  return { request, access };
}

/** A pending request that is still open (not past its expiry), else CONFLICT with the reason in words. */
export function requireOpen(request: Pick<RequestRow, "status" | "expiresAt">, now: Date): void {
  if (request.status !== "pending") throw new AppError("CONFLICT", problems("requestDecided", { status: request.status }));
  if (request.expiresAt.getTime() <= now.getTime()) throw new AppError("CONFLICT", problems("requestExpired"));
}
