import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/page-header";
import { Alert } from "@/components/ui/alert";
import { AddPartnerForm } from "@/components/grants/add-partner-form";
import { QueryProvider } from "@/components/providers/query-provider";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { countMerchantLedgers, listLedgersForGrantForm } from "@/lib/server/grants/queries";
import { getDirectoryPartner, searchPartnerDirectory } from "@/lib/server/partner-directory/search-partners";
import { isUuid } from "@/lib/ids";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("addAnAccountingPartner");

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * M2: the add-partner flow. `?partner=<id>` preselects a directory partner and `?ledger=<id>` a ledger
 * (links from the overview and from access requests); anything not the user's to choose is ignored.
 */
export default async function AddPartnerPage({ searchParams }: { searchParams: SearchParams }) {
  const ctx = await requireMerchantContext();
  const t = await getTranslations("grantForm");
  const header = <PageHeader breadcrumbs={[{ label: t("back"), href: "/merchant/partners" }, { label: t("title") }]} title={t("title")} description={t("description")} />;
  if (!merchantCan(ctx.role, "grants.write")) {
    return (
      <>
        {header}
        <Alert variant="warning" title={t("forbiddenTitle")} description={t("forbiddenDescription")} />
      </>
    );
  }
  const sp = await searchParams;
  const partnerParam = typeof sp.partner === "string" ? sp.partner : undefined;
  const ledgerParams = (Array.isArray(sp.ledger) ? sp.ledger : sp.ledger ? [sp.ledger] : []).filter(isUuid);
  const [ledgers, merchantLedgerCount, initialPartners, initialPartner] = await Promise.all([
    listLedgersForGrantForm(ctx),
    countMerchantLedgers(ctx),
    searchPartnerDirectory(ctx, ""),
    partnerParam ? getDirectoryPartner(ctx, partnerParam) : Promise.resolve(null),
  ]);
  const initialLedgerIds = ledgers.filter((l) => l.access === "grantable" && ledgerParams.includes(l.id)).map((l) => l.id);
  return (
    <>
      {header}
      {/* The partner search and the grant preview are react-query reads (decision 040). */}
      <QueryProvider>
        <div className="max-w-4xl">
          <AddPartnerForm
            merchantName={ctx.merchantName}
            ledgers={ledgers}
            merchantLedgerCount={merchantLedgerCount}
            initialPartners={initialPartners}
            initialPartner={initialPartner}
            initialLedgerIds={initialLedgerIds}
          />
        </div>
      </QueryProvider>
    </>
  );
}
