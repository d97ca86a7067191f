import "server-only";
import { db } from "@/lib/server/db";
import { ledgerDateToDb } from "@/lib/dates";

/**
 * Data minimisation: once no active grant on a ledger includes personal data, the payer names, masked phone
 * numbers and messages cached for it are blanked (the figures stay). A later grant with personal data refetches
 * the dates it needs. Run by every sync of the ledger. Returns the number of entries blanked.
 */
export async function purgeUnneededPersonalData(ledgerId: string, today: string): Promise<number> {
  const needed = await db.ledgerGrant.count({
    where: { ledgerId, status: "active", includesPersonalData: true, OR: [{ validUntil: null }, { validUntil: { gte: ledgerDateToDb(today) } }] },
  });
  if (needed > 0) return 0;
  const [blanked] = await db.$transaction([
    db.ledgerEntry.updateMany({
      where: { ledgerId, OR: [{ payerName: { not: null } }, { maskedPhoneNo: { not: null } }, { message: { not: null } }] },
      data: { payerName: null, maskedPhoneNo: null, message: null },
    }),
    db.ledgerDay.updateMany({ where: { ledgerId, hasPersonalData: true }, data: { hasPersonalData: false } }),
  ]);
  return blanked.count;
}
