"use client";
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { ListFilter } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DaySummary, FeesTotals, FundsTotals } from "@/lib/ledgers/day-summary";
import { DayChecksBadge, DayChecksReasons } from "@/components/ledger/day-checks";
import { Money } from "@/components/ledger/money";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/** The state of a date in words; closed dates need no badge (they are the normal case). */
export function DayStateBadge({ state }: { state: DaySummary["state"] }) {
  const t = useTranslations("ledgerView.days");
  if (state === "closed") return <span className="sr-only">{t("closed")}</span>;
  if (state === "open") return <Badge variant="warning" dot>{t("open")}</Badge>;
  return <Badge variant="danger">{t("unavailable")}</Badge>;
}

type FundsColumn = "captures" | "refunds" | "fees" | "payouts" | "other" | "net";

/**
 * Funds account per ledger date: each column is the plain sum of that category's entries, the footer sums the
 * dates, and the checks of each date are explained on its row. "Other" (corrections, top-ups, types the portal
 * does not know yet) appears when the range has any.
 */
export function LedgerDaysTable({ days, totals, currency, onShowEntries }: { days: DaySummary[]; totals: FundsTotals; currency: string; onShowEntries: (date: string) => void }) {
  const t = useTranslations("ledgerView.days");
  const f = useLedgerFormat(currency);
  const columns: FundsColumn[] = ["captures", "refunds", "fees", "payouts", ...(days.some((d) => d.funds && d.funds.other !== 0) ? (["other"] as const) : []), "net"];
  const header: Record<FundsColumn, string> = { captures: t("captures"), refunds: t("refunds"), fees: t("feesRetained"), payouts: t("payouts"), other: t("other"), net: t("net") };
  return (
    <Table>
      <TableCaption className="text-right">{t("amountsIn", { currency })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("date")}</TableHead>
          {columns.map((k) => (
            <TableHead key={k} numeric>{header[k]}</TableHead>
          ))}
          <TableHead numeric>{t("balance")}</TableHead>
          <TableHead>{t("checks")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...days].reverse().map((d) => (
          <Fragment key={d.date}>
            <TableRow data-testid={`day-${d.date}`} data-state={d.state} className={d.checks.some((c) => c.status === "failed" || c.status === "pending") ? "border-b-0" : undefined}>
              <TableCell className="align-top whitespace-nowrap">
                <div className="flex items-center gap-2 font-medium">
                  {f.date(d.date)} <DayStateBadge state={d.state} />
                </div>
                {d.funds && d.funds.entries > 0 ? (
                  <Button variant="link" size="xs" className="text-xs" onClick={() => onShowEntries(d.date)}>
                    <ListFilter aria-hidden />
                    {t("entriesCount", { count: d.funds.entries })}
                    <span className="sr-only"> {f.date(d.date)}</span>
                  </Button>
                ) : null}
              </TableCell>
              {columns.map((k) => (
                <TableCell key={k} numeric className="align-top" data-column={k}>
                  {d.funds ? <Money bare minor={d.funds[k]} currency={currency} /> : "—"}
                </TableCell>
              ))}
              <TableCell numeric className="align-top">{d.funds?.closingBalance != null ? <Money bare minor={d.funds.closingBalance} currency={currency} /> : "—"}</TableCell>
              <TableCell className="align-top"><DayChecksBadge checks={d.checks} /></TableCell>
            </TableRow>
            {d.checks.some((c) => c.status === "failed" || c.status === "pending") ? (
              <TableRow data-testid={`day-reasons-${d.date}`} className="hover:bg-transparent">
                <TableCell colSpan={columns.length + 3} className="pt-0 pb-3">
                  <DayChecksReasons checks={d.checks} currency={currency} open={d.state === "open"} />
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        ))}
      </TableBody>
      <tfoot className="border-t-2 border-border bg-muted/40 font-semibold">
        <TableRow data-testid="days-total">
          <TableCell>{t("total")}</TableCell>
          {columns.map((k) => (
            <TableCell key={k} numeric data-column={k}><Money bare minor={totals[k]} currency={currency} data-testid={`total-${k}`} /></TableCell>
          ))}
          <TableCell numeric>{totals.closingBalance != null ? <Money bare minor={totals.closingBalance} currency={currency} /> : "—"}</TableCell>
          <TableCell />
        </TableRow>
      </tfoot>
    </Table>
  );
}

/** Fees account per ledger date: fees charged (net of credits), fees settled (retained or invoiced), fees owed. */
export function LedgerFeesTable({ days, totals, currency }: { days: DaySummary[]; totals: FeesTotals; currency: string }) {
  const t = useTranslations("ledgerView.days");
  const f = useLedgerFormat(currency);
  return (
    <Table>
      <TableCaption className="text-right">{t("amountsIn", { currency })}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{t("date")}</TableHead>
          <TableHead numeric>{t("charged")}</TableHead>
          <TableHead numeric>{t("settled")}</TableHead>
          <TableHead numeric>{t("net")}</TableHead>
          <TableHead numeric>{t("feeBalance")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...days].reverse().map((d) => (
          <TableRow key={d.date} data-testid={`fees-day-${d.date}`}>
            <TableCell className="whitespace-nowrap">
              <div className="flex items-center gap-2 font-medium">{f.date(d.date)} <DayStateBadge state={d.state} /></div>
            </TableCell>
            <TableCell numeric>{d.fees ? <Money bare minor={d.fees.charged} currency={currency} /> : "—"}</TableCell>
            <TableCell numeric>{d.fees ? <Money bare minor={d.fees.settled} currency={currency} /> : "—"}</TableCell>
            <TableCell numeric>{d.fees ? <Money bare minor={d.fees.net} currency={currency} /> : "—"}</TableCell>
            <TableCell numeric>{d.fees?.closingBalance != null ? <Money bare minor={d.fees.closingBalance} currency={currency} /> : "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
      <tfoot className="border-t-2 border-border bg-muted/40 font-semibold">
        <TableRow>
          <TableCell>{t("total")}</TableCell>
          <TableCell numeric><Money bare minor={totals.charged} currency={currency} /></TableCell>
          <TableCell numeric><Money bare minor={totals.settled} currency={currency} /></TableCell>
          <TableCell numeric><Money bare minor={totals.net} currency={currency} /></TableCell>
          <TableCell numeric>{totals.closingBalance != null ? <Money bare minor={totals.closingBalance} currency={currency} /> : "—"}</TableCell>
        </TableRow>
      </tfoot>
    </Table>
  );
}
