import { getTranslations } from "next-intl/server";
import { KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { PartnerKeysControls } from "@/components/credentials/partner-keys-controls";
import { StoredKeysFacts } from "@/components/credentials/stored-keys-facts";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { getPartnerKeys } from "@/lib/server/credentials/get-partner-keys";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("accountingKeys");

/** P5: the firm's accounting keys, masked. Accountants see whether keys exist; owners add, replace and test them. */
export default async function PartnerKeysPage() {
  const ctx = await requirePartnerContext();
  const [keys, t] = await Promise.all([getPartnerKeys(ctx), getTranslations("apiKeys")]);
  const canWrite = partnerCan(ctx.role, "keys.write") && ctx.partnerStatus !== "suspended";
  return (
    <>
      <PageHeader title={t("partnerTitle")} description={t("partnerDescription", { partner: ctx.partnerName })} />
      {!canWrite ? <Alert variant="info" className="mb-6" description={t("readOnlyPartner")} data-testid="keys-read-only" /> : null}
      <Card className="max-w-2xl">
        <CardHeader>
          <CardTitle as="h2">{t("keysTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          {keys ? <StoredKeysFacts keys={keys} /> : <EmptyState size="sm" icon={KeyRound} title={t("noKeysTitle")} description={t("noKeysDescription")} />}
          {canWrite ? <PartnerKeysControls partner={ctx.partnerName} hasKeys={keys !== null} /> : null}
        </CardContent>
      </Card>
    </>
  );
}
