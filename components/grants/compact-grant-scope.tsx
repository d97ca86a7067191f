import { useLocale, useTranslations } from "next-intl";
import { CalendarRange, Clock, EyeOff, UserRound } from "lucide-react";
import { SpriteIcon } from "@/components/ui/icon-sprite";
import type { GrantScopeProps } from "@/components/grants/grant-scope";
import { formatLedgerDate, formatPeriod } from "@/lib/format";

/** The icons CompactGrantScope points at: the page renders them once in its IconSprite. */
export const GRANT_SCOPE_ICONS = { period: CalendarRange, personal: UserRound, "no-personal": EyeOff, ends: Clock };

/**
 * CompactGrantScope's styles (and the sprite icons' size), set once on the list that holds the rows: each row then
 * carries `gs` instead of the utility lists. Looks the same as GrantScope.
 */
export const GRANT_SCOPE_CLASS = [
  "[&_.gs]:space-y-0.5 [&_.gs]:text-xs [&_.gs]:text-muted-foreground",
  "[&_.gs>li]:flex [&_.gs>li]:items-center [&_.gs>li]:gap-1.5 [&_svg.i]:size-3.5 [&_svg.i]:shrink-0",
].join(" ");

/**
 * GrantScope for a list's rows (decision 041): the same words and icons, with the styles on the list
 * (GRANT_SCOPE_CLASS) and the icons from the page's sprite (GRANT_SCOPE_ICONS).
 */
export function CompactGrantScope(grant: GrantScopeProps) {
  const t = useTranslations("scope");
  const locale = useLocale();
  const period = formatPeriod({ from: grant.periodFrom, to: grant.periodTo }, locale, { from: (date) => t("from", { date }), until: (date) => t("until", { date }), all: t("allDates") });
  return (
    <ul className="gs">
      <li><SpriteIcon id="period" />{period}</li>
      <li><SpriteIcon id={grant.includesPersonalData ? "personal" : "no-personal"} />{t(grant.includesPersonalData ? "personalData" : "noPersonalData")}</li>
      <li><SpriteIcon id="ends" />{grant.validUntil ? t("validUntil", { date: formatLedgerDate(grant.validUntil, locale) }) : t("noEnd")}</li>
    </ul>
  );
}
