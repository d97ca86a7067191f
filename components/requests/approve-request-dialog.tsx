"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogClose } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { cn } from "@/lib/utils/cn";
import { formatLedgerDate } from "@/lib/format";
import { shiftLedgerDate, todayPortalDate } from "@/lib/dates";
import { END_DATE_HORIZON_YEARS, fourEyesReasons } from "@/lib/grants/four-eyes";
import type { ApproveAccessRequestInput } from "@/lib/lifecycle/schemas";
import { approveAccessRequestAction } from "@/lib/server/access-requests/actions";
import type { MerchantRequestView } from "@/lib/access-requests/types";

/** What the approval form needs of a request (the partner: its name). */
export type ApproveRequestProps = Pick<MerchantRequestView, "id" | "periodFrom" | "periodTo" | "includesPersonalData" | "ledgerChoices" | "notHeldLedgerIds" | "purpose"> & { partner: { name: string } };

/**
 * M4: approve a request, possibly narrowed. The form starts at what was asked (every ledger it names that can
 * be given, the asked period and data, access for a year) and only lets the admin take things away; the
 * server refuses anything wider all the same. Says beforehand when a second admin will have to approve (M5).
 * Shown open by the list's one OpenRequestDecisions; closing it unmounts it.
 */
export function ApproveRequestDialog({ request, onClose }: { request: ApproveRequestProps; onClose: () => void }) {
  const t = useTranslations("merchantRequests");
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent size="lg" closeLabel={t("close")}>
        <DialogHeader>
          <DialogTitle>{t("approveTitle", { partner: request.partner.name })}</DialogTitle>
          <DialogDescription>{t("approveDescription")}</DialogDescription>
        </DialogHeader>
        <ApproveForm {...request} onDone={onClose} />
      </DialogContent>
    </Dialog>
  );
}

