"use client";

import { useTransition } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const ALL = "all";

/** M1 filters: one sales unit and/or one partner, kept in the URL so a filtered view can be shared and reloaded. */
export function OverviewFilters({ salesUnits, partners }: { salesUnits: { id: string; name: string; msn: string }[]; partners: { id: string; name: string }[] }) {
  const t = useTranslations("partnersOverview");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const salesUnit = params.get("salesUnit") ?? ALL;
  const partner = params.get("partner") ?? ALL;

  function set(name: "salesUnit" | "partner", value: string) {
    const next = new URLSearchParams(params.toString());
    next.delete("after"); // a new filter starts at the first page
    next.delete("before");
    if (value === ALL) next.delete(name);
    else next.set(name, value);
    const query = next.toString();
    startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
  }

  return (
    <div role="group" aria-label={t("filtersLabel")} aria-busy={pending || undefined} className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex min-w-56 flex-col gap-1.5">
        <Label htmlFor="filter-sales-unit">{t("filterSalesUnit")}</Label>
        <Select value={salesUnit} onValueChange={(v) => set("salesUnit", v)}>
          <SelectTrigger id="filter-sales-unit" size="sm" className="w-64">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allSalesUnits")}</SelectItem>
            {salesUnits.map((u) => (
              <SelectItem key={u.id} value={u.id}>{t("salesUnitOption", { name: u.name, msn: u.msn })}</SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="flex min-w-56 flex-col gap-1.5">
        <Label htmlFor="filter-partner">{t("filterPartner")}</Label>
        <Select value={partner} onValueChange={(v) => set("partner", v)}>
          <SelectTrigger id="filter-partner" size="sm" className="w-64">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>{t("allPartners")}</SelectItem>
            {partners.map((p) => (
              <SelectItem key={p.id} value={p.id}>{p.name}</SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {salesUnit !== ALL || partner !== ALL ? (
        <Button variant="ghost" size="sm" onClick={() => startTransition(() => router.replace(pathname, { scroll: false }))}>
          <X aria-hidden />
          {t("clearFilters")}
        </Button>
      ) : null}
    </div>
  );
}
