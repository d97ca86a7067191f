import { useLocale, useTranslations } from "next-intl";
import { CalendarRange, EyeOff, Store, UserRound } from "lucide-react";
import { formatPeriod } from "@/lib/format";

export interface RequestedScopeProps {
  periodFrom: string | null;
  periodTo: string | null;
  includesPersonalData: boolean;
  salesUnits: { msn: string; name: string; ledgerExternalId: string | null }[];
  /** Leave out the sales unit line (the partner's list names what it typed instead). */
  withoutSalesUnits?: boolean;
}

/** What a partner asked for, in plain words: which sales units (or "any"), which dates, which data. */
export function RequestedScope({ periodFrom, periodTo, includesPersonalData, salesUnits, withoutSalesUnits = false }: RequestedScopeProps) {
  const t = useTranslations("requestScope");
  const locale = useLocale();
  const period = formatPeriod({ from: periodFrom, to: periodTo }, locale, { from: (date) => t("from", { date }), until: (date) => t("until", { date }), all: t("allDates") });
  return (
    <ul className="space-y-1 text-xs text-muted-foreground">
      {withoutSalesUnits ? null : <li className="flex items-start gap-1.5">
        <Store aria-hidden className="mt-px size-3.5 shrink-0" />
        {salesUnits.length === 0 ? (
          <span>{t("anySalesUnit")}</span>
        ) : (
          <span>
            {salesUnits.map((s, i) => (
              <span key={s.msn}>
                {i > 0 ? ", " : null}
                <span className="text-foreground">{s.name}</span> <span className="tabular-nums">({t("msn", { msn: s.msn })}{s.ledgerExternalId ? `, ${t("ledger", { ledger: s.ledgerExternalId })}` : ""})</span>
              </span>
            ))}
          </span>
        )}
      </li>}
      <li className="flex items-center gap-1.5"><CalendarRange aria-hidden className="size-3.5 shrink-0" />{period}</li>
      <li className="flex items-center gap-1.5">
        {includesPersonalData ? <UserRound aria-hidden className="size-3.5 shrink-0" /> : <EyeOff aria-hidden className="size-3.5 shrink-0" />}
        {includesPersonalData ? t("personalData") : t("noPersonalData")}
      </li>
    </ul>
  );
}
