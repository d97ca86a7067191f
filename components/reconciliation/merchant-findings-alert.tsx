import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import type { MerchantFinding } from "@/lib/reconciliation/types";
import { useFormat } from "@/components/i18n/use-format";

/** M1/M3: the reconciliation's open findings for this merchant, in words ("out of sync"). Server-safe. */
export function MerchantFindingsAlert({ findings }: { findings: readonly MerchantFinding[] }) {
  const t = useTranslations("merchantReconciliation");
  const fmt = useFormat();
  if (findings.length === 0) return null;
  return (
    <Alert
      className="mb-6"
      variant="warning"
      title={t("title")}
      data-testid="out-of-sync-findings"
      description={
        <>
          <ul className="list-disc space-y-1 pl-5">
            {findings.map((f) => (
              <li key={f.id} data-kind={f.kind}>
                {t(f.kind, { partner: f.partnerName, ledger: f.ledgerExternalId, when: fmt.date(f.firstSeenAt) })}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs">{t("hint")}</p>
        </>
      }
    />
  );
}
