import "server-only";
import { shiftLedgerDate, todayLedgerDate, ledgerTimeZone } from "@/lib/dates";
import { AppError } from "@/lib/errors/app-error";
import type { PreviewGrantInput } from "@/lib/grants/schemas";
import { isUuid } from "@/lib/ids";
import { appErrorCodeFor, isReportApiError, type LedgerEntry } from "@/lib/report-api";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { fetchLedgerDate, MissingKeysError } from "@/lib/server/ledgers/fetch-ledger-date";
import { requireGrantableLedger, requireGrantWriter } from "@/lib/server/grants/access-rules";
import type { GrantActor } from "@/lib/server/grants/grant-record";
import { BASE_COLUMNS, PERSONAL_COLUMNS, type PreviewColumn, type PreviewRow, type GrantPreview } from "@/lib/grants/types";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("grantProblems");

export const PREVIEW_ROWS = 12;
const MAX_DATES_TRIED = 5;

/**
 * M2: exactly what the partner will see, before the merchant confirms: real rows of the most recent closed
 * ledger date inside the chosen period, read with the merchant's own stored sales-unit keys through the
 * Report API (the ledger service's reader: stored keys decrypted in one place, identical reads shared), limited to
 * the columns the partner will get. Same tenant rules as granting (the ledger must be one the user may grant).
 * A shared ledger cannot be read with merchant keys: the preview says so.
 */
export async function previewGrant(input: PreviewGrantInput, actor: GrantActor): Promise<GrantPreview> {
  requireGrantWriter(actor);
  if (!isUuid(input.ledgerId)) throw new AppError("NOT_FOUND", problems("ledgerNotFound"));
  const ledger = await db.ledger.findFirst({
    where: { id: input.ledgerId, merchantId: actor.merchantId },
    select: { externalId: true, currency: true, merchant: { select: { country: true } }, salesUnits: { select: { id: true } } },
  });
  if (!ledger) throw new AppError("NOT_FOUND", problems("ledgerNotFound"));
  requireGrantableLedger(actor, { externalId: ledger.externalId, salesUnitIds: ledger.salesUnits.map((s) => s.id) });

  const columns: PreviewColumn[] = [...BASE_COLUMNS, ...(input.includesPersonalData ? PERSONAL_COLUMNS : [])];
  if (ledger.salesUnits.length > 1) return { kind: "shared-ledger", columns, salesUnitCount: ledger.salesUnits.length };
  const unit = ledger.salesUnits[0];
  if (!unit) return { kind: "no-keys", columns };

  // The ledger's own "yesterday": a Finnish ledger's date closes at midnight in Helsinki.
  const timeZone = ledgerTimeZone(ledger.merchant.country);
  const lastClosed = shiftLedgerDate(todayLedgerDate(new Date(), timeZone), -1);
  let date = input.periodTo && input.periodTo < lastClosed ? input.periodTo : lastClosed;
  if (input.periodFrom && input.periodFrom > date) return { kind: "no-closed-date", columns };

  try {
    // The most recent closed date in the period with something on it (a quiet Sunday shows the day before).
    for (let tried = 0; tried < MAX_DATES_TRIED; tried++) {
      const day = await fetchLedgerDate({ kind: "sales-unit", salesUnitId: unit.id }, { externalId: ledger.externalId, timeZone }, "funds", date, input.includesPersonalData);
      const previous = shiftLedgerDate(date, -1);
      const canGoBack = !input.periodFrom || previous >= input.periodFrom;
      if (day.state === "closed" && (day.entries.length > 0 || !canGoBack || tried === MAX_DATES_TRIED - 1)) {
        return { kind: "rows", columns, ledgerDate: date, currency: ledger.currency, rows: day.entries.slice(-PREVIEW_ROWS).reverse().map((e) => toRow(e, input.includesPersonalData)), totalRows: day.entries.length };
      }
      if (!canGoBack) break;
      date = previous;
    }
    return { kind: "no-closed-date", columns };
  } catch (err) {
    if (err instanceof MissingKeysError) return { kind: "no-keys", columns };
    if (isReportApiError(err) && appErrorCodeFor(err.code) === "NOT_FOUND") return { kind: "keys-denied", columns };
    if (isReportApiError(err) && appErrorCodeFor(err.code) === "UNAUTHENTICATED") return { kind: "keys-denied", columns };
    logger().warn({ ledger: ledger.externalId, err: err instanceof Error ? err.message : String(err) }, "grant preview could not read the ledger");
    return { kind: "upstream-unavailable", columns };
  }
}

/** Only the columns the partner will get: personal fields are dropped unless the grant includes them. */
function toRow(e: LedgerEntry, withPersonalData: boolean): PreviewRow {
  const row: PreviewRow = {
    time: e.time,
    entryType: e.entryType,
    reference: e.reference,
    pspReference: e.pspReference,
    amount: e.amount,
    balanceAfter: e.balanceAfter,
    recipientHandle: e.recipientHandle,
  };
  if (withPersonalData) Object.assign(row, { payerName: e.name, maskedPhoneNo: e.maskedPhoneNo, message: e.message });
  return row;
}
