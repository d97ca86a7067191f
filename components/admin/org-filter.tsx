import { getTranslations } from "next-intl/server";
import { OrgCombobox } from "@/components/admin/org-combobox";
import type { OrgChoice, OrgKind } from "@/lib/admin-orgs/org-search";

/**
 * The merchant or partner filter of an admin page's GET form (server component): the server-searched combobox
 * with its labels from the catalogue. `initial` is the organisation the URL names, looked up by the page.
 */
export async function OrgFilter({ kind, name, initial, className, small }: { kind: OrgKind; name: string; initial: OrgChoice | null; className?: string; small?: boolean }) {
  const t = await getTranslations("adminOrgFilter");
  return (
    <OrgCombobox
      name={name}
      kind={kind}
      initial={initial}
      className={className}
      small={small ?? false}
      labels={{
        label: t(`${kind}Label`),
        placeholder: t(`${kind}Placeholder`),
        clear: t(`${kind}Clear`),
        searching: t("searching"),
        noMatches: t("noMatches"),
        // The combobox puts the number in on the client: the message formatted with "{count}" standing for it.
        matches: t("matches", { count: "{count}" }),
      }}
    />
  );
}
