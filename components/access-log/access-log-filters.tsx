"use client";

import { useState, type FormEvent } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Filter } from "lucide-react";
import { Button, buttonVariants } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { accessLogSearchParams, type AccessLogFilters as Filters } from "@/lib/lifecycle/access-log-filters";

interface Options {
  partners: { id: string; name: string }[];
  ledgers: { id: string; externalId: string; currency: string; salesUnits: string[] }[];
}

/** M7 filters: partner, ledger, read/export, a range of days. They live in the URL, so a view can be shared. */
export function AccessLogFilters({ filters, options }: { filters: Filters; options: Options }) {
  const t = useTranslations("accessLog");
  const router = useRouter();
  const [partner, setPartner] = useState(filters.partnerId ?? "all");
  const [ledger, setLedger] = useState(filters.ledgerId ?? "all");
  const [action, setAction] = useState<string>(filters.action ?? "all");
  const [from, setFrom] = useState(filters.from ?? "");
  const [to, setTo] = useState(filters.to ?? "");

  function apply(e: FormEvent) {
    e.preventDefault();
    const next = accessLogSearchParams({
      partnerId: partner === "all" ? undefined : partner,
      ledgerId: ledger === "all" ? undefined : ledger,
      action: action === "read" || action === "export" ? action : undefined,
      from: from || undefined,
      to: to || undefined,
    });
    router.push(`/merchant/access-log${qs(next)}`);
  }

  return (
    <form onSubmit={apply} className="grid gap-3 rounded-xl border border-border bg-card p-4 shadow-xs sm:grid-cols-2 lg:grid-cols-3" aria-label={t("filtersLabel")}>
      <div className="grid gap-1.5">
        <Label htmlFor="log-partner">{t("filterPartner")}</Label>
        <Select value={partner} onValueChange={setPartner}>
          <SelectTrigger id="log-partner"><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("allPartners")}</SelectItem>
            {options.partners.map((p) => <SelectItem key={p.id} value={p.id}>{p.name}</SelectItem>)}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="log-ledger">{t("filterLedger")}</Label>
        <Select value={ledger} onValueChange={setLedger}>
          <SelectTrigger id="log-ledger"><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("allLedgers")}</SelectItem>
            {options.ledgers.map((l) => (
              <SelectItem key={l.id} value={l.id}>{t("ledgerOption", { ledger: l.externalId, currency: l.currency, units: l.salesUnits.join(", ") })}</SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="log-action">{t("filterAction")}</Label>
        <Select value={action} onValueChange={setAction}>
          <SelectTrigger id="log-action"><SelectValue /></SelectTrigger>
          <SelectContent>
            <SelectItem value="all">{t("allActions")}</SelectItem>
            <SelectItem value="read">{t("actionRead")}</SelectItem>
            <SelectItem value="export">{t("actionExport")}</SelectItem>
          </SelectContent>
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="log-from">{t("filterFrom")}</Label>
        <Input id="log-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} min="2000-01-01" max={to || "2099-12-31"} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="log-to">{t("filterTo")}</Label>
        <Input id="log-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} min={from || "2000-01-01"} max="2099-12-31" />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit"><Filter aria-hidden />{t("apply")}</Button>
        <Link href="/merchant/access-log" className={buttonVariants({ variant: "ghost" })}>{t("clear")}</Link>
      </div>
    </form>
  );
}

function qs(sp: URLSearchParams): string {
  const s = sp.toString();
  return s ? `?${s}` : "";
}
