import { getTranslations } from "next-intl/server";
import { Card, CardContent } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/**
 * What a ledger page shows while its first read streams in (a first view may fetch dates from Vipps MobilePay
 * and cache them). Server component; the status text is announced once.
 */
export async function LedgerViewSkeleton() {
  const t = await getTranslations("ledgerView.states");
  return (
    <div className="space-y-6" aria-busy="true" data-testid="ledger-loading">
      <p role="status" className="text-sm text-muted-foreground">{t("loading")}</p>
      <Card>
        <CardContent className="pt-5">
          <Skeleton className="h-16" />
        </CardContent>
      </Card>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 2xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-64" />
    </div>
  );
}
