/**
 * The columns of a ledger export (P4), pure so the dialog, the route and the tests share them. Personal-data
 * columns exist only for readers whose grant includes personal data; the status column labels rows of dates
 * still changing and is always present when such dates are included.
 */
export const EXPORT_COLUMNS = [
  "ledgerDate",
  "time",
  "topic",
  "entryType",
  "pspReference",
  "reference",
  "amount",
  "currency",
  "balanceBefore",
  "balanceAfter",
  "recipientHandle",
  "ledgerId",
  "position",
  "payerName",
  "maskedPhoneNo",
  "message",
  "status",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

export const PERSONAL_COLUMNS: ReadonlySet<ExportColumn> = new Set(["payerName", "maskedPhoneNo", "message"]);

export const EXPORT_PURPOSES = ["bookkeeping", "reconciliation", "full"] as const;
export type ExportPurpose = (typeof EXPORT_PURPOSES)[number];

export const PURPOSE_COLUMNS: Record<ExportPurpose, readonly ExportColumn[]> = {
  bookkeeping: ["ledgerDate", "entryType", "reference", "pspReference", "amount", "currency"],
  reconciliation: ["ledgerDate", "time", "topic", "entryType", "pspReference", "reference", "amount", "currency", "balanceBefore", "balanceAfter"],
  full: EXPORT_COLUMNS.filter((c) => c !== "status"),
};

/** The column headers in the file: stable English keys an import can map (documented in docs/exports.md). */
export const COLUMN_HEADERS: Record<ExportColumn, string> = {
  ledgerDate: "Ledger date",
  time: "Entry time",
  topic: "Topic",
  entryType: "Entry type",
  pspReference: "PSP reference",
  reference: "Reference",
  amount: "Amount",
  currency: "Currency",
  balanceBefore: "Balance before",
  balanceAfter: "Balance after",
  recipientHandle: "Recipient handle",
  ledgerId: "Ledger",
  position: "Position",
  payerName: "Payer name",
  maskedPhoneNo: "Masked phone number",
  message: "Message",
  status: "Status",
};

export const STILL_CHANGING = "still changing";
export const CLOSED = "closed";

/**
 * The columns of one export, in catalogue order: the chosen ones (or the purpose's defaults), never a personal
 * column without the right to personal data, always the currency, and the status when open dates are included.
 */
export function resolveColumns(args: { purpose: ExportPurpose; chosen?: readonly ExportColumn[] | null; personalData: boolean; includeOpen: boolean }): ExportColumn[] {
  const wanted = new Set<ExportColumn>(args.chosen && args.chosen.length > 0 ? args.chosen : PURPOSE_COLUMNS[args.purpose]);
  wanted.add("currency");
  if (args.includeOpen) wanted.add("status");
  return EXPORT_COLUMNS.filter((c) => wanted.has(c) && (args.personalData || !PERSONAL_COLUMNS.has(c)));
}
