"use client";

import { useTransition, type ReactNode } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button-variants";
import { controlLook, labelClasses } from "@/components/ui/form-classes";
import { cx } from "@/lib/utils/cx";

// Native selects (decision 031): the Radix select's popper and focus machinery were a large part of the
// merchant's first page's JavaScript, for two plain choices. Plain label and button with the primitives' classes
// (decision 040): the primitives' tailwind-merge, Slot and spinner are not needed for these.
const selectClasses = cx(controlLook, "h-8 w-64 px-2.5 py-1");
const clearClasses = buttonVariants({ variant: "ghost", size: "sm" });

const ALL = "all";

/**
 * M1 filters: one sales unit and/or one partner, kept in the URL so a filtered view can be shared and reloaded.
 * `clearIcon` is rendered by the server, so no icon code is part of the page's JavaScript (decision 049).
 */
export function OverviewFilters({ salesUnits, partners, clearIcon }: { salesUnits: { id: string; name: string; msn: string }[]; partners: { id: string; name: string }[]; clearIcon: ReactNode }) {
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
        <label htmlFor="filter-sales-unit" className={labelClasses}>{t("filterSalesUnit")}</label>
        <select id="filter-sales-unit" className={selectClasses} value={salesUnit} onChange={(e) => set("salesUnit", e.target.value)}>
          <option value={ALL}>{t("allSalesUnits")}</option>
          {salesUnits.map((u) => (
            <option key={u.id} value={u.id}>{t("salesUnitOption", { name: u.name, msn: u.msn })}</option>
          ))}
        </select>
      </div>
      <div className="flex min-w-56 flex-col gap-1.5">
        <label htmlFor="filter-partner" className={labelClasses}>{t("filterPartner")}</label>
        <select id="filter-partner" className={selectClasses} value={partner} onChange={(e) => set("partner", e.target.value)}>
          <option value={ALL}>{t("allPartners")}</option>
          {partners.map((p) => (
            <option key={p.id} value={p.id}>{p.name}</option>
          ))}
        </select>
      </div>
      {salesUnit !== ALL || partner !== ALL ? (
        <button type="button" className={clearClasses} onClick={() => startTransition(() => router.replace(pathname, { scroll: false }))}>
          {clearIcon}
          {t("clearFilters")}
        </button>
      ) : null}
    </div>
  );
}
