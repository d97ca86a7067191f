"use client";
import { useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { CalendarRange } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { MAX_RANGE_DAYS, addDays, dateRangeSchema, type DateRange } from "@/lib/ledgers/range";
import { formErrorText } from "@/lib/validation/form-errors";

function presets(today: string): { key: "last7" | "last30" | "thisMonth" | "lastMonth"; range: DateRange }[] {
  const monthStart = `${today.slice(0, 8)}01`;
  const lastMonthEnd = addDays(monthStart, -1);
  return [
    { key: "last7", range: { from: addDays(today, -6), to: today } },
    { key: "last30", range: { from: addDays(today, -29), to: today } },
    { key: "thisMonth", range: { from: monthStart, to: today } },
    { key: "lastMonth", range: { from: `${lastMonthEnd.slice(0, 8)}01`, to: lastMonthEnd } },
  ];
}

/**
 * From/to ledger dates with quick ranges. Checked here with the same schema the server parses, so a mistake
 * is explained next to the field before anything is sent; the server checks again.
 */
export function RangePicker({ value, today, bounds, onChange, busy }: { value: DateRange; today: string; bounds: { from: string | null; to: string }; onChange: (range: DateRange) => void; busy?: boolean }) {
  const t = useTranslations("ledgerView.range");
  const tErrors = useTranslations("formErrors");
  const [draft, setDraft] = useState(value);
  const [errors, setErrors] = useState<Partial<Record<"from" | "to", string>>>({});
  const [synced, setSynced] = useState(value);
  if (synced.from !== value.from || synced.to !== value.to) {
    // The range changed from outside (a preset, "entries of this date"): show it in the fields.
    setSynced(value);
    setDraft(value);
  }

  function submit(range: DateRange) {
    const parsed = dateRangeSchema.safeParse(range);
    if (!parsed.success) {
      const next: Partial<Record<"from" | "to", string>> = {};
      for (const issue of parsed.error.issues) next[(issue.path[0] as "from" | "to") ?? "to"] ??= formErrorText(issue.message, tErrors);
      setErrors(next);
      return;
    }
    setErrors({});
    onChange(parsed.data);
  }

  return (
    <form
      aria-label={t("legend")}
      className="flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        submit(draft);
      }}
    >
      <div className="flex flex-wrap items-start gap-3">
        <Field label={t("from")} error={errors.from} className="w-44">
          <Input type="date" name="from" value={draft.from} min={bounds.from ?? undefined} max={bounds.to} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </Field>
        <Field label={t("to")} error={errors.to} className="w-44">
          <Input type="date" name="to" value={draft.to} min={bounds.from ?? undefined} max={bounds.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </Field>
        <Button type="submit" className="mt-6" loading={busy}>
          <CalendarRange aria-hidden />
          {t("apply")}
        </Button>
      </div>
      <div role="group" aria-label={t("presets")} className="flex flex-wrap gap-1.5">
        {presets(today).map((p) => (
          <Button
            key={p.key}
            type="button"
            size="sm"
            variant={p.range.from === value.from && p.range.to === value.to ? "secondary" : "ghost"}
            aria-pressed={p.range.from === value.from && p.range.to === value.to}
            onClick={() => submit(p.range)}
          >
            {t(p.key)}
          </Button>
        ))}
      </div>
      <p className="sr-only">{t("hint", { max: MAX_RANGE_DAYS })}</p>
    </form>
  );
}