function ApproveForm({ id, partner, periodFrom, periodTo, includesPersonalData, ledgerChoices, notHeldLedgerIds, purpose, onDone }: ApproveRequestProps & { onDone: () => void }) {
  const t = useTranslations("merchantRequests");
  const tf = useTranslations("fourEyesHint");
  const locale = useLocale();
  const router = useRouter();
  const { approveAccessRequestSchema } = useLifecycleSchemas();
  const [failure, setFailure] = useState<string | null>(null);
  const today = todayPortalDate();
  const selectable = ledgerChoices.filter((l) => l.grantable && !l.alreadyGranted);
  const form = useForm<ApproveAccessRequestInput>({
    resolver: zodResolver(approveAccessRequestSchema),
    defaultValues: {
      requestId: id,
      ledgerIds: selectable.map((l) => l.id),
      periodFrom: periodFrom ?? "",
      periodTo: periodTo ?? "",
      includesPersonalData,
      validUntil: shiftLedgerDate(today, 365),
    },
  });
  const v = useWatch({ control: form.control });
  const chosen = v.ledgerIds ?? [];
  const reasons = fourEyesReasons({
    includesPersonalData: v.includesPersonalData ?? false,
    validUntil: v.validUntil || null,
    coversAllLedgers: notHeldLedgerIds !== null && notHeldLedgerIds.length > 0 && notHeldLedgerIds.every((l) => chosen.includes(l)),
  });
  const setEnd = (value: string) => form.setValue("validUntil", value, { shouldValidate: true, shouldDirty: true });
  const asked = (date: string | null) => (date ? formatLedgerDate(date, locale) : t("open"));

  async function onSubmit(input: ApproveAccessRequestInput) {
    setFailure(null);
    const result = await approveAccessRequestAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {})) {
        form.setError((field.split(".")[0] ?? field) as keyof ApproveAccessRequestInput, { message });
      }
      setFailure(result.error.message);
      return;
    }
    toast.success(result.data.pendingApproval ? t("approvedPendingToast", { partner: partner.name }) : t("approvedToast", { partner: partner.name }));
    onDone();
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-5" aria-label={t("approveTitle", { partner: partner.name })}>
      <blockquote className="rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm">
        <span className="text-muted-foreground">{t("purposeLabel")}: </span>
        <span className="[overflow-wrap:anywhere]">{purpose}</span>
      </blockquote>

      <FormField
        control={form.control}
        name="ledgerIds"
        label={t("ledgersLabel")}
        description={t("ledgersHint")}
        render={({ field, controlProps }) => (
          <fieldset aria-describedby={controlProps["aria-describedby"]} aria-invalid={controlProps["aria-invalid"]} className="grid gap-2">
            <legend className="sr-only">{t("ledgersLabel")}</legend>
            {ledgerChoices.map((l) => {
              const disabled = l.alreadyGranted || !l.grantable;
              const checked = field.value.includes(l.id) && !disabled;
              const itemId = `approve-${id}-${l.id}`;
              return (
                <div key={l.id} data-testid={`approve-ledger-${l.externalId}`} className={cn("flex items-start gap-3 rounded-lg border bg-card px-3.5 py-3", checked ? "border-primary ring-1 ring-primary" : "border-border", disabled && "bg-muted/40")}>
                  <Checkbox
                    id={itemId}
                    checked={checked}
                    disabled={disabled}
                    onCheckedChange={(c) => field.onChange(c === true ? [...field.value, l.id] : field.value.filter((x) => x !== l.id))}
                    className="mt-0.5"
                    aria-describedby={`${itemId}-units`}
                  />
                  <div className="min-w-0 flex-1">
                    <div className="flex flex-wrap items-center gap-2">
                      <Label htmlFor={itemId} className="font-mono tabular-nums">{t("ledgerName", { ledger: l.externalId })}</Label>
                      <Badge variant="outline">{l.currency}</Badge>
                      {l.salesUnits.length > 1 ? <Badge variant="warning">{t("settlesSeveral", { count: l.salesUnits.length })}</Badge> : null}
                      {l.alreadyGranted ? <Badge variant="neutral">{t("alreadyHasAccess")}</Badge> : null}
                      {!l.grantable && !l.alreadyGranted ? <Badge variant="neutral">{t("notYours")}</Badge> : null}
                    </div>
                    <p id={`${itemId}-units`} className="mt-0.5 text-xs text-muted-foreground">
                      {l.salesUnits.map((s) => t("unitWithMsn", { name: s.name, msn: s.msn })).join(", ")}
                    </p>
                  </div>
                </div>
              );
            })}
          </fieldset>
        )}
      />

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField control={form.control} name="periodFrom" label={t("periodFrom")} description={t("asked", { value: asked(periodFrom) })} render={({ field }) => <Input type="date" {...field} min={periodFrom ?? "2000-01-01"} max={periodTo ?? "2099-12-31"} />} />
        <FormField control={form.control} name="periodTo" label={t("periodTo")} description={t("asked", { value: asked(periodTo) })} render={({ field }) => <Input type="date" {...field} min={periodFrom ?? "2000-01-01"} max={periodTo ?? "2099-12-31"} />} />
      </div>

      <FormField
        control={form.control}
        name="includesPersonalData"
        layout="inline"
        label={t("personalData")}
        description={includesPersonalData ? t("personalDataAsked") : t("personalDataNotAsked")}
        render={({ field }) => <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} name={field.name} ref={field.ref} disabled={!includesPersonalData} />}
      />

      <div className="grid gap-3">
        <FormField
          control={form.control}
          name="validUntil"
          label={t("validUntil")}
          description={`${t("validUntilHint")} ${t("validUntilHorizonHint", { years: END_DATE_HORIZON_YEARS })}`}
          render={({ field }) => <Input type="date" {...field} min={today} max="2099-12-31" disabled={!field.value} className="sm:w-56" />}
        />
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <div className="flex items-center gap-2">
            <Checkbox id={`approve-${id}-no-end`} checked={!v.validUntil} onCheckedChange={(c) => setEnd(c === true ? "" : shiftLedgerDate(today, 365))} />
            <Label htmlFor={`approve-${id}-no-end`} className="font-normal">{t("noEnd")}</Label>
          </div>
          <div role="group" aria-label={t("quickEnd")} className="flex flex-wrap gap-1.5">
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(shiftLedgerDate(today, 91))}>{t("in3Months")}</Button>
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(shiftLedgerDate(today, 365))}>{t("in1Year")}</Button>
            <Button type="button" variant="outline" size="xs" onClick={() => setEnd(`${today.slice(0, 4)}-12-31`)}>{t("endOfYear")}</Button>
          </div>
        </div>
      </div>

      {reasons.length > 0 ? (
        <Alert variant="info" icon={<ShieldCheck />} title={t("fourEyesTitle")} description={t("fourEyesDescription", { reasons: reasons.map((r) => tf(r, { years: END_DATE_HORIZON_YEARS })).join(", "), partner: partner.name })} data-testid="approve-four-eyes" />
      ) : null}
      {failure ? <Alert variant="danger" role="alert" title={t("approveFailed")} description={failure} /> : null}
      <DialogFooter>
        <DialogClose asChild><Button type="button" variant="outline">{t("cancel")}</Button></DialogClose>
        <Button type="submit" loading={form.formState.isSubmitting}>{t("approveConfirm", { count: chosen.length })}</Button>
      </DialogFooter>
    </form>
  );
}
