"use client";
import { useState } from "react";
import dynamic from "next/dynamic";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { CalendarX2, CloudOff, Inbox } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn } from "@/lib/utils/cn";
import { MAX_RANGE_DAYS, type DateRange } from "@/lib/ledgers/range";
import { callAction } from "@/components/ledger/action-call";
import { LedgerDaysTable, LedgerFeesTable } from "@/components/ledger/ledger-days-table";
import { LedgerEntries, type EntriesSeed } from "@/components/ledger/ledger-entries";
import { LedgerNotices } from "@/components/ledger/ledger-notices";
import { LedgerStats } from "@/components/ledger/ledger-stats";
import { ledgerKeys, type LedgerActions, type LedgerRangeView, type LedgerSyncStatus, type LedgerTarget } from "@/components/ledger/ledger-types";
import { RangePicker } from "@/components/ledger/range-picker";
import { SyncPanel } from "@/components/ledger/sync-panel";
import { JournalDownload } from "@/components/journal/journal-download";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

// recharts is the largest library on the page: its chunk loads after the page is interactive, in a placeholder of
// the chart's own height (the per-date table below carries the same figures meanwhile).
const LedgerChart = dynamic(() => import("@/components/ledger/ledger-chart").then((m) => m.LedgerChart), {
  ssr: false,
  loading: () => <Skeleton className="h-64 w-full" />,
});

type Tab = "funds" | "fees" | "fundsEntries" | "feesEntries";

export interface LedgerViewProps {
  target: LedgerTarget;
  reader: "partner" | "merchant";
  actions: LedgerActions;
  currency: string;
  personalData: boolean;
  /** The period the reader may see, for the date picker and the "outside" state (null: open). */
  periodText: string | null;
  initialView: LedgerRangeView;
  initialEntries: EntriesSeed;
  initialSync: LedgerSyncStatus;
}

/**
 * P2: the ledger view. First paint comes from the server component (initial data); changing the range, the tab,
 * the page or the search are react-query reads of grant-checked server actions. The range is kept in the
 * address (replaceState), so a view can be bookmarked or shared with a colleague who has the same access.
 */
