import { useLocale } from "next-intl";
import { formatAmount, formatMoney } from "@/lib/format";
import { money } from "@/lib/money";
import { cn } from "@/lib/utils/cn";

/**
 * An amount in integer minor units, formatted only here for display, in the ledger's currency (lib/format).
 * `bare` leaves the currency code out, for table columns whose caption names the currency once. The raw minor
 * units ride along in `data-minor`, so tests add amounts up without parsing display text. `plain` leaves out the
 * span's own classes, for a cell that sets tabular figures for all its amounts (a lean table's `n`). Server-safe.
 */
export function Money({ minor, currency, className, signed = false, bare = false, plain = false, ...rest }: { minor: number; currency: string; className?: string; signed?: boolean; bare?: boolean; plain?: boolean; "data-testid"?: string }) {
  // useLocale works in server and client components alike: the amount is written in the page's language.
  const locale = useLocale();
  // The checked constructor (lib/money): an unsafe amount or an unknown currency fails loudly, never prints wrong.
  const value = money(minor, currency);
  const text = bare ? formatAmount(value, locale) : formatMoney(value, locale);
  return (
    <span data-minor={minor} className={plain ? className : cn("tabular-nums whitespace-nowrap", className)} {...rest}>
      {signed && minor > 0 ? `+${text}` : text}
    </span>
  );
}
