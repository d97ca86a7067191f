"use client";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { ChevronLeft, ChevronRight, Search, SearchX, X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";
import type { DateRange } from "@/lib/ledgers/range";
import { callAction } from "@/components/ledger/action-call";
import { EntryTypeLabel } from "@/components/ledger/entry-type-label";
import { ledgerKeys, type LedgerActions, type LedgerEntriesPage, type LedgerTarget } from "@/components/ledger/ledger-types";
import { Money } from "@/components/ledger/money";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

const PAGE_SIZE = 50;

export interface EntriesSeed {
  range: DateRange;
  topic: "funds" | "fees";
  page: LedgerEntriesPage;
}

/**
 * One topic's entries, a page at a time from the server (keyset paging: the 2,000th page costs what the first
 * does), with search by reference or pspReference. The first page of the first paint comes from the server
 * component; later pages and searches are react-query reads of the same server action.
 */
export function LedgerEntries(props: {
  target: LedgerTarget;
  actions: Pick<LedgerActions, "readEntries">;
  range: DateRange;
  topic: "funds" | "fees";
  currency: string;
  /** The ledger's zone: entry times are its wall-clock times (a Finnish ledger's in Helsinki). */
  timeZone: string;
  personalData: boolean;
  openDates: string[];
  seed?: EntriesSeed;
  onlyDate: string | null;
  onShowAllDates: () => void;
}) {
  const { target, actions, topic, currency, timeZone, personalData, openDates, seed, onlyDate, onShowAllDates } = props;
  const t = useTranslations("ledgerView.entries");
  const ts = useTranslations("ledgerView.states");
  const f = useLedgerFormat(currency, timeZone);
  const [draft, setDraft] = useState("");
  const [search, setSearch] = useState("");
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const range = onlyDate ? { from: onlyDate, to: onlyDate } : props.range;
  const after = cursors.at(-1);
  const q = { ...range, topic, search, after };
  const seeded = seed && !search && !after && seed.topic === topic && seed.range.from === range.from && seed.range.to === range.to;

  const query = useQuery({
    queryKey: ledgerKeys.entries(target, q),
    queryFn: () => callAction(actions.readEntries, { ...target, ...range, topic, ...(search ? { search } : {}), ...(after ? { after } : {}) }),
    initialData: seeded ? seed.page : undefined,
    placeholderData: keepPreviousData,
  });

  const page = query.data;
  const first = (cursors.length - 1) * PAGE_SIZE + 1;
  const topicLabel = topic === "funds" ? t("funds") : t("fees");

  const runSearch = (value: string) => {
    setSearch(value.trim());
    setCursors([undefined]);
  };

  return (
    <div className="flex flex-col" aria-busy={query.isFetching}>
      <div className="flex flex-wrap items-end gap-3 px-5 py-4">
        <form
          role="search"
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            runSearch(draft);
          }}
        >
          <Field label={t("search")} className="w-80 max-w-full">
            <Input type="search" name="search" maxLength={100} placeholder={t("searchPlaceholder")} value={draft} onChange={(e) => setDraft(e.target.value)} />
          </Field>
          <Button type="submit" variant="outline">
            <Search aria-hidden />
            {t("searchButton")}
          </Button>
          {search ? (
            <Button
              type="button"
              variant="ghost"
              onClick={() => {
                setDraft("");
                runSearch("");
              }}
            >
              <X aria-hidden />
              {t("clear")}
            </Button>
          ) : null}
        </form>
        {onlyDate ? (
          <div className="ml-auto flex items-center gap-2 text-sm">
            <Badge variant="info">{t("onlyDate", { date: f.date(onlyDate) })}</Badge>
            <Button type="button" size="sm" variant="ghost" onClick={onShowAllDates}>
              {t("allDates")}
            </Button>
          </div>
        ) : null}
      </div>

      {query.error ? (
        <div className="px-5 pb-4">
          <Alert variant="danger" role="alert" title={query.error.message} action={<Button size="sm" variant="outline" onClick={() => void query.refetch()}>{ts("retry")}</Button>} />
        </div>
      ) : null}

      {page && page.entries.length === 0 ? (
        <EmptyState
          size="sm"
          icon={SearchX}
          title={search ? t("noMatchTitle", { search }) : t("emptyTitle")}
          description={search ? t("noMatchDescription") : t("emptyDescription", { topic: topicLabel.toLowerCase() })}
        />
      ) : (
        <Table className={cn(query.isPlaceholderData && "opacity-60")} data-testid={`entries-${topic}`}>
          <TableCaption className="sr-only">{t("caption", { topic: topicLabel })}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHead>{t("date")}</TableHead>
              <TableHead>{t("time")}</TableHead>
              <TableHead>{t("type")}</TableHead>
              <TableHead>{t("reference")}</TableHead>
              <TableHead>{t("pspReference")}</TableHead>
              {personalData ? <TableHead>{t("payer")}</TableHead> : null}
              <TableHead numeric>{t("amount")}</TableHead>
              <TableHead numeric>{t("balanceAfter")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {(page?.entries ?? []).map((e) => (
              <TableRow key={e.key} data-testid="entry-row" data-entry-type={e.entryType}>
                <TableCell className="whitespace-nowrap">
                  {f.shortDate(e.ledgerDate)}
                  {openDates.includes(e.ledgerDate) ? <Badge variant="warning" className="ml-2">{t("openBadge")}</Badge> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap tabular-nums text-muted-foreground">{f.time(e.time)}</TableCell>
                <TableCell className="whitespace-nowrap"><EntryTypeLabel type={e.entryType} /></TableCell>
                <TableCell className="max-w-64 truncate" title={e.reference}>{e.reference || "—"}</TableCell>
                <TableCell className="font-mono text-xs" data-testid="entry-psp">{e.pspReference}</TableCell>
                {personalData ? (
                  <TableCell className="text-xs">
                    {e.personal?.name ? <div>{e.personal.name}</div> : null}
                    {e.personal?.maskedPhoneNo ? <div className="text-muted-foreground">{e.personal.maskedPhoneNo}</div> : null}
                    {e.personal?.message ? <div className="italic text-muted-foreground">“{e.personal.message}”</div> : null}
                  </TableCell>
                ) : null}
                <TableCell numeric><Money minor={e.amount} currency={currency} data-testid="entry-amount" /></TableCell>
                <TableCell numeric><Money minor={e.balanceAfter} currency={currency} /></TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}

      <nav aria-label={t("navigation")} className="flex items-center justify-between gap-3 border-t border-border px-5 py-2.5">
        <p className="text-[0.8125rem] text-muted-foreground tabular-nums" aria-live="polite" data-testid="entries-summary">
          {page && page.total > 0 ? t("summary", { first, last: first + page.entries.length - 1, total: page.total }) : t("none")}
        </p>
        <div className="flex items-center gap-1.5">
          <Button variant="outline" size="sm" disabled={cursors.length <= 1 || query.isFetching} onClick={() => setCursors(cursors.slice(0, -1))}>
            <ChevronLeft aria-hidden />
            {t("previous")}
          </Button>
          <Button variant="outline" size="sm" disabled={!page?.nextCursor || query.isFetching} onClick={() => page?.nextCursor && setCursors([...cursors, page.nextCursor])}>
            {t("next")}
            <ChevronRight aria-hidden />
          </Button>
        </div>
      </nav>
    </div>
  );
}