export function LedgerView(props: LedgerViewProps) {
  const { target, reader, actions, currency, personalData, periodText, initialView, initialEntries, initialSync } = props;
  const t = useTranslations("ledgerView");
  const f = useLedgerFormat(currency);
  const [range, setRange] = useState<DateRange>(initialView.requested);
  const [tab, setTab] = useState<Tab>("funds");
  const [onlyDate, setOnlyDate] = useState<string | null>(null);
  const isInitial = range.from === initialView.requested.from && range.to === initialView.requested.to;

  const query = useQuery({
    queryKey: ledgerKeys.range(target, range.from, range.to),
    queryFn: () => callAction(actions.readRange, { ...target, ...range }),
    initialData: isInitial ? initialView : undefined,
    placeholderData: keepPreviousData,
  });
  const view = query.data;

  const changeRange = (next: DateRange) => {
    setRange(next);
    setOnlyDate(null);
    const url = new URL(window.location.href);
    url.searchParams.set("from", next.from);
    url.searchParams.set("to", next.to);
    window.history.replaceState(null, "", url);
  };

  const shown = view?.shown ?? null;
  const isEmpty = view && shown && view.totals.funds.entries + view.totals.fees.entries === 0 && view.unavailableDates.length === 0;
  // Upstream answered for none of the dates: zero totals would read as "no money moved", so show none.
  const nothingReadable = Boolean(view && view.days.length > 0 && view.days.every((d) => d.state === "unavailable"));

  return (
    <div className="space-y-6">
      <Card>
        <CardContent className="pt-5">
          <RangePicker value={range} today={initialView.today} bounds={view?.bounds ?? initialView.bounds} onChange={changeRange} busy={query.isFetching} />
          <p className="mt-3 text-xs text-muted-foreground">
            {t("range.hint", { max: MAX_RANGE_DAYS })} {periodText ? t("range.periodHint", { period: periodText }) : null}
          </p>
          {reader === "partner" && "ledgerId" in target ? <div className="mt-3"><JournalDownload ledgerId={target.ledgerId} range={range} closedThrough={view && view.requested.from === range.from && view.requested.to === range.to ? view.completeThrough : undefined} /></div> : null}
        </CardContent>
      </Card>

      {query.error ? (
        <Alert variant="danger" role="alert" title={t("states.errorTitle")} description={<><p>{query.error.message}</p>{"fields" in query.error && query.error.fields ? <ul className="mt-1 list-disc pl-5">{Object.values(query.error.fields as Record<string, string>).map((m) => <li key={m}>{m}</li>)}</ul> : null}</>} action={<Button size="sm" variant="outline" onClick={() => void query.refetch()}>{t("states.retry")}</Button>} />
      ) : null}

      {!view ? (
        <div className="space-y-3" aria-busy="true" aria-label={t("states.loading")}>
          <p className="sr-only" role="status">{t("states.loading")}</p>
          <div className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-5">{Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-24" />)}</div>
          <Skeleton className="h-64" />
        </div>
      ) : !shown ? (
        <EmptyState bordered icon={CalendarX2} titleAs="h2" title={t("states.outsideTitle")} description={t("states.outsideDescription", { period: periodText ?? "" })} data-testid="ledger-outside" />
      ) : (
        <div className={cn("space-y-6 transition-opacity", query.isPlaceholderData && "opacity-60")} aria-busy={query.isFetching}>
          {query.isFetching ? <p className="sr-only" role="status">{t("states.loading")}</p> : null}
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="complete-through">
            {view.completeThrough ? <Badge variant="success" dot>{t("complete.through", { date: f.date(view.completeThrough) })}</Badge> : <Badge variant="neutral">{t("complete.none")}</Badge>}
            {view.openDates.length > 0 ? <Badge variant="warning" dot>{t("complete.stillChanging", { count: view.openDates.length })}</Badge> : null}
            <span className="text-xs text-muted-foreground">
              {f.date(shown.from)} – {f.date(shown.to)} · {t("complete.cache", { cached: view.fromCache, total: view.fromCache + view.fromUpstream })}
            </span>
          </div>

          <LedgerNotices view={view} reader={reader} onRetry={() => void query.refetch()} retrying={query.isFetching} />
          {nothingReadable ? null : <LedgerStats view={view} />}

          <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
            <Card>
              <CardHeader>
                <CardTitle as="h2">{t("chart.title")}</CardTitle>
                <CardDescription>{t("chart.description")}</CardDescription>
              </CardHeader>
              <CardContent>
                {nothingReadable ? (
                  <EmptyState size="sm" icon={CloudOff} title={t("states.nothingReadable")} />
                ) : isEmpty ? (
                  <EmptyState size="sm" icon={Inbox} title={t("states.emptyTitle")} description={t("states.emptyDescription")} />
                ) : (
                  <LedgerChart days={view.days} currency={currency} />
                )}
              </CardContent>
            </Card>
            <SyncPanel target={target} actions={actions} currency={currency} initial={initialSync} />
          </div>

          {nothingReadable ? null : <Card className="overflow-hidden p-0">
            <Tabs value={tab} onValueChange={(v) => setTab(v as Tab)}>
              <div className="border-b border-border px-5 pt-3">
                <TabsList aria-label={t("tabs.label")}>
                  <TabsTrigger value="funds">{t("tabs.funds")}</TabsTrigger>
                  <TabsTrigger value="fees">{t("tabs.fees")}</TabsTrigger>
                  <TabsTrigger value="fundsEntries">{t("tabs.fundsEntries")}</TabsTrigger>
                  <TabsTrigger value="feesEntries">{t("tabs.feesEntries")}</TabsTrigger>
                </TabsList>
              </div>
              <TabsContent value="funds" className="mt-0">
                <LedgerDaysTable
                  days={view.days}
                  totals={view.totals.funds}
                  currency={currency}
                  onShowEntries={(date) => {
                    setOnlyDate(date);
                    setTab("fundsEntries");
                  }}
                />
              </TabsContent>
              <TabsContent value="fees" className="mt-0">
                <LedgerFeesTable days={view.days} totals={view.totals.fees} currency={currency} />
              </TabsContent>
              {(["fundsEntries", "feesEntries"] as const).map((key) => (
                <TabsContent key={key} value={key} className="mt-0">
                  <LedgerEntries
                    key={`${key}|${shown.from}|${shown.to}|${onlyDate ?? ""}`}
                    target={target}
                    actions={actions}
                    range={range}
                    topic={key === "fundsEntries" ? "funds" : "fees"}
                    currency={currency}
                    timeZone={view.timeZone}
                    personalData={personalData}
                    openDates={view.openDates}
                    seed={initialEntries}
                    onlyDate={onlyDate}
                    onShowAllDates={() => setOnlyDate(null)}
                  />
                </TabsContent>
              ))}
            </Tabs>
          </Card>}
        </div>
      )}
    </div>
  );
}
