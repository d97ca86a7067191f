import { formatMoney } from "@/lib/format";
import { cn } from "@/lib/utils/cn";

/**
 * An amount in integer minor units, formatted only here (lib/format) in the ledger's currency. The raw minor
 * units ride along in `data-minor` so tests can add amounts up without parsing display text. Server-safe.
 */
export function Money({ minor, currency, className, signed = false, ...rest }: { minor: number; currency: string; className?: string; signed?: boolean; "data-testid"?: string }) {
  const text = formatMoney(minor, currency);
  return (
    <span data-minor={minor} className={cn("tabular-nums whitespace-nowrap", minor < 0 && "text-danger", className)} {...rest}>
      {signed && minor > 0 ? `+${text}` : text}
    </span>
  );
}
