import { Suspense } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { KeyRound, Split, CircleSlash } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerDenial } from "@/components/ledger/ledger-denial";
import { LedgerPageBody } from "@/app/_shared/ledger-page-body";
import { LedgerViewSkeleton } from "@/components/ledger/ledger-view-skeleton";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { merchantCan } from "@/lib/server/authz/permissions";
import { getMerchantLedgerAccess, visibleBounds } from "@/lib/server/ledgers/access/ledger-access";
import { LedgerExportButton } from "@/components/exports/ledger-export-section";
import { ReceiptList } from "@/components/exports/receipt-list";
import { todayLedgerDate, DEFAULT_LEDGER_TZ } from "@/lib/dates";
import { prepareMerchantLedgerExportAction } from "@/lib/server/exports/actions";
import { listLedgerReceipts } from "@/lib/server/exports/list-receipts";
import { merchantLedgerSyncStatusAction, readMerchantLedgerEntriesAction, readMerchantLedgerRangeAction, syncMerchantLedgerAction } from "@/lib/server/ledgers/actions/merchant-ledger-actions";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("ledger");

/**
 * M6: a sales unit's ledger, read with that sales unit's own keys. A ledger that settles several sales units is
 * refused before any upstream call, and the page says why in plain words. Another merchant's sales unit (or one
 * outside a manager's scope) is a 404.
 */
export default async function MerchantLedgerPage({ params, searchParams }: { params: Promise<{ msn: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const ctx = await requireMerchantContext();
  const { msn } = await params;
  const result = await getMerchantLedgerAccess(ctx, msn);
  if (!result) notFound();
  const [t, tv, tm] = await Promise.all([getTranslations("merchantLedger"), getTranslations("ledgerView"), getTranslations("merchantPartners")]);
  const { unit } = result;
  const sp = await searchParams;
  // The ledger's own date (its merchant's country); without a readable ledger the export button is not shown.
  const today = todayLedgerDate(new Date(), result.kind === "ok" ? result.access.ledger.timeZone : DEFAULT_LEDGER_TZ);
  const header = (
    <PageHeader
      breadcrumbs={[{ label: t("back"), href: "/merchant/ledger" }, { label: unit.name }]}
      title={unit.name}
      titleAddon={unit.ledger ? <Badge variant="outline">{unit.ledger.currency}</Badge> : undefined}
      actions={
        result.kind === "ok" ? (
          <LedgerExportButton
            target={{ msn: unit.msn }}
            ledgerId={result.access.ledger.externalId}
            href={`/merchant/ledger/${encodeURIComponent(unit.msn)}/export`}
            prepare={prepareMerchantLedgerExportAction}
            personalData={false}
            bounds={visibleBounds(result.access, today)}
            searchParams={sp}
            today={today}
          />
        ) : undefined
      }
      meta={
        <>
          <span className="tabular-nums">{tm("msn", { msn: unit.msn })}</span>
          {unit.ledger ? <span className="tabular-nums">{tv("title", { ledgerId: unit.ledger.externalId })}</span> : null}
        </>
      }
    />
  );

  if (result.kind === "shared-ledger") {
    const names = result.ledger.salesUnits.map((s) => `${s.name} (MSN ${s.msn})`).join(", ");
    return (
      <>
        {header}
        <LedgerDenial icon={Split} title={t("sharedTitle", { name: unit.name })} action={{ href: "/merchant/partners", label: t("sharedAction") }}>
          <p>{t("sharedBody", { ledgerId: result.ledger.externalId, count: result.ledger.salesUnits.length, names })}</p>
          <p>{t("sharedHint", { ledgerId: result.ledger.externalId })}</p>
        </LedgerDenial>
      </>
    );
  }
  if (result.kind === "no-keys") {
    return (
      <>
        {header}
        <LedgerDenial icon={KeyRound} title={t("noKeysTitle", { name: unit.name })} action={merchantCan(ctx.role, "keys.write") ? { href: "/merchant/keys", label: t("noKeysAction") } : undefined}>
          <p>{t("noKeysBody")}</p>
        </LedgerDenial>
      </>
    );
  }
  if (result.kind === "no-ledger") {
    return (
      <>
        {header}
        <LedgerDenial icon={CircleSlash} title={t("noLedgerTitle", { name: unit.name })}>
          <p>{t("noLedgerBody")}</p>
        </LedgerDenial>
      </>
    );
  }

  return (
    <>
      {header}
      <Suspense fallback={<LedgerViewSkeleton />}>
        <LedgerPageBody
          access={result.access}
          searchParams={sp}
          view={{
            target: { msn: unit.msn },
            reader: "merchant",
            actions: { readRange: readMerchantLedgerRangeAction, readEntries: readMerchantLedgerEntriesAction, syncNow: syncMerchantLedgerAction, syncStatus: merchantLedgerSyncStatusAction },
            currency: result.access.ledger.currency,
            personalData: false,
            periodText: null,
          }}
        />
      </Suspense>
      <ReceiptList receipts={await listLedgerReceipts(result.access)} downloadHref={(id) => `/merchant/exports/${id}`} />
    </>
  );
}
