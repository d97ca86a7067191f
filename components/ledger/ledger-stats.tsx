"use client";
import { useLocale, useTranslations } from "next-intl";
import { ArrowDownToLine, Banknote, Receipt, RotateCcw, Sigma } from "lucide-react";
import { StatCard } from "@/components/ui/stat-card";
import { formatMoney } from "@/lib/format";
import { money } from "@/lib/money";
import type { LedgerRangeView } from "@/components/ledger/ledger-types";
import { Money } from "@/components/ledger/money";

/** The range's totals: captures, refunds, fees charged, payouts, and the net change of the funds balance. */
export function LedgerStats({ view }: { view: LedgerRangeView }) {
  const locale = useLocale();
  const t = useTranslations("ledgerView.stats");
  const { funds, fees } = view.totals;
  const c = view.currency;
  const readable = view.days.filter((d) => d.funds).length;
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-5" data-testid="ledger-stats">
      <StatCard label={t("captures")} icon={ArrowDownToLine} value={<Money minor={funds.captures} currency={c} className="text-xl" data-testid="stat-captures" />} hint={t("datesHint", { dates: readable, entries: funds.entries })} />
      <StatCard label={t("refunds")} icon={RotateCcw} value={<Money minor={funds.refunds} currency={c} className="text-xl" data-testid="stat-refunds" />} />
      <StatCard label={t("feesCharged")} icon={Receipt} value={<Money minor={fees.charged} currency={c} className="text-xl" data-testid="stat-fees" />} hint={t("feesHint")} />
      <StatCard label={t("payouts")} icon={Banknote} value={<Money minor={funds.payouts} currency={c} className="text-xl" data-testid="stat-payouts" />} />
      <StatCard
        label={t("net")}
        icon={Sigma}
        value={<Money minor={funds.net} currency={c} signed className="text-xl" data-testid="stat-net" />}
        hint={funds.openingBalance != null && funds.closingBalance != null ? t("netHint", { opening: formatMoney(money(funds.openingBalance, c), locale), closing: formatMoney(money(funds.closingBalance, c), locale) }) : undefined}
      />
    </div>
  );
}
