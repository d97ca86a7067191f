import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

/** Name, MSN and channel together, so similar sales-unit names can be told apart. */
export function SalesUnitCell({ name, msn, channel }: { name: string; msn: string; channel: "api" | "vm" }) {
  const t = useTranslations("merchantPartners");
  return (
    <div className="min-w-0">
      <div className="truncate font-medium text-foreground">{name}</div>
      <div className="mt-0.5 flex items-center gap-2 text-xs text-muted-foreground">
        <span className="tabular-nums">{t("msn", { msn })}</span>
        <span aria-hidden>·</span>
        <span>{channel === "api" ? t("channelApi") : t("channelVm")}</span>
      </div>
    </div>
  );
}

/** The ledger id, its currency, and a note when it settles more than one sales unit. */
export function LedgerCell({ ledger }: { ledger: { externalId: string; currency: string; salesUnitCount: number } | null }) {
  const t = useTranslations("merchantPartners");
  if (!ledger) return <span className="text-sm text-muted-foreground">{t("noLedger")}</span>;
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <span className="font-mono text-sm tabular-nums">{ledger.externalId}</span>
        <Badge variant="outline">{ledger.currency}</Badge>
      </div>
      {ledger.salesUnitCount > 1 ? (
        <Badge variant="warning" title={t("sharedLedgerHint")}>{t("sharedLedger", { count: ledger.salesUnitCount })}</Badge>
      ) : null}
    </div>
  );
}
