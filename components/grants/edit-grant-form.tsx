"use client";

import { useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch, type Control, type UseFormSetValue } from "react-hook-form";
import { useTranslations } from "next-intl";
import { ShieldCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/form";
import { toast } from "@/components/ui/toaster";
import { ScopeFields, type ScopeFormValues } from "@/components/grants/scope-fields";
import { fourEyesReasonText, type NoticeTranslator } from "@/lib/grants/consent";
import { fourEyesReasons } from "@/lib/grants/four-eyes";
import { grantSchemas, type ChangeGrantFormValues, type ChangeGrantInput, type GrantErrorKey, type GrantScopeValues } from "@/lib/grants/schemas";
import { isNarrowing, sameScope } from "@/lib/grants/scope-compare";
import { changeGrantAction } from "@/lib/server/grants/actions";

/** M3: narrow or widen a grant; says beforehand when the change will need a second admin. */
export function EditGrantForm({ grantId, partnerName, current, coversAllLedgers }: { grantId: string; partnerName: string; current: GrantScopeValues; coversAllLedgers: boolean }) {
  const t = useTranslations("grantDetail");
  const tErrors = useTranslations("grantErrors");
  const tNotices = useTranslations("grantNotices");
  const router = useRouter();
  const schema = useMemo(() => grantSchemas((key: GrantErrorKey) => tErrors(key)).changeGrantSchema, [tErrors]);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<ChangeGrantFormValues, unknown, ChangeGrantInput>({
    resolver: zodResolver(schema),
    defaultValues: { grantId, periodFrom: current.periodFrom ?? "", periodTo: current.periodTo ?? "", includesPersonalData: current.includesPersonalData, validUntil: current.validUntil ?? "", base: current },
  });
  const v = useWatch({ control: form.control });
  const next: GrantScopeValues = { periodFrom: v.periodFrom || null, periodTo: v.periodTo || null, includesPersonalData: v.includesPersonalData ?? false, validUntil: v.validUntil || null };
  const unchanged = sameScope(current, next);
  const reasons = !unchanged && !isNarrowing(current, next) ? fourEyesReasons({ ...next, coversAllLedgers }) : [];
  const tn: NoticeTranslator = (key, values) => tNotices(key as "consent", values as never);

  async function onSubmit(input: ChangeGrantInput) {
    setFailure(null);
    const result = await changeGrantAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {})) form.setError(field as keyof ChangeGrantFormValues, { message });
      setFailure(result.error.message);
      return;
    }
    if (result.data.status === "pending_approval") toast.info(t("pendingAfterChangeToast"));
    else toast.success(t("savedToast"));
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-4" aria-label={t("changeTitle")}>
      <ScopeFields control={form.control as unknown as Control<ScopeFormValues>} setValue={form.setValue as unknown as UseFormSetValue<ScopeFormValues>} idPrefix="edit" />
      {reasons.length > 0 ? (
        <Alert variant="info" icon={<ShieldCheck />} title={t("pendingTitle")} description={t("changeFourEyes", { reasons: fourEyesReasonText(tn, reasons), partner: partnerName })} data-testid="change-four-eyes-notice" />
      ) : null}
      {failure ? <Alert variant="danger" role="alert" title={t("failed")} description={failure} /> : null}
      <FormActions>
        {unchanged ? <span className="mr-auto text-[0.8125rem] text-muted-foreground">{t("unchanged")}</span> : null}
        <Button type="submit" disabled={unchanged} loading={form.formState.isSubmitting}>{form.formState.isSubmitting ? t("saving") : t("save")}</Button>
      </FormActions>
    </form>
  );
}
