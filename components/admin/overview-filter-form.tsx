import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, controlClasses } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils/cn";
import { OrgFilter } from "@/components/admin/org-filter";
import type { OrgChoice } from "@/lib/admin-orgs/org-search";
import { OVERVIEW_SORTS, OVERVIEW_STATUSES } from "@/lib/admin-access/overview-query";

export interface OverviewFilterValues {
  status: string;
  expiring: string;
  personal: boolean;
  outOfSync: boolean;
  q: string;
  sort: string;
}

const selectClasses = cn(controlClasses, "h-9 px-2.5 py-1.5");

/**
 * A1's filters as a plain GET form: the filters are the page's URL, so a view survives a reload, can be linked,
 * and works before any script has loaded (the merchant and partner filters search on the server, so choosing another
 * needs the script; the current choice is submitted either way). Server component.
 */
export async function OverviewFilterForm({ partner, merchant, values }: { partner: OrgChoice | null; merchant: OrgChoice | null; values: OverviewFilterValues }) {
  const t = await getTranslations("adminOverview");
  return (
    <form method="get" action="/admin/access" role="search" aria-label={t("filters")} className="mb-4 flex flex-wrap items-end gap-3" data-testid="overview-filters">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="f-q">{t("search")}</Label>
        <Input id="f-q" name="q" defaultValue={values.q} placeholder={t("searchPlaceholder")} className="w-52" maxLength={40} />
      </div>
      <OrgFilter kind="merchant" name="merchant" initial={merchant} className="w-64" />
      <OrgFilter kind="partner" name="partner" initial={partner} className="w-64" />
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="f-status">{t("statusHeader")}</Label>
        <select id="f-status" name="status" defaultValue={values.status} className={cn(selectClasses, "w-44")}>
          <option value="">{t("allStatuses")}</option>
          {OVERVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`status.${s}`)}</option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="f-expiring">{t("expiringWithin")}</Label>
        <Input id="f-expiring" name="expiring" type="number" min={0} max={366} defaultValue={values.expiring} className="w-28" placeholder={t("days")} />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="f-sort">{t("sort")}</Label>
        <select id="f-sort" name="sort" defaultValue={values.sort} className={cn(selectClasses, "w-44")}>
          {OVERVIEW_SORTS.map((s) => (
            <option key={s} value={s}>{t(`sorts.${s}`)}</option>
          ))}
        </select>
      </div>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" name="personal" value="1" defaultChecked={values.personal} className="size-4 accent-primary" data-testid="filter-personal" />
        {t("personalOnly")}
      </label>
      <label className="flex h-9 items-center gap-2 text-sm">
        <input type="checkbox" name="sync" value="out" defaultChecked={values.outOfSync} className="size-4 accent-primary" data-testid="filter-out-of-sync" />
        {t("outOfSyncOnly")}
      </label>
      <div className="flex items-center gap-2">
        <Button type="submit" size="sm">{t("apply")}</Button>
        <Button asChild variant="ghost" size="sm"><Link href="/admin/access">{t("clear")}</Link></Button>
      </div>
    </form>
  );
}
