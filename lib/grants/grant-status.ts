import { differenceInCalendarDays, parseISO } from "date-fns";
import { dbDateToLedgerDate } from "@/lib/dates";

/** What a person sees as a grant's status; "expiring soon" and "expired" are derived from the end date. */
export type GrantDisplayStatus = "active" | "expiring_soon" | "pending_approval" | "revoked" | "expired" | "declined";

export const EXPIRING_SOON_DAYS = 14;

export function grantDisplayStatus(
  grant: { status: "active" | "pending_approval" | "revoked" | "expired" | "declined"; validUntil: string | null },
  today: string,
): GrantDisplayStatus {
  if (grant.status !== "active") return grant.status;
  if (!grant.validUntil) return "active";
  const daysLeft = differenceInCalendarDays(parseISO(grant.validUntil), parseISO(today));
  if (daysLeft < 0) return "expired";
  return daysLeft <= EXPIRING_SOON_DAYS ? "expiring_soon" : "active";
}

/** Live grants are the ones that give (or will give, once approved) access. */
export function isLive(status: GrantDisplayStatus): boolean {
  return status === "active" || status === "expiring_soon" || status === "pending_approval";
}

/** A grant row's scope as pages show it: ledger dates as "YYYY-MM-DD" and the derived display status. */
export function grantScopeView(
  g: { status: Parameters<typeof grantDisplayStatus>[0]["status"]; periodFrom: Date | null; periodTo: Date | null; validUntil: Date | null; includesPersonalData: boolean },
  today: string,
) {
  const validUntil = g.validUntil ? dbDateToLedgerDate(g.validUntil) : null;
  return {
    status: grantDisplayStatus({ status: g.status, validUntil }, today),
    periodFrom: g.periodFrom ? dbDateToLedgerDate(g.periodFrom) : null,
    periodTo: g.periodTo ? dbDateToLedgerDate(g.periodTo) : null,
    validUntil,
    includesPersonalData: g.includesPersonalData,
  };
}
