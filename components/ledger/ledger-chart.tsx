"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatCompact } from "@/lib/format";
import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DaySummary } from "@/lib/ledgers/day-summary";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/**
 * Daily net change of the funds balance and the amount paid out (recharts). Values stay minor units; only the
 * axis and tooltip format them. The per-date table carries the same figures for screen readers and keyboards.
 */
export function LedgerChart({ days, currency }: { days: DaySummary[]; currency: string }) {
  const t = useTranslations("ledgerView.chart");
  const f = useLedgerFormat(currency);
  const rows = days
    .filter((d) => d.funds)
    .map((d) => ({ date: d.date, label: f.dayMonth(d.date), net: d.funds!.net, payouts: -d.funds!.payouts }));
  const best = rows.reduce<(typeof rows)[number] | null>((a, r) => (!a || r.net > a.net ? r : a), null);
  const payoutCount = rows.filter((r) => r.payouts !== 0).length;
  const payoutSum = rows.reduce((s, r) => s + r.payouts, 0);
  const locale = useLocale();
  return (
    <figure className="m-0">
      <div role="img" aria-label={`${t("title")}. ${best ? t("summary", { max: f.money(best.net), date: f.date(best.date), payouts: payoutCount, amount: f.money(payoutSum) }) : ""}`} className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid vertical={false} stroke="var(--color-border)" />
            <XAxis dataKey="label" tickLine={false} axisLine={false} fontSize={12} stroke="var(--color-muted-foreground)" minTickGap={12} />
            <YAxis tickLine={false} axisLine={false} fontSize={12} stroke="var(--color-muted-foreground)" width={56} tickFormatter={(v: number) => formatCompact(v / 100, locale)} />
            <ReferenceLine y={0} stroke="var(--color-input)" />
            <Tooltip
              cursor={{ fill: "var(--color-muted)" }}
              formatter={(value, name) => [f.money(Number(value)), name === "net" ? t("net") : t("payouts")]}
              labelFormatter={(_, payload) => (payload?.[0]?.payload?.date ? f.date(String(payload[0].payload.date)) : "")}
              contentStyle={{ borderRadius: 8, borderColor: "var(--color-border)", fontSize: 13 }}
            />
            <Legend formatter={(value) => (value === "net" ? t("net") : t("payouts"))} wrapperStyle={{ fontSize: 13 }} />
            <Bar dataKey="net" fill="var(--color-primary)" radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
            <Bar dataKey="payouts" fill="var(--color-success)" radius={[3, 3, 0, 0]} maxBarSize={28} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">{t("description")}</figcaption>
    </figure>
  );
}
