import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors/app-error";
import { isUuid } from "@/lib/ids";
import { ledgerAccess } from "@/lib/server/grants/access-rules";
import { lockMerchantPartner } from "@/lib/server/grants/lock-merchant-partner";
import { GRANT_SELECT, toGrantDto, type GrantActor, type GrantDto } from "@/lib/server/grants/grant-record";
import type { LedgerVisibility } from "@/lib/grants/types";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("grantProblems");

export interface LoadedGrant {
  grant: GrantDto;
  partner: { id: string; name: string; orgNo: string };
  ledger: { id: string; externalId: string; currency: string; salesUnitIds: string[] };
  access: LedgerVisibility;
}

/**
 * One grant of the actor's merchant, locked for the rest of the transaction: first its merchant and partner
 * (lockMerchantPartner, so a change here and a grant or change of another ledger of the same pair decide one
 * after the other), then the row itself (FOR UPDATE); the grant is read after both. Tenant rule: the grant must
 * belong to actor.merchantId and its ledger must be visible to the actor; anything else is NOT_FOUND, exactly
 * like a grant that does not exist.
 */
export async function loadGrantForUpdate(tx: Prisma.TransactionClient, actor: Pick<GrantActor, "merchantId" | "role" | "salesUnitScope">, grantId: string): Promise<LoadedGrant> {
  if (!isUuid(grantId)) throw new AppError("NOT_FOUND", problems("notFound"));
  // A grant's merchant and partner never change, so they can be read before the lock; nothing else is.
  const pair = await tx.ledgerGrant.findFirst({ where: { id: grantId, merchantId: actor.merchantId }, select: { partnerId: true } });
  if (!pair) throw new AppError("NOT_FOUND", problems("notFound"));
  await lockMerchantPartner(tx, actor.merchantId, pair.partnerId);
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "LedgerGrant" WHERE "id" = ${grantId}::uuid AND "merchantId" = ${actor.merchantId}::uuid FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", problems("notFound"));
  const row = await tx.ledgerGrant.findUniqueOrThrow({
    where: { id: grantId },
    select: {
      ...GRANT_SELECT,
      partner: { select: { id: true, name: true, orgNo: true } },
      ledger: { select: { id: true, externalId: true, currency: true, salesUnits: { select: { id: true } } } },
    },
  });
  const salesUnitIds = row.ledger.salesUnits.map((s) => s.id);
  const access = ledgerAccess(actor, salesUnitIds);
  if (access === "hidden") throw new AppError("NOT_FOUND", problems("notFound"));
  const { partner, ledger, ...grant } = row;
  return { grant: toGrantDto(grant), partner, ledger: { id: ledger.id, externalId: ledger.externalId, currency: ledger.currency, salesUnitIds }, access };
}
