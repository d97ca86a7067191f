import type { Money } from "@/lib/money";

/** A receipt as the pages show it (money as Money, read from the BIGINT columns through the checked constructor). */
export interface ReceiptView {
  id: string;
  createdAt: string;
  person: string | null;
  from: string;
  to: string;
  format: "csv" | "xlsx";
  /** The ledger's entries, or the voucher journal. */
  kind: "entries" | "journal";
  rows: number;
  bytes: number;
  sha256: string;
  columns: string[];
  timeZone: string;
  openDates: string[];
  topics: string;
  purpose: string;
  net: Money;
  captures: Money;
  fees: Money;
  payouts: Money;
}

