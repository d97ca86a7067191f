"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/lib/utils/cn";
import type { GrantableLedger } from "@/lib/grants/types";

/**
 * M2 step 2: tick the ledgers. Each shows its sales units by name, MSN and channel (similar names told apart),
 * says when one ledger settles several sales units, and is disabled when the partner already has access or
 * the user may not grant it (a manager's shared ledger).
 */
export function LedgerPicker({
  ledgers,
  value,
  onChange,
  partnerLedgerIds,
  invalid,
  describedBy,
}: {
  ledgers: GrantableLedger[];
  value: string[];
  onChange: (ids: string[]) => void;
  partnerLedgerIds: readonly string[];
  invalid?: boolean;
  describedBy?: string;
}) {
  const t = useTranslations("grantForm");
  const tm = useTranslations("merchantPartners");
  const id = useId();
  const toggle = (ledgerId: string, on: boolean) => onChange(on ? [...value, ledgerId] : value.filter((v) => v !== ledgerId));
  if (ledgers.length === 0) return <p className="text-sm text-muted-foreground">{t("noLedgers")}</p>;

  return (
    <fieldset aria-describedby={describedBy} aria-invalid={invalid || undefined} className="grid gap-2">
      <legend className="sr-only">{t("ledgersLegend")}</legend>
      {ledgers.map((l) => {
        const held = partnerLedgerIds.includes(l.id);
        const grantable = l.access === "grantable";
        const disabled = held || !grantable;
        const checked = value.includes(l.id) && !disabled;
        const itemId = `${id}-${l.id}`;
        return (
          <div
            key={l.id}
            data-testid={`ledger-option-${l.externalId}`}
            className={cn(
              "flex items-start gap-3 rounded-lg border bg-card px-3.5 py-3",
              checked ? "border-primary ring-1 ring-primary" : "border-border",
              disabled && "bg-muted/40",
            )}
          >
            <Checkbox id={itemId} checked={checked} disabled={disabled} onCheckedChange={(c) => toggle(l.id, c === true)} className="mt-0.5" aria-describedby={`${itemId}-units`} />
            <div className="min-w-0 flex-1">
              <label htmlFor={itemId} className={cn("flex flex-wrap items-center gap-2 text-sm font-medium", disabled ? "text-muted-foreground" : "cursor-pointer text-foreground")}>
                <span className="font-mono tabular-nums">{t("ledgerTitle", { ledger: l.externalId })}</span>
                <Badge variant="outline">{l.currency}</Badge>
                {l.salesUnits.length > 1 ? <Badge variant="warning" title={t("sharedLedgerHint")}>{t("sharedLedger", { count: l.salesUnits.length })}</Badge> : null}
                {held ? <Badge variant="success">{t("alreadyGranted")}</Badge> : null}
                {!held && !grantable ? <Badge variant="neutral">{t("notYours")}</Badge> : null}
              </label>
              <ul id={`${itemId}-units`} className="mt-1 space-y-0.5 text-[0.8125rem] text-muted-foreground">
                {l.salesUnits.map((s) => (
                  <li key={s.id}>
                    <span className="text-foreground">{s.name}</span> · <span className="tabular-nums">{tm("msn", { msn: s.msn })}</span> · {s.channel === "api" ? tm("channelApi") : tm("channelVm")}
                  </li>
                ))}
              </ul>
              {l.salesUnits.length > 1 ? <p className="mt-1 text-xs text-muted-foreground">{t("sharedLedgerHint")}</p> : null}
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
