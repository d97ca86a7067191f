"use client";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { LedgerRangeView } from "@/components/ledger/ledger-types";
import { useLedgerFormat } from "@/components/ledger/use-ledger-format";

/**
 * The explicit states of a read that did not get everything: upstream down or slowing us down, keys refused or
 * missing, the ledger not visible upstream, dates still open. Each says what happened and what to do next.
 */
export function LedgerNotices({ view, reader, onRetry, retrying }: { view: LedgerRangeView; reader: "partner" | "merchant"; onRetry: () => void; retrying: boolean }) {
  const t = useTranslations("ledgerView.states");
  const f = useLedgerFormat(view.currency);
  // Full dates: a short Nordic date ends in a dot, and "på 6.12.." read oddly at the end of a sentence.
  const list = (dates: string[]) => dates.map(f.date).join(", ");
  const notices = [];

  if (view.problem) {
    const detail =
      view.problem === "NOT_FOUND"
        ? t(reader === "partner" ? "notFoundPartner" : "notFoundMerchant")
        : view.problem === "UNAUTHENTICATED" || view.problem === "NO_KEYS"
          ? t(reader === "partner" ? "keysHintPartner" : "keysHintMerchant")
          : view.retryAfterSeconds
            ? t("retryAfter", { seconds: view.retryAfterSeconds })
            : null;
    notices.push(
      <Alert
        key="problem"
        role="alert"
        variant={view.unavailableDates.length === view.days.length ? "danger" : "warning"}
        title={t(view.problem, { ledgerId: view.ledgerId })}
        description={
          <>
            <p>
              {view.unavailableDates.length === view.days.length
                ? t("problemAllDates", { count: view.unavailableDates.length })
                : t("problemDates", { count: view.unavailableDates.length, dates: list(view.unavailableDates) })}
            </p>
            {detail ? <p className="mt-1">{detail}</p> : null}
          </>
        }
        action={
          <Button size="sm" variant="outline" onClick={onRetry} loading={retrying}>
            {t("retry")}
          </Button>
        }
        data-testid="ledger-problem"
        data-problem={view.problem}
      />,
    );
  }

  if (view.openDates.length > 0) {
    const onlyOpen = view.openDates.length === view.days.length;
    notices.push(
      <Alert
        key="open"
        variant="info"
        title={onlyOpen ? t("onlyOpenTitle") : t("openTitle")}
        description={onlyOpen ? t("onlyOpenDescription") : t("openDescription", { dates: list(view.openDates) })}
        data-testid="ledger-open-dates"
      />,
    );
  }

  if (view.personalDataMissing) notices.push(<Alert key="pd" variant="warning" description={t("personalDataMissing")} />);
  return notices.length > 0 ? <div className="space-y-3">{notices}</div> : null;
}
