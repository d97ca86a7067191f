import { CalendarRange, Clock, EyeOff, Store, UserRound, type LucideIcon } from "lucide-react";
import type { RowIcons } from "@/components/ui/icon-sprite";

/** A grant's or request's scope in plain words, formatted on the server (app/_shared/scope-text.ts). */
export interface ScopeText {
  /** "Ledger dates from …" or "All ledger dates". */
  period: string;
  personalData: boolean;
  /** "Payer names, phones and messages" or "No personal data". */
  data: string;
  /** "Access ends …" or "No end date"; absent for a request (which asks no end). */
  ends?: string;
  /** A request's sales units ("Name (MSN 1, ledger 2)"), or the words for any; absent for a grant. */
  units?: string | { msn: string; name: string; detail: string }[];
}

/** The icons a grant's ScopeLines draws: spread into the list's icon sprite. */
export const GRANT_SCOPE_ICONS = { period: CalendarRange, personal: UserRound, noPersonal: EyeOff, ends: Clock } satisfies Record<string, LucideIcon>;

/** The icons ScopeLines draws for requests too (their sales units). */
export const SCOPE_ICONS = { ...GRANT_SCOPE_ICONS, units: Store } satisfies Record<string, LucideIcon>;

/**
 * What draws ScopeLines' icons: the `icon` of a sprite made with SCOPE_ICONS in it, or GRANT_SCOPE_ICONS in a list
 * of grants only (a grant's scope has no sales units; the sprite need not draw their icon once per page).
 */
export type ScopeIcon = RowIcons<keyof typeof SCOPE_ICONS>["icon"] | RowIcons<keyof typeof GRANT_SCOPE_ICONS>["icon"];

/**
 * ScopeLines' styles, set once on the list that holds them (with its table's or cards' classes): a line each, icon
 * and words, as GrantScope and RequestedScope draw them.
 */
export const SCOPE_LINES_CLASS = "scope-lines";

/**
 * GrantScope and RequestedScope for a list's rows (decision 045): the same words and icons in a few short class
 * names, the icons `<use>`s of the list's sprite. Server-safe: its words come as strings and its icons as `icon`.
 */
export function ScopeLines({ scope, icon: drawIcon }: { scope: ScopeText; icon: ScopeIcon }) {
  // "units" is asked for only when the scope has sales units, i.e. of a request's sprite, which draws it.
  const icon = drawIcon as RowIcons<keyof typeof SCOPE_ICONS>["icon"];
  return (
    // A request's lines (no end date) are spaced as RequestedScope's, a grant's as GrantScope's.
    <ul className={scope.ends ? "sc" : "sc rq"}>
      {scope.units === undefined ? null : (
        <li className="su">
          {icon("units", "i")}
          {typeof scope.units === "string" ? <span>{scope.units}</span> : (
            <span>{scope.units.map((u, i) => <span key={u.msn}>{i > 0 ? ", " : null}<b>{u.name}</b> <span className="tabular-nums">({u.detail})</span></span>)}</span>
          )}
        </li>
      )}
      <li>{icon("period", "i")}{scope.period}</li>
      <li>{icon(scope.personalData ? "personal" : "noPersonal", "i")}{scope.data}</li>
      {scope.ends ? <li>{icon("ends", "i")}{scope.ends}</li> : null}
    </ul>
  );
}
