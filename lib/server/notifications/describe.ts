import "server-only";
import { formatLedgerDate } from "@/lib/format";

/** How the server names a ledger in notifications: "302101 (Fjord Kaffe Grünerløkka)". */
export function ledgerLabel(ledger: { externalId: string; salesUnits: { name: string }[] }): string {
  const units = ledger.salesUnits.map((s) => s.name).join(", ");
  return units ? `${ledger.externalId} (${units})` : ledger.externalId;
}

/** Dates in server-written texts, in the reader's language like the pages ("26 Nov 2026", "26.11.2026"). */
export function dateText(date: string, locale: string = "en"): string {
  return formatLedgerDate(date, locale);
}
