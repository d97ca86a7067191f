"use client";

import { useTranslations } from "next-intl";
import { ChevronDown, RefreshCw } from "lucide-react";
import { ListTable, ROW_BUTTON_CLASS } from "@/components/ui/list-table";
import { useIconSprite } from "@/components/ui/icon-sprite";
import { GRANT_SCOPE_ICONS, SCOPE_LINES_CLASS, ScopeLines, type ScopeText } from "@/components/ui/scope-lines";
import { RowBadge } from "@/components/ui/row-badge";

/** One grant that ends soon (or ended lately), every text but the renewal buttons' formatted on the server. */
export interface RenewalRow {
  grantId: string;
  partner: string;
  /** "Org. no. …". */
  orgNo: string;
  ledger: string;
  currency: string;
  /** The ledger's sales units, by name. */
  units: string;
  scope: ScopeText;
  /** The end date. */
  ends: string;
  /** Days left, for the ending list. */
  left: { text: string; variant: "danger" | "warning" | "neutral" } | null;
  lastUse: string;
  /** The grant's own length (what one click adds), or null when this user cannot renew it. */
  renewDays: number | null;
  personalData: boolean;
  /** Why there is no renewal button ("Read only"), when there is none. */
  note: string | null;
}

export interface RenewalsTableLabels {
  /** Partner, ledger, scope, ends or ended, last use, actions. */
  headers: [string, string, string, string, string, string];
}

/**
 * M8's table of one page of grants that end soon or ended lately. A client component without state or effects,
 * only so that the RSC payload carries each row as a few strings (decision 041). The renewal buttons are plain
 * ones whose clicks bubble to the page's one RenewalController, which reads the row from their group's data
 * attributes; their accessible names are the ones the per-row menu had.
 */
export function RenewalsTable({ rows, labels, ending, label }: { rows: RenewalRow[]; labels: RenewalsTableLabels; ending: boolean; label: string }) {
  const t = useTranslations("renewals");
  const [partner, ledger, scope, ends, lastUse, actions] = labels.headers;
  const { sprite, icon } = useIconSprite({ ...GRANT_SCOPE_ICONS, renew: RefreshCw, more: ChevronDown });
  return (
    <>
      {sprite}
      <ListTable aria-label={label} className={`${ROW_BUTTON_CLASS} ${SCOPE_LINES_CLASS} [&_.bt.r]:rounded-r-none [&_.bt.c]:rounded-l-none [&_.bt.c]:border-l [&_.bt.c]:border-primary-foreground/25 [&_.bt.c]:px-2`}>
        <thead>
          <tr>
            <th scope="col" className="w-[22%]">{partner}</th>
            <th scope="col" className="w-[22%]">{ledger}</th>
            <th scope="col">{scope}</th>
            <th scope="col">{ends}</th>
            <th scope="col">{lastUse}</th>
            {ending ? <th scope="col" className="text-right"><span className="sr-only">{actions}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.grantId} data-testid={`renewal-${g.ledger}`}>
              <td>
                <div className="font-medium">{g.partner}</div>
                <div className="m tabular-nums">{g.orgNo}</div>
              </td>
              <td>
                <div className="flex items-center gap-2"><span className="mono">{g.ledger}</span><RowBadge variant="outline">{g.currency}</RowBadge></div>
                <div className="m mt-0.5">{g.units}</div>
              </td>
              <td><ScopeLines scope={g.scope} icon={icon} /></td>
              <td className="whitespace-nowrap">
                <div>{g.ends}</div>
                {g.left ? <RowBadge variant={g.left.variant} className="mt-1">{g.left.text}</RowBadge> : null}
              </td>
              <td className="text-muted-foreground">{g.lastUse}</td>
              {ending ? (
                <td className="text-right">
                  {g.renewDays !== null ? (
                    <div className="inline-flex" role="group" aria-label={t("renewGroup", { partner: g.partner, ledger: g.ledger })} data-grant-id={g.grantId} data-partner={g.partner}>
                      <button type="button" className="bt r" data-renew="same" title={g.personalData ? t("personalDataNote") : undefined} aria-label={t("renewSameFor", { days: g.renewDays, partner: g.partner, ledger: g.ledger })}>
                        {icon("renew")}
                        {t("renewSame", { days: g.renewDays })}
                      </button>
                      <button type="button" className="bt c" data-renew="other" aria-haspopup="menu" aria-label={t("otherLengths", { partner: g.partner, ledger: g.ledger })}>
                        {icon("more")}
                      </button>
                    </div>
                  ) : (
                    <span className="m">{g.note}</span>
                  )}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </ListTable>
    </>
  );
}
