import { useId, type ReactNode } from "react";
import { CalendarRange, Clock, EyeOff, Store, UserRound, type LucideIcon } from "lucide-react";
import { ROW_BADGE_CLASS } from "@/components/admin/compact-table";

/**
 * LEAN_ROW_CLASS: the row styles alone, for a list of cards; LEAN_TABLE_CLASS: with the table's cells.
 *
 * The merchant's and partner's lists with an action per row (approvals, renewals, requests; issue 14), built as
 * the admin directory's (decision 041): a client table of pre-formatted strings, every style set once on the
 * <table> through descendant selectors, so a row's HTML carries short class names instead of the utility lists of
 * Table, Badge and Button (components/ui/*). Looks the same as those.
 *
 * - cells: top-aligned; `.m` a line of muted small text, `.mono` a ledger number, `.sc` a scope list (ScopeLines), `b` a
 *   name in it.
 * - badges: `b v-<variant>` (ROW_BADGE_CLASS), `d` the status dot.
 * - buttons: `bt` a small primary button, `bt o` a small outline one (buttonVariants size "sm"); `data-pending`
 *   turns its icon while an action runs. `a.l` a text link.
 */
export const LEAN_ROW_CLASS = [
  "[&_.m]:text-xs [&_.m]:text-muted-foreground [&_.mono]:font-mono [&_.mono]:text-[0.8125rem] [&_.mono]:tabular-nums",
  "[&_.sc]:text-xs [&_.sc]:text-muted-foreground [&_.sc>li+li]:mt-0.5 [&_.sc>li]:flex [&_.sc>li]:items-center [&_.sc>li]:gap-1.5 [&_.sc_.i]:size-3.5 [&_.sc_.i]:shrink-0",
  "[&_.sc.rq>li+li]:mt-1 [&_.sc>li.su]:items-start [&_.sc_.su_.i]:mt-px [&_.sc_.su_b]:font-normal [&_.sc_.su_b]:text-foreground",
  "[&_a.l]:rounded-sm [&_a.l]:text-[0.8125rem] [&_a.l]:font-medium [&_a.l]:text-primary [&_a.l]:underline-offset-4 [&_a.l]:focus-ring [&_a.l:hover]:underline",
  "[&_.bt]:inline-flex [&_.bt]:h-8 [&_.bt]:shrink-0 [&_.bt]:items-center [&_.bt]:justify-center [&_.bt]:gap-1.5 [&_.bt]:whitespace-nowrap [&_.bt]:rounded-md [&_.bt]:px-3 [&_.bt]:text-[0.8125rem] [&_.bt]:font-medium [&_.bt]:select-none [&_.bt]:transition-colors [&_.bt]:focus-ring",
  "[&_.bt]:bg-primary [&_.bt]:text-primary-foreground [&_.bt]:shadow-xs [&_.bt:hover]:bg-primary-hover [&_.bt:disabled]:pointer-events-none [&_.bt:disabled]:opacity-50",
  "[&_.bt.o]:border [&_.bt.o]:border-border [&_.bt.o]:bg-card [&_.bt.o]:text-foreground [&_.bt.o:hover]:bg-accent",
  "[&_.bt_svg]:pointer-events-none [&_.bt_svg]:size-4 [&_.bt_svg]:shrink-0 [&_.bt[data-pending]_svg]:animate-spin",
  ROW_BADGE_CLASS,
].join(" ");

export const LEAN_TABLE_CLASS = [
  "w-full border-collapse text-sm",
  "[&_td]:px-3 [&_td]:py-2.5 [&_td]:align-top [&_td:first-child]:pl-5 [&_td:last-child]:pr-5",
  "[&_th]:h-9 [&_th]:px-3 [&_th]:text-left [&_th]:align-middle [&_th]:text-xs [&_th]:font-medium [&_th]:whitespace-nowrap [&_th]:text-muted-foreground [&_th:first-child]:pl-5 [&_th:last-child]:pr-5",
  "[&_tbody_tr]:border-b [&_tbody_tr]:border-border [&_tbody_tr]:transition-colors [&_tbody_tr:hover]:bg-muted/40 [&_tbody_tr:last-child]:border-0",
  LEAN_ROW_CLASS,
].join(" ");

/** The table's header row, as TableHeader draws it. */
export const LEAN_THEAD_CLASS = "border-b border-border bg-muted/60";

/**
 * Icons drawn once per table: each row's icon is a `<use>` of a symbol (about 60 bytes) instead of the whole SVG
 * (400 to 600 bytes; a scope alone has three a row). `icon(name)` draws one; render `sprite` once in the table.
 * The ids are the table's own (useId), so two tables on a page do not share them.
 */
export function useRowIcons<N extends string>(icons: Record<N, LucideIcon>): { sprite: ReactNode; icon: (name: N, className?: string) => ReactNode } {
  const id = useId();
  const ref = (name: string) => `${id}-${name}`;
  const entries = Object.entries(icons) as [N, LucideIcon][];
  return {
    sprite: (
      <svg aria-hidden="true" className="absolute size-0 overflow-hidden">
        {entries.map(([name, Icon]) => (
          <symbol key={name} id={ref(name)} viewBox="0 0 24 24">
            <Icon />
          </symbol>
        ))}
      </svg>
    ),
    icon: (name, className) => (
      <svg aria-hidden="true" className={className}>
        <use href={`#${ref(name)}`} />
      </svg>
    ),
  };
}

/** A scope in plain words, pre-formatted on the server (GrantScope's and RequestedScope's lines). */
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

/** The icons ScopeLines draws: spread into a table's useRowIcons. */
export const SCOPE_ICONS = { period: CalendarRange, personal: UserRound, noPersonal: EyeOff, ends: Clock, units: Store } satisfies Record<string, LucideIcon>;

type ScopeIcon = (name: keyof typeof SCOPE_ICONS, className?: string) => ReactNode;

/** A scope's lines with their icons, inside a LEAN_TABLE_CLASS table. */
export function ScopeLines({ scope, icon }: { scope: ScopeText; icon: ScopeIcon }) {
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
