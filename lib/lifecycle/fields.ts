/**
 * Small pure checks shared by the lifecycle schemas and pages (no server code, no messages).
 */

/** Ledger dates the portal accepts: real calendar days "YYYY-MM-DD" in 2000–2099. */
export function isLedgerDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  if (y < 2000 || y > 2099) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Org. numbers are compared without spaces ("912 345 678" = "912345678"). */
export function normaliseOrgNo(value: string): string {
  return value.replace(/\s+/g, "");
}

/** Norwegian org. number (9 digits), Danish CVR (8 digits) or Finnish Y-tunnus (1234567-8). */
export function isOrgNo(value: string): boolean {
  return /^(\d{8,9}|\d{7}-\d)$/.test(normaliseOrgNo(value));
}

/** Merchant serial number of a sales unit: 4 to 10 digits. */
export function isMsn(value: string): boolean {
  return /^\d{4,10}$/.test(value);
}
