"use client";

import { useTranslations } from "next-intl";
import { useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { END_DATE_HORIZON_YEARS } from "@/lib/grants/four-eyes";

/** The scope part of the add and the edit forms (same fields, same schema). */
export interface ScopeFormValues {
  periodFrom?: string | null;
  periodTo?: string | null;
  includesPersonalData: boolean;
  validUntil?: string | null;
}

export function defaultEndDate(today = todayPortalDate()): string {
  return shiftLedgerDate(today, 365);
}

export function ScopeFields({ control, setValue, idPrefix }: { control: Control<ScopeFormValues>; setValue: UseFormSetValue<ScopeFormValues>; idPrefix: string }) {
  const t = useTranslations("grantForm");
  const validUntil = useWatch({ control, name: "validUntil" });
  const noEnd = !validUntil;
  const today = todayPortalDate();
  const endOfYear = `${today.slice(0, 4)}-12-31`;
  const setEnd = (v: string) => setValue("validUntil", v, { shouldValidate: true, shouldDirty: true });

  return (
    <div className="grid gap-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField
          control={control}
          name="periodFrom"
          label={t("periodFrom")}
          render={({ field }) => <Input type="date" {...field} value={field.value ?? ""} min="2000-01-01" max="2099-12-31" />}
        />
        <FormField
          control={control}
          name="periodTo"
          label={t("periodTo")}
          render={({ field }) => <Input type="date" {...field} value={field.value ?? ""} min="2000-01-01" max="2099-12-31" />}
        />
        <p className="-mt-2 text-[0.8125rem] text-muted-foreground sm:col-span-2">{t("periodHint")}</p>
      </div>

      <FormField
        control={control}
        name="includesPersonalData"
        layout="inline"
        label={t("personalData")}
        description={t("personalDataHint")}
        render={({ field }) => <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} name={field.name} ref={field.ref} />}
      />

      <div className="grid gap-3">
        <FormField
          control={control}
          name="validUntil"
          label={t("validUntil")}
          description={`${t("validUntilHint")} ${t("validUntilHorizonHint", { years: END_DATE_HORIZON_YEARS })}`}
          render={({ field }) => <Input type="date" {...field} value={field.value ?? ""} min={today} max="2099-12-31" disabled={noEnd} className="sm:w-56" />}
        />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <div className="flex items-center gap-2">
            <Checkbox id={`${idPrefix}-no-end`} checked={noEnd} onCheckedChange={(c) => setEnd(c === true ? "" : defaultEndDate())} />
            <Label htmlFor={`${idPrefix}-no-end`} className="font-normal">{t("noEndDate")}</Label>
          </div>
          <div role="group" aria-label={t("quickEnd")} className="flex flex-wrap gap-1.5">
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(shiftLedgerDate(today, 91))}>{t("in3Months")}</Button>
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(defaultEndDate(today))}>{t("in1Year")}</Button>
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(endOfYear)}>{t("endOfYear")}</Button>
          </div>
        </div>
      </div>
    </div>
  );
}
