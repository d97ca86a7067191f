"use client";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { callAction } from "@/components/ledger/action-call";
import { ledgerKeys, type LedgerActions, type LedgerSyncStatus, type LedgerTarget } from "@/components/ledger/ledger-types";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

const RUNNING = new Set(["created", "retry", "active"]);

/**
 * P3 for a person: when the ledger was last synced, how far it is closed, how many closed dates are cached, and
 * "Sync now", which queues the background job and follows it until it is done.
 */
export function SyncPanel({ target, actions, currency, initial }: { target: LedgerTarget; actions: Pick<LedgerActions, "syncNow" | "syncStatus">; currency: string; initial: LedgerSyncStatus }) {
  const t = useTranslations("ledgerSync");
  const tb = useTranslations("ledgerBackfill");
  const f = useLedgerFormat(currency);
  const client = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const [alreadyQueued, setAlreadyQueued] = useState(false);

  const status = useQuery({
    queryKey: ledgerKeys.sync(target, jobId),
    queryFn: () => callAction(actions.syncStatus, { ...target, ...(jobId ? { jobId } : {}) }),
    initialData: jobId ? undefined : initial,
    // Follows a queued run closely, and the history caught up in the background (chunk jobs) more slowly.
    refetchInterval: (q) => (q.state.data?.job && RUNNING.has(q.state.data.job.state) ? 1500 : q.state.data?.backfilling ? 5000 : false),
  });
  const sync = useMutation({
    mutationFn: () => callAction(actions.syncNow, target),
    onSuccess: ({ jobId: id }) => {
      setAlreadyQueued(id === null);
      if (id) setJobId(id);
    },
  });

  const s = status.data ?? initial;
  const running = Boolean(s.job && RUNNING.has(s.job.state));
  const jobState = s.job?.state;
  useEffect(() => {
    // Freshly cached dates: the next view of a range reads them from the cache instead of upstream.
    if (jobState === "completed") void client.invalidateQueries({ queryKey: ledgerKeys.all(target) });
  }, [jobState, client, target]);

  return (
    <Card data-testid="sync-panel">
      <CardHeader>
        <CardTitle as="h2">{t("title")}</CardTitle>
        <CardDescription>{t("explain")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3 text-sm">
        <p data-testid="sync-last">
          {s.lastSyncedAt ? t("lastSynced", { when: f.relative(s.lastSyncedAt, s.checkedAt) }) : s.cachedDates > 0 ? tb("cachedByViews") : t("neverSynced")}
        </p>
        {s.lastClosedDate ? <p className="text-muted-foreground">{t("closedThrough", { date: f.date(s.lastClosedDate) })}</p> : null}
        {/* No bar without closed dates to cache: an empty window read as "complete" beside "Not synced yet". */}
        {s.window && s.windowDates > 0 ? (
          <div className="space-y-1.5">
            <Progress value={s.cachedDates} max={Math.max(1, s.windowDates)} label={t("progressLabel")} valueText={t("progress", { cached: s.cachedDates, total: s.windowDates, from: f.date(s.window.from) })} tone={s.cachedDates >= s.windowDates ? "success" : "primary"} />
            <p className="text-xs text-muted-foreground" data-testid="sync-progress">
              {s.backfilling ? tb("historyRunning", { cached: s.cachedDates, total: s.windowDates }) : t("progress", { cached: s.cachedDates, total: s.windowDates, from: f.date(s.window.from) })}
            </p>
          </div>
        ) : null}
        {s.lastError && s.lastErrorAt ? (
          <Alert variant="warning" description={t("lastError", { when: f.relative(s.lastErrorAt, s.checkedAt), reason: t(s.lastError as "NO_KEYS") })} />
        ) : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button variant="outline" size="sm" onClick={() => sync.mutate()} loading={sync.isPending || running} disabled={running}>
            <RefreshCw aria-hidden />
            {t("syncNow")}
          </Button>
          <p role="status" className="text-xs text-muted-foreground" data-testid="sync-state">
            {s.job ? t(s.job.state) : alreadyQueued ? t("alreadyQueued") : ""}
          </p>
        </div>
        {sync.error ? <Alert variant="danger" role="alert" description={sync.error.message} /> : null}
      </CardContent>
    </Card>
  );
}
