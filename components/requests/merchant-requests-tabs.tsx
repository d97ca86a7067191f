import { getTranslations } from "next-intl/server";
import { TabNav } from "@/components/ui/tab-nav";

/** Requests and renewals are two sides of the same question (who may read, until when): one page, two tabs. */
export async function MerchantRequestsTabs({ active, openCount, endingCount }: { active: "requests" | "renewals"; openCount: number; endingCount: number }) {
  const t = await getTranslations("merchantRequests");
  return (
    <TabNav
      label={t("tabsLabel")}
      className="mb-6"
      items={[
        { href: "/merchant/requests", label: t("tabRequests"), active: active === "requests", count: openCount },
        { href: "/merchant/requests/renewals", label: t("tabRenewals"), active: active === "renewals", count: endingCount },
      ]}
    />
  );
}
