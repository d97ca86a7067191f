"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { ChevronDown, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { RENEWAL_LENGTHS, type RenewalLength } from "@/lib/lifecycle/renewal";
import { formatLedgerDate } from "@/lib/format";
import { renewGrantAction } from "@/lib/server/renewals/renewal-actions";

/**
 * M8, one-click renewal: the main button repeats the grant's own length; the menu offers other lengths. The
 * input is checked with the same schema as on the server before it is sent.
 */
export function RenewGrantButtons({ grantId, partner, ledger, lengthDays, personalData }: { grantId: string; partner: string; ledger: string; lengthDays: number; personalData: boolean }) {
  const t = useTranslations("renewals");
  const locale = useLocale();
  const router = useRouter();
  const { renewGrantSchema } = useLifecycleSchemas();
  const [pending, start] = useTransition();
  const renew = (length: RenewalLength) =>
    start(async () => {
      const parsed = renewGrantSchema.safeParse({ grantId, length });
      if (!parsed.success) {
        toast.error(parsed.error.issues[0]?.message ?? t("failed"));
        return;
      }
      const result = await renewGrantAction(parsed.data);
      if (!result.ok) {
        toast.error(result.error.message);
        return;
      }
      if (result.data.status === "pending_approval") toast.info(t("renewedPendingToast", { partner }));
      else toast.success(t("renewedToast", { partner, date: result.data.validUntil ? formatLedgerDate(result.data.validUntil, locale) : "" }));
      router.refresh();
    });
  const others = RENEWAL_LENGTHS.filter((l) => l !== "same");
  return (
    <div className="inline-flex" role="group" aria-label={t("renewGroup", { partner, ledger })}>
      <Button size="sm" className="rounded-r-none" onClick={() => renew("same")} loading={pending} title={personalData ? t("personalDataNote") : undefined} aria-label={t("renewSameFor", { days: lengthDays, partner, ledger })}>
        {pending ? null : <RefreshCw aria-hidden />}
        {t("renewSame", { days: lengthDays })}
      </Button>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size="sm" className="rounded-l-none border-l border-primary-foreground/25 px-2" disabled={pending} aria-label={t("otherLengths", { partner, ledger })}>
            <ChevronDown aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>{t("extendBy")}</DropdownMenuLabel>
          {others.map((l) => (
            <DropdownMenuItem key={l} onSelect={() => renew(l)}>{t("days", { days: Number(l) })}</DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
    </div>
  );
}
