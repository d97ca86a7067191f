import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { LedgerAccess } from "@/lib/server/ledgers/access/ledger-access";
import { loadLedgerPageData } from "@/lib/server/ledgers/ledger-page-data";
import { LedgerView, type LedgerViewProps } from "@/components/ledger/ledger-view";
import { formErrorText } from "@/lib/validation/form-errors";
import { QueryProvider } from "@/components/providers/query-provider";

/**
 * The data part of a ledger page, rendered inside <Suspense> so the page header paints at once while the first
 * read (possibly fetching and caching dates upstream) streams in. The caller has already checked access.
 */
export async function LedgerPageBody({ access, searchParams, view }: { access: LedgerAccess; searchParams: Record<string, string | string[] | undefined>; view: Omit<LedgerViewProps, "initialView" | "initialEntries" | "initialSync"> }) {
  const [data, t, tRange] = await Promise.all([loadLedgerPageData(access, searchParams), getTranslations("ledgerView"), getTranslations("formErrors")]);
  const rangeReason = data.rangeErrors.map((m) => formErrorText(m, tRange)).join(" ");
  return (
    <>
      {rangeReason ? <Alert variant="warning" className="mb-4" description={t("range.invalidUrl", { reason: rangeReason })} data-testid="range-error" /> : null}
      {/* The ledger view reads later pages, searches and the sync state through react-query (decision 040). */}
      <QueryProvider>
        <LedgerView {...view} initialView={data.view} initialEntries={data.entries} initialSync={data.sync} />
      </QueryProvider>
    </>
  );
}
