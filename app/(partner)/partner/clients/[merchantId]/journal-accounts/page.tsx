import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { JournalAccountsForm } from "@/components/journal/journal-accounts-form";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { partnerCan } from "@/lib/server/authz/permissions";
import { getClientJournalAccounts } from "@/lib/server/journal/journal-accounts";
import { getFormat } from "@/lib/i18n/get-format";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("journalAccounts");

/**
 * P4: the accounts a client's voucher journal posts to. The owner and the accountants assigned to the client may
 * edit them (decision 022); a merchant that is not this session's client is a 404 like the client page.
 */
export default async function JournalAccountsPage({ params }: { params: Promise<{ merchantId: string }> }) {
  const ctx = await requirePartnerContext();
  const { merchantId } = await params;
  const settings = partnerCan(ctx.role, "ledgers.export") ? await getClientJournalAccounts(ctx, merchantId) : null;
  if (!settings) notFound();
  const [t, tc] = await Promise.all([getTranslations("journal"), getTranslations("clientDetail")]);
  const fmt = await getFormat();
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: tc("back"), href: "/partner/clients" }, { label: settings.merchantName, href: `/partner/clients/${settings.merchantId}` }, { label: t("settings.breadcrumb") }]}
        title={t("settings.title")}
        titleAddon={<Badge variant="outline">{settings.chart.id}</Badge>}
        description={t("settings.description", { merchant: settings.merchantName })}
        meta={
          <>
            <span>{t("settings.defaultsFrom", { chart: t(`charts.${settings.chart.labelKey}`) })}</span>
            <span data-testid="journal-accounts-state">
              {settings.saved && settings.updatedAt
                ? t("settings.savedBy", { when: fmt.dateTime(settings.updatedAt), who: settings.updatedBy ?? "—" })
                : t("settings.notSavedYet")}
            </span>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <Card>
          <CardContent className="pt-5">
            <JournalAccountsForm merchantId={settings.merchantId} accounts={settings.accounts} defaults={settings.chart.accounts} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">{t("settings.howItPosts")}</CardTitle>
            <CardDescription>{t("settings.howItPostsBody")}</CardDescription>
          </CardHeader>
          <CardContent>
            <p className="text-xs text-muted-foreground">{t("settings.docsHint")}</p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
