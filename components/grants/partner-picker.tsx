"use client";

import { useEffect, useId, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Building2, Search } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Input } from "@/components/ui/input";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/utils/cn";
import { searchPartnersAction } from "@/lib/server/grants/actions";
import type { DirectoryPartner } from "@/lib/grants/types";

export const grantQueryKeys = {
  directory: (query: string) => ["partner-directory", query] as const,
  preview: (ledgerId: string, from: string, to: string, personal: boolean) => ["grant-preview", ledgerId, from, to, personal] as const,
};

/** M2 step 1: search the directory of approved partners (name or org. number) and choose one. */
export function PartnerPicker({
  value,
  onChange,
  initial,
  error,
  describedBy,
}: {
  value: DirectoryPartner | null;
  onChange: (partner: DirectoryPartner) => void;
  initial: DirectoryPartner[];
  error?: string;
  describedBy?: string;
}) {
  const t = useTranslations("grantForm");
  const id = useId();
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);

  const search = useQuery({
    queryKey: grantQueryKeys.directory(debounced),
    queryFn: async () => {
      const result = await searchPartnersAction({ query: debounced });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    initialData: debounced === "" ? initial : undefined,
    staleTime: 30_000,
  });
  const partners = search.data ?? [];
  // Keep the chosen partner visible even when the search no longer lists it.
  const shown = value && !partners.some((p) => p.id === value.id) ? [value, ...partners] : partners;

  return (
    <div className="grid gap-3">
      <div className="relative max-w-md">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-muted-foreground" />
        <Input
          type="search"
          aria-label={t("searchLabel")}
          placeholder={t("searchPlaceholder")}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          className="pl-8"
          maxLength={100}
        />
      </div>
      <p aria-live="polite" className="min-h-5 text-[0.8125rem] text-muted-foreground">
        {search.isFetching ? (
          <span className="inline-flex items-center gap-2"><Spinner size="xs" />{t("searching")}</span>
        ) : search.isError ? null : shown.length === 0 ? (
          t("noResults", { query: debounced })
        ) : null}
      </p>
      {search.isError ? <Alert variant="danger" role="alert" title={t("searchFailed")} /> : null}
      {shown.length > 0 ? (
        <RadioGroup
          aria-label={t("stepPartner")}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          value={value?.id ?? ""}
          onValueChange={(v) => {
            const chosen = shown.find((p) => p.id === v);
            if (chosen) onChange(chosen);
          }}
          className="grid gap-2 sm:grid-cols-2"
        >
          {shown.map((p) => {
            const itemId = `${id}-${p.id}`;
            const selected = value?.id === p.id;
            return (
              <label
                key={p.id}
                htmlFor={itemId}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-lg border bg-card px-3.5 py-3 transition-colors hover:bg-accent/60",
                  selected ? "border-primary ring-1 ring-primary" : "border-border",
                )}
                data-testid={`partner-option-${p.orgNo}`}
              >
                <RadioGroupItem id={itemId} value={p.id} className="mt-0.5" />
                <span className="min-w-0 flex-1">
                  <span className="flex items-center gap-2 font-medium text-foreground">
                    <Building2 aria-hidden className="size-4 shrink-0 text-muted-foreground" />
                    <span className="truncate">{p.name}</span>
                  </span>
                  <span className="mt-0.5 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    <span className="tabular-nums">{t("orgNo", { orgNo: p.orgNo })}</span>
                    <Badge variant="outline">{p.country}</Badge>
                    {p.liveLedgerCount > 0 ? <span>{t("alreadyReads", { count: p.liveLedgerCount })}</span> : null}
                  </span>
                </span>
              </label>
            );
          })}
        </RadioGroup>
      ) : null}
    </div>
  );
}
