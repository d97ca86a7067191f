import { getTranslations } from "next-intl/server";
import { KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerCell } from "@/components/merchant/sales-unit-cell";
import { SalesUnitKeysControls } from "@/components/credentials/sales-unit-keys-controls";
import { StoredKeysFacts } from "@/components/credentials/stored-keys-facts";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { listSalesUnitKeys } from "@/lib/server/credentials/list-sales-unit-keys";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("apiKeys");

/**
 * M6: each sales unit's own API keys, masked. Everyone in the merchant sees whether keys exist (managers: their
 * sales units); only an admin adds, replaces or tests them (the actions refuse anyone else with 403).
 */
export default async function MerchantKeysPage() {
  const ctx = await requireMerchantContext();
  const [units, t, tm] = await Promise.all([listSalesUnitKeys(ctx), getTranslations("apiKeys"), getTranslations("merchantPartners")]);
  const canWrite = merchantCan(ctx.role, "keys.write");
  return (
    <>
      <PageHeader title={t("merchantTitle")} description={t("merchantDescription")} />
      {!canWrite ? <Alert variant="info" className="mb-6" description={t("readOnlyMerchant")} data-testid="keys-read-only" /> : null}
      {units.length === 0 ? (
        <EmptyState bordered icon={KeyRound} title={tm("emptyTitle")} description={tm("emptyDescription")} />
      ) : (
        <div className="grid gap-4 lg:grid-cols-2">
          {units.map((u) => (
            <Card key={u.msn} data-testid={`keys-${u.msn}`}>
              <CardHeader>
                <CardTitle as="h2">{u.name}</CardTitle>
                <p className="text-xs text-muted-foreground tabular-nums">
                  {tm("msn", { msn: u.msn })} · {u.channel === "api" ? tm("channelApi") : tm("channelVm")}
                </p>
              </CardHeader>
              <CardContent className="space-y-4">
                <div className="grid gap-4 sm:grid-cols-[auto_1fr]">
                  <LedgerCell ledger={u.ledger} />
                  <StoredKeysFacts keys={u.keys} />
                </div>
                {canWrite ? <SalesUnitKeysControls msn={u.msn} name={u.name} hasKeys={u.keys !== null} sharedLedger={(u.ledger?.salesUnitCount ?? 0) > 1} /> : null}
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
