"use client";
import { Fragment } from "react";
import { useTranslations } from "next-intl";
import { CircleCheck, CircleDashed, ListFilter, OctagonAlert } from "lucide-react";
import { ListTable } from "@/components/ui/list-table";
import { useIconSprite, type RowIcons } from "@/components/ui/icon-sprite";
import { RowBadge } from "@/components/ui/row-badge";
import type { DayCheck, DaySummary, FeesTotals, FundsTotals } from "@/lib/ledgers/day-summary";
import { DayChecksReasons } from "@/components/ledger/day-checks";
import { Money } from "@/components/ledger/money";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/**
 * The per-date tables are lean list tables (decision 045): a 30-date range repeats eight cells a row, so the
 * cells' styles are set once here. `n` a number column (right, tabular figures), `dt` the date cell's line, `eb`
 * the button that shows a date's entries, `hr` a date's row with reasons under it, `rs` that row of reasons.
 */
const DAYS_TABLE_CLASS = "days-table";

const CHECK_ICONS = { entries: ListFilter, ok: CircleCheck, pending: CircleDashed, problems: OctagonAlert };

/** The state of a date in words; closed dates need no badge (they are the normal case). */
export function DayStateBadge({ state }: { state: DaySummary["state"] }) {
  const t = useTranslations("ledgerView.days");
  if (state === "closed") return <span className="sr-only">{t("closed")}</span>;
  if (state === "open") return <RowBadge variant="warning" dot>{t("open")}</RowBadge>;
  return <RowBadge variant="danger">{t("unavailable")}</RowBadge>;
}

/** The checks of one ledger date in one word: all pass, problems, or pending. Words first, colour second. */
function DayChecksBadge({ checks, icon }: { checks: DayCheck[]; icon: RowIcons<keyof typeof CHECK_ICONS>["icon"] }) {
  const t = useTranslations("ledgerChecks");
  if (checks.length === 0) return <span className="text-muted-foreground">—</span>;
  const failed = checks.filter((c) => c.status === "failed").reduce((n, c) => n + c.problemCount, 0);
  if (failed > 0) return <RowBadge variant="danger">{icon("problems")}{t("problems", { count: failed })}</RowBadge>;
  if (checks.some(needsWords)) return <RowBadge variant="neutral">{icon("pending")}{t("pendingBadge")}</RowBadge>;
  return <RowBadge variant="success" title={t("allOkDetail")}>{icon("ok")}{t("allOk")}</RowBadge>;
}

const needsWords = (c: DayCheck) => c.status === "failed" || c.status === "pending";

type FundsColumn = "captures" | "refunds" | "fees" | "payouts" | "other" | "net";

/**
 * Funds account per ledger date: each column is the plain sum of that category's entries, the footer sums the
 * dates, and the checks of each date are explained on its row. "Other" (corrections, top-ups, types the portal
 * does not know yet) appears when the range has any.
 */
export function LedgerDaysTable({ days, totals, currency, onShowEntries }: { days: DaySummary[]; totals: FundsTotals; currency: string; onShowEntries: (date: string) => void }) {
  const t = useTranslations("ledgerView.days");
  const f = useLedgerFormat(currency);
  const icons = useIconSprite(CHECK_ICONS);
  const columns: FundsColumn[] = ["captures", "refunds", "fees", "payouts", ...(days.some((d) => d.funds && d.funds.other !== 0) ? (["other"] as const) : []), "net"];
  const header: Record<FundsColumn, string> = { captures: t("captures"), refunds: t("refunds"), fees: t("feesRetained"), payouts: t("payouts"), other: t("other"), net: t("net") };
  const amount = (minor: number | null | undefined) => (minor != null ? <Money bare plain minor={minor} currency={currency} /> : "—");
  return (
    <>
      {icons.sprite}
      <ListTable className={DAYS_TABLE_CLASS}>
        <caption>{t("amountsIn", { currency })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("date")}</th>
            {columns.map((k) => (
              <th scope="col" key={k} className="n">{header[k]}</th>
            ))}
            <th scope="col" className="n">{t("balance")}</th>
            <th scope="col">{t("checks")}</th>
          </tr>
        </thead>
        <tbody>
          {[...days].reverse().map((d) => {
            const reasons = d.checks.some(needsWords);
            return (
              <Fragment key={d.date}>
                <tr data-testid={`day-${d.date}`} data-state={d.state} className={reasons ? "hr" : undefined}>
                  <td className="w">
                    <div className="dt">
                      {f.date(d.date)} <DayStateBadge state={d.state} />
                    </div>
                    {d.funds && d.funds.entries > 0 ? (
                      <button type="button" className="eb" onClick={() => onShowEntries(d.date)}>
                        {icons.icon("entries")}
                        {t("entriesCount", { count: d.funds.entries })}
                        <span className="sr-only"> {f.date(d.date)}</span>
                      </button>
                    ) : null}
                  </td>
                  {columns.map((k) => (
                    <td key={k} className="n" data-column={k}>{amount(d.funds?.[k])}</td>
                  ))}
                  <td className="n">{amount(d.funds?.closingBalance)}</td>
                  <td><DayChecksBadge checks={d.checks} icon={icons.icon} /></td>
                </tr>
                {reasons ? (
                  <tr data-testid={`day-reasons-${d.date}`} className="rs">
                    <td colSpan={columns.length + 3}>
                      <DayChecksReasons checks={d.checks} currency={currency} open={d.state === "open"} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
        </tbody>
        <tfoot>
          <tr data-testid="days-total">
            <td>{t("total")}</td>
            {columns.map((k) => (
              <td key={k} className="n" data-column={k}><Money bare plain minor={totals[k]} currency={currency} data-testid={`total-${k}`} /></td>
            ))}
            <td className="n">{amount(totals.closingBalance)}</td>
            <td />
          </tr>
        </tfoot>
      </ListTable>
    </>
  );
}

/** Fees account per ledger date: fees charged (net of credits), fees settled (retained or invoiced), fees owed. */
export function LedgerFeesTable({ days, totals, currency }: { days: DaySummary[]; totals: FeesTotals; currency: string }) {
  const t = useTranslations("ledgerView.days");
  const f = useLedgerFormat(currency);
  const amount = (minor: number | null | undefined) => (minor != null ? <Money bare plain minor={minor} currency={currency} /> : "—");
  return (
    <ListTable className={DAYS_TABLE_CLASS}>
      <caption>{t("amountsIn", { currency })}</caption>
      <thead>
        <tr>
          <th scope="col">{t("date")}</th>
          <th scope="col" className="n">{t("charged")}</th>
          <th scope="col" className="n">{t("settled")}</th>
          <th scope="col" className="n">{t("net")}</th>
          <th scope="col" className="n">{t("feeBalance")}</th>
        </tr>
      </thead>
      <tbody>
        {[...days].reverse().map((d) => (
          <tr key={d.date} data-testid={`fees-day-${d.date}`}>
            <td className="w"><div className="dt">{f.date(d.date)} <DayStateBadge state={d.state} /></div></td>
            <td className="n">{amount(d.fees?.charged)}</td>
            <td className="n">{amount(d.fees?.settled)}</td>
            <td className="n">{amount(d.fees?.net)}</td>
            <td className="n">{amount(d.fees?.closingBalance)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td>{t("total")}</td>
          <td className="n">{amount(totals.charged)}</td>
          <td className="n">{amount(totals.settled)}</td>
          <td className="n">{amount(totals.net)}</td>
          <td className="n">{amount(totals.closingBalance)}</td>
        </tr>
      </tfoot>
    </ListTable>
  );
}
