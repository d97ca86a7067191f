import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BookKey, ChevronRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LedgerCell, SalesUnitCell } from "@/components/merchant/sales-unit-cell";
import { requireMerchantContext } from "@/lib/server/authz/contexts";
import { listSalesUnitKeys } from "@/lib/server/credentials/list-sales-unit-keys";
import { pageTitle } from "@/lib/server/i18n/page-title";

export const generateMetadata = pageTitle("ledger");

/** M6: the merchant's sales units and whether each one's own keys can read its ledger. */
export default async function MerchantLedgersPage() {
  const ctx = await requireMerchantContext();
  const [units, t] = await Promise.all([listSalesUnitKeys(ctx), getTranslations("merchantLedger")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      {units.length === 0 ? (
        <EmptyState bordered icon={BookKey} title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card className="overflow-hidden p-0">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("salesUnit")}</TableHead>
                <TableHead>{t("ledger")}</TableHead>
                <TableHead>{t("access")}</TableHead>
                <TableHead className="w-12"><span className="sr-only">{t("open")}</span></TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.map((u) => {
                const status = !u.ledger ? "noLedger" : u.ledger.salesUnitCount > 1 ? "shared" : !u.keys ? "noKeys" : "readable";
                return (
                  <TableRow key={u.msn} data-testid={`ledger-unit-${u.msn}`} data-status={status}>
                    <TableCell className="align-top">
                      <Link href={`/merchant/ledger/${u.msn}`} className="hover:underline"><SalesUnitCell name={u.name} msn={u.msn} channel={u.channel} /></Link>
                    </TableCell>
                    <TableCell className="align-top"><LedgerCell ledger={u.ledger} /></TableCell>
                    <TableCell className="align-top">
                      <Badge variant={status === "readable" ? "success" : status === "shared" ? "warning" : "neutral"}>{t(status)}</Badge>
                    </TableCell>
                    <TableCell className="align-top text-right">
                      <Link href={`/merchant/ledger/${u.msn}`} aria-label={t("openFor", { name: u.name })} className="focus-ring inline-flex rounded-md p-1.5 text-muted-foreground hover:bg-accent hover:text-foreground">
                        <ChevronRight aria-hidden className="size-4" />
                      </Link>
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
