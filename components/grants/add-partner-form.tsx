"use client";

import { useMemo, useState, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { useLocale, useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormActions, FormField } from "@/components/ui/form";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { GrantPreview } from "@/components/grants/grant-preview";
import { LedgerPicker } from "@/components/grants/ledger-picker";
import { PartnerPicker } from "@/components/grants/partner-picker";
import { defaultEndDate, ScopeFields, type ScopeFormValues } from "@/components/grants/scope-fields";
import { consentText, fourEyesReasonText, type NoticeTranslator } from "@/lib/grants/consent";
import { fourEyesReasons } from "@/lib/grants/four-eyes";
import { grantSchemas, type GrantAccessFormValues, type GrantAccessInput, type GrantErrorKey } from "@/lib/grants/schemas";
import { grantAccessAction } from "@/lib/server/grants/actions";
import type { GrantableLedger, DirectoryPartner } from "@/lib/grants/types";

export interface AddPartnerFormProps {
  merchantName: string;
  ledgers: GrantableLedger[];
  merchantLedgerCount: number;
  initialPartners: DirectoryPartner[];
  initialPartner: DirectoryPartner | null;
  initialLedgerIds: string[];
}

/**
 * M2: the add-partner flow on one page: partner, ledgers, period and data, a preview of exactly what the
 * partner will see, the consent text, then "Grant access". Validated with the same zod schema as the action.
 */
export function AddPartnerForm({ merchantName, ledgers, merchantLedgerCount, initialPartners, initialPartner, initialLedgerIds }: AddPartnerFormProps) {
  const t = useTranslations("grantForm");
  const tErrors = useTranslations("grantErrors");
  const tNotices = useTranslations("grantNotices");
  const locale = useLocale();
  const router = useRouter();
  const schema = useMemo(() => grantSchemas((key: GrantErrorKey) => tErrors(key)).grantAccessSchema, [tErrors]);
  const [partner, setPartner] = useState<DirectoryPartner | null>(initialPartner);
  const [failure, setFailure] = useState<string | null>(null);

  const form = useForm<GrantAccessFormValues, unknown, GrantAccessInput>({
    resolver: zodResolver(schema),
    defaultValues: {
      partnerId: initialPartner?.id ?? "",
      ledgerIds: initialLedgerIds.filter((id) => !initialPartner?.liveLedgerIds.includes(id)),
      periodFrom: "",
      periodTo: "",
      includesPersonalData: false,
      validUntil: defaultEndDate(),
      consentAccepted: false as unknown as true,
    },
  });
  const values = useWatch({ control: form.control });
  const chosen = ledgers.filter((l) => values.ledgerIds?.includes(l.id));
  const [previewId, setPreviewId] = useState<string | null>(null);
  const previewLedger = chosen.find((l) => l.id === previewId) ?? chosen[0] ?? null;
  const scope = {
    periodFrom: values.periodFrom || null,
    periodTo: values.periodTo || null,
    includesPersonalData: values.includesPersonalData ?? false,
    validUntil: values.validUntil || null,
  };
  const newLedgers = chosen.filter((l) => !partner?.liveLedgerIds.includes(l.id)).length;
  const reasons = fourEyesReasons({ ...scope, coversAllLedgers: merchantLedgerCount >= 2 && (partner?.liveLedgerCount ?? 0) + newLedgers >= merchantLedgerCount });
  const tn: NoticeTranslator = (key, v) => tNotices(key as "consent", v as never);
  const consent = partner && chosen.length > 0 ? consentText(tn, { merchant: merchantName, partner: partner.name, ledgers: chosen.map((l) => l.externalId), scope }, locale) : null;
  const scopeErrors = form.formState.errors;
  const scopeValid = !scopeErrors.periodFrom && !scopeErrors.periodTo;

  async function onSubmit(input: GrantAccessInput) {
    setFailure(null);
    const result = await grantAccessAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {})) {
        form.setError(field.split(".")[0] as keyof GrantAccessFormValues, { message });
      }
      setFailure(result.error.message);
      return;
    }
    const pending = result.data.grants.some((g) => g.status === "pending_approval");
    if (pending) toast.info(t("pendingToast"));
    else toast.success(t("grantedToast", { partner: partner?.name ?? "", count: result.data.grants.length }));
    router.push(pending ? "/merchant/approvals" : `/merchant/partners?partner=${input.partnerId}`);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-5" aria-label={t("title")}>
      <Step n={1} title={t("stepPartner")} hint={t("stepPartnerHint")}>
        <FormField
          control={form.control}
          name="partnerId"
          label={t("stepPartner")}
          hideLabel
          render={({ controlProps }) => (
            <div {...controlProps} tabIndex={-1}>
              <PartnerPicker
                value={partner}
                initial={initialPartners}
                error={scopeErrors.partnerId?.message}
                describedBy={controlProps["aria-describedby"]}
                onChange={(p) => {
                  setPartner(p);
                  form.setValue("partnerId", p.id, { shouldValidate: form.formState.isSubmitted });
                  form.setValue("ledgerIds", (form.getValues("ledgerIds") ?? []).filter((id) => !p.liveLedgerIds.includes(id)));
                }}
              />
            </div>
          )}
        />
      </Step>

      <Step n={2} title={t("stepLedgers")} hint={t("stepLedgersHint")}>
        <FormField
          control={form.control}
          name="ledgerIds"
          label={t("ledgersLegend")}
          hideLabel
          render={({ field, fieldState, controlProps }) => (
            <div {...controlProps} tabIndex={-1}>
              {!partner ? <p className="mb-2 text-[0.8125rem] text-muted-foreground">{t("choosePartnerFirst")}</p> : null}
              <LedgerPicker
                ledgers={ledgers}
                value={field.value ?? []}
                onChange={field.onChange}
                partnerLedgerIds={partner?.liveLedgerIds ?? []}
                invalid={Boolean(fieldState.error)}
                describedBy={controlProps["aria-describedby"]}
              />
            </div>
          )}
        />
      </Step>

      <Step n={3} title={t("stepScope")} hint={t("stepScopeHint")}>
        <ScopeFields control={form.control as unknown as Control<ScopeFormValues>} setValue={form.setValue as unknown as UseFormSetValue<ScopeFormValues>} idPrefix="add" />
      </Step>

      <Step n={4} title={t("stepPreview")} hint={t("stepPreviewHint")}>
        {previewLedger && scopeValid ? (
          <div className="grid gap-3">
            {chosen.length > 1 ? (
              <div className="flex items-center gap-2">
                <Label htmlFor="preview-ledger">{t("previewLedger")}</Label>
                <Select value={previewLedger.id} onValueChange={setPreviewId}>
                  <SelectTrigger id="preview-ledger" size="sm" className="w-48"><SelectValue /></SelectTrigger>
                  <SelectContent>
                    {chosen.map((l) => <SelectItem key={l.id} value={l.id}>{t("ledgerTitle", { ledger: l.externalId })}</SelectItem>)}
                  </SelectContent>
                </Select>
              </div>
            ) : null}
            <GrantPreview
              ledgerId={previewLedger.id}
              ledgerExternalId={previewLedger.externalId}
              periodFrom={values.periodFrom ?? ""}
              periodTo={values.periodTo ?? ""}
              includesPersonalData={values.includesPersonalData ?? false}
            />
          </div>
        ) : (
          <p className="text-sm text-muted-foreground">{t("chooseLedgerFirst")}</p>
        )}
      </Step>

      <Step n={5} title={t("stepConsent")}>
        <div className="grid gap-4">
          {reasons.length > 0 ? (
            <Alert variant="info" icon={<ShieldCheck />} title={t("fourEyesTitle")} description={t("fourEyesDescription", { reasons: fourEyesReasonText(tn, reasons) })} data-testid="four-eyes-notice" />
          ) : null}
          {consent ? (
            <blockquote className="rounded-lg border border-border bg-muted/40 px-4 py-3 text-sm leading-6" data-testid="consent-text">
              <p className="mb-1 text-[0.8125rem] font-medium text-muted-foreground">{t("consentLabel", { merchant: merchantName })}</p>
              {consent}
            </blockquote>
          ) : null}
          <FormField
            control={form.control}
            name="consentAccepted"
            layout="inline"
            label={t("consentCheckbox")}
            render={({ field }) => <Checkbox checked={field.value === true} onCheckedChange={(c) => field.onChange(c === true)} onBlur={field.onBlur} name={field.name} ref={field.ref} disabled={!consent} />}
          />
          {failure ? <Alert variant="danger" role="alert" title={t("failed")} description={failure} /> : null}
          <FormActions>
            <Button type="button" variant="ghost" onClick={() => router.push("/merchant/partners")}>{t("cancel")}</Button>
            <Button type="submit" loading={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("submitting") : t("submit")}</Button>
          </FormActions>
        </div>
      </Step>
    </form>
  );
}

function Step({ n, title, hint, children }: { n: number; title: string; hint?: string; children: ReactNode }) {
  const headingId = `grant-step-${n}`;
  return (
    <Card role="group" aria-labelledby={headingId}>
      <CardHeader>
        <CardTitle id={headingId} className="flex items-center gap-2.5">
          <span aria-hidden className="flex size-6 items-center justify-center rounded-full bg-primary-subtle text-xs font-semibold text-primary">{n}</span>
          {title}
        </CardTitle>
        {hint ? <CardDescription>{hint}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}
