import "server-only";
import { db } from "@/lib/server/db";
import type { MerchantContext } from "@/lib/server/authz/contexts";
import { toStoredKeysView } from "@/lib/server/credentials/credential-view";
import type { StoredKeysView } from "@/lib/credentials/types";

export interface SalesUnitKeysRow {
  msn: string;
  name: string;
  channel: "api" | "vm";
  ledger: { externalId: string; currency: string; salesUnitCount: number } | null;
  keys: StoredKeysView | null;
}

/**
 * M6: the sales units the user may see (managers: their own), each with its stored keys masked. Secrets are
 * never selected here, so they cannot leak into a page by accident.
 */
export async function listSalesUnitKeys(ctx: MerchantContext): Promise<SalesUnitKeysRow[]> {
  const units = await db.salesUnit.findMany({
    where: { merchantId: ctx.merchantId, ...(ctx.salesUnitScope === "all" ? {} : { id: { in: ctx.salesUnitScope } }) },
    orderBy: [{ name: "asc" }, { msn: "asc" }],
    select: {
      msn: true,
      name: true,
      channel: true,
      ledgerId: true,
      ledger: { select: { externalId: true, currency: true } },
      credentials: { select: { clientId: true, updatedAt: true, lastVerifiedAt: true }, take: 1 },
    },
  });
  // How many sales units settle to each ledger, counted for these ledgers only. Prisma's relation `_count` joins an
  // aggregate over every sales unit of every merchant (9 ms a request at 10,000 merchants); this reads the index.
  const ledgerIds = [...new Set(units.flatMap((u) => (u.ledgerId ? [u.ledgerId] : [])))];
  const counts = ledgerIds.length
    ? await db.salesUnit.groupBy({ by: ["ledgerId"], where: { ledgerId: { in: ledgerIds } }, _count: { _all: true } })
    : [];
  const unitsPerLedger = new Map(counts.map((c) => [c.ledgerId, c._count._all]));
  return units.map((u) => ({
    msn: u.msn,
    name: u.name,
    channel: u.channel,
    ledger: u.ledger ? { externalId: u.ledger.externalId, currency: u.ledger.currency, salesUnitCount: unitsPerLedger.get(u.ledgerId) ?? 0 } : null,
    keys: u.credentials[0] ? toStoredKeysView(u.credentials[0]) : null,
  }));
}
