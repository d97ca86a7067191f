/** A receipt as the pages show it (money in minor units as strings: they are bigints). */
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
  currency: string;
  netMinor: string;
  capturesMinor: string;
  feesMinor: string;
  payoutsMinor: string;
}

