"use client";

import { useState, useTransition, type MouseEvent, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { RENEWAL_LENGTHS, type RenewalLength } from "@/lib/lifecycle/renewal";
import { formatLedgerDate } from "@/lib/format";
import { renewGrantAction } from "@/lib/server/renewals/renewal-actions";

interface Row {
  grantId: string;
  partner: string;
  /** The row's button group (renewals-table.tsx). */
  group: HTMLElement;
}

const OTHER_LENGTHS = RENEWAL_LENGTHS.filter((l) => l !== "same");

/**
 * M8, one-click renewal for the whole table: each row's "Renew N days" and "Other lengths" are plain buttons
 * (renewals-table.tsx) whose clicks bubble here. The first renews for the grant's own length at once; the second
 * opens the one menu of other lengths, placed over the clicked button. The input is checked with the same schema
 * as on the server before it is sent.
 */
export function RenewalController({ children }: { children: ReactNode }) {
  const t = useTranslations("renewals");
  const locale = useLocale();
  const router = useRouter();
  const schemas = useLifecycleSchemas();
  const [, start] = useTransition();
  const [menu, setMenu] = useState<(Row & { anchor: DOMRect }) | null>(null);
  const buttons = (row: Row) => row.group.querySelectorAll<HTMLButtonElement>("button[data-renew]");
  // While a renewal runs, the row's buttons are disabled and the main one's icon turns (ROW_BUTTON_CLASS's
  // data-pending); set on the DOM, since the buttons are the table's and it has no state.
  const busy = (row: Row, on: boolean) => {
    for (const b of buttons(row)) {
      b.disabled = on;
      if (b.dataset.renew === "same") b.toggleAttribute("data-pending", on);
      b.toggleAttribute("aria-busy", on);
    }
  };
  const renew = (row: Row, length: RenewalLength) =>
    start(async () => {
      const parsed = schemas.renewGrantSchema.safeParse({ grantId: row.grantId, length });
      if (!parsed.success) {
        toast.error(parsed.error.issues[0]?.message ?? t("failed"));
        return;
      }
      busy(row, true);
      try {
        const result = await renewGrantAction(parsed.data);
        if (!result.ok) {
          toast.error(result.error.message);
          return;
        }
        if (result.data.status === "pending_approval") toast.info(t("renewedPendingToast", { partner: row.partner }));
        else toast.success(t("renewedToast", { partner: row.partner, date: result.data.validUntil ? formatLedgerDate(result.data.validUntil, locale) : "" }));
        router.refresh();
      } finally {
        busy(row, false);
      }
    });
  const onClick = (e: MouseEvent<HTMLDivElement>) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("button[data-renew]");
    const group = button?.closest<HTMLElement>("[data-grant-id]");
    if (!button || !group?.dataset.grantId) return;
    const row = { grantId: group.dataset.grantId, partner: group.dataset.partner ?? "", group };
    if (button.dataset.renew === "same") renew(row, "same");
    else {
      button.setAttribute("aria-expanded", "true");
      setMenu({ ...row, anchor: button.getBoundingClientRect() });
    }
  };
  const other = (row: Row) => row.group.querySelector<HTMLButtonElement>('button[data-renew="other"]');
  return (
    // Clicks on the rows' renewal buttons bubble here; the buttons themselves are keyboard-operable native buttons.
    <div onClick={onClick}>
      {children}
      {menu ? (
        <DropdownMenu open onOpenChange={(open) => !open && setMenu(null)}>
          {/* The menu's anchor: a box over the clicked button (the menu is modal, so the page does not scroll under it). */}
          <DropdownMenuTrigger asChild>
            <span aria-hidden="true" className="pointer-events-none fixed" style={{ left: menu.anchor.left, top: menu.anchor.top, width: menu.anchor.width, height: menu.anchor.height }} />
          </DropdownMenuTrigger>
          <DropdownMenuContent
            align="end"
            onCloseAutoFocus={(e) => {
              // Back to the row's own button, not the anchor.
              e.preventDefault();
              const button = other(menu);
              button?.removeAttribute("aria-expanded");
              button?.focus();
            }}
          >
            <DropdownMenuLabel>{t("extendBy")}</DropdownMenuLabel>
            {OTHER_LENGTHS.map((l) => (
              <DropdownMenuItem key={l} onSelect={() => renew(menu, l)}>{t("days", { days: Number(l) })}</DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
      ) : null}
    </div>
  );
}
