import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { AccessSummary, periodText } from "@/components/ledger/access-summary";
import { LedgerPageBody } from "@/app/_shared/ledger-page-body";
import { LedgerViewSkeleton } from "@/components/ledger/ledger-view-skeleton";
import { requirePartnerContext } from "@/lib/server/authz/contexts";
import { getPartnerLedgerAccess, visibleBounds } from "@/lib/server/ledgers/access/ledger-access";
import { LedgerExportButton } from "@/components/exports/ledger-export-section";
import { ReceiptList } from "@/components/exports/receipt-list";
import { todayLedgerDate } from "@/lib/dates";
import { preparePartnerLedgerExportAction } from "@/lib/server/exports/actions";
import { listLedgerReceipts } from "@/lib/server/exports/list-receipts";
import { partnerLedgerSyncStatusAction, readPartnerLedgerEntriesAction, readPartnerLedgerRangeAction, syncPartnerLedgerAction } from "@/lib/server/ledgers/actions/partner-ledger-actions";
import { pageTitle } from "@/lib/server/i18n/page-title";
import { endedPartnerAccess, type EndedAccess } from "@/lib/server/ledgers/access/ended-partner-access";
import { getFormat } from "@/lib/i18n/get-format";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";
import Link from "next/link";
import { CalendarX2 } from "lucide-react";

export const generateMetadata = pageTitle("ledger");

/**
 * P2: a granted ledger. The grant is checked on the server before anything is read; a ledger that is not granted
 * to this partner (or, for an accountant, not assigned) is a 404 like one that does not exist.
 */
export default async function PartnerLedgerPage({ params, searchParams }: { params: Promise<{ ledgerId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requirePartnerContext();
  const { ledgerId } = await params;
  const access = await getPartnerLedgerAccess(ctx, ledgerId);
  if (!access) {
    // The firm read this ledger before and its access ended: say so, and when (what the notification said).
    // Any other ledger, and a reader who could not see this client, still get the plain 404.
    const ended = await endedPartnerAccess(ctx, ledgerId);
    if (!ended) notFound();
    return <EndedAccessNotice ended={ended} />;
  }
  const [t, tc, period, receipts, sp] = await Promise.all([getTranslations("ledgerView"), getTranslations("clientDetail"), periodText(access.period), listLedgerReceipts(access), searchParams]);
  const { ledger } = access;
  const today = todayLedgerDate(new Date(), ledger.timeZone);
  return (
    <>
      <PageHeader
        breadcrumbs={[{ label: tc("back"), href: "/partner/clients" }, { label: ledger.merchantName, href: `/partner/clients/${ledger.merchantId}` }, { label: t("title", { ledgerId: ledger.externalId }) }]}
        title={t("title", { ledgerId: ledger.externalId })}
        titleAddon={<Badge variant="outline">{ledger.currency}</Badge>}
        description={t("description", { merchant: ledger.merchantName })}
        actions={
          <LedgerExportButton
            target={{ ledgerId: ledger.externalId }}
            ledgerId={ledger.externalId}
            href={`/partner/ledgers/${encodeURIComponent(ledger.externalId)}/export`}
            journalHref={`/partner/journal?${new URLSearchParams({ ledger: ledger.externalId }).toString()}`}
            prepare={preparePartnerLedgerExportAction}
            personalData={access.personalData}
            bounds={visibleBounds(access, today)}
            searchParams={sp}
            today={today}
          />
        }
        meta={
          <>
            <span>{t("settles", { names: ledger.salesUnits.map((s) => `${s.name} (MSN ${s.msn})`).join(", ") })}</span>
            <AccessSummary period={access.period} personalData={access.personalData} validUntil={access.validUntil} />
          </>
        }
      />
      <Suspense fallback={<LedgerViewSkeleton />}>
        <LedgerPageBody
          access={access}
          searchParams={sp}
          view={{
            target: { ledgerId: ledger.externalId },
            reader: "partner",
            actions: { readRange: readPartnerLedgerRangeAction, readEntries: readPartnerLedgerEntriesAction, syncNow: syncPartnerLedgerAction, syncStatus: partnerLedgerSyncStatusAction },
            currency: ledger.currency,
            personalData: access.personalData,
            periodText: period,
          }}
        />
      </Suspense>
      <ReceiptList receipts={receipts} downloadHref={(id) => `/partner/exports/${id}`} />
    </>
  );
}

async function EndedAccessNotice({ ended }: { ended: EndedAccess }) {
  const [t, tc, fmt] = await Promise.all([getTranslations("ledgerView.ended"), getTranslations("clientDetail"), getFormat()]);
  const values = { merchant: ended.merchantName, date: fmt.ledgerDate(ended.endedOn), ledger: ended.ledgerExternalId };
  return (
    <>
      <PageHeader breadcrumbs={[{ label: tc("back"), href: "/partner/clients" }]} title={t("title", values)} />
      <EmptyState
        bordered
        titleAs="h2"
        icon={CalendarX2}
        title={t(ended.how, values)}
        description={t("hint", values)}
        data-testid="access-ended"
        action={<Button asChild variant="outline"><Link href="/partner/clients">{tc("back")}</Link></Button>}
      />
    </>
  );
}
