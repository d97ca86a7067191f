"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Plus, Send, X } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormActions, FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useLifecycleSchemas } from "@/components/requests/use-lifecycle-schemas";
import { MAX_REQUESTED_MSNS, PURPOSE_MAX, type CreateAccessRequestInput } from "@/lib/lifecycle/schemas";
import { createAccessRequestAction } from "@/lib/server/access-requests/actions";

const EMPTY: CreateAccessRequestInput = { by: "msn", msns: [], orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "" };

/** P7: ask a merchant for access, by its sales unit numbers or its organisation number. */
export function NewRequestForm() {
  const t = useTranslations("partnerRequests");
  const router = useRouter();
  const { createAccessRequestSchema } = useLifecycleSchemas();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<CreateAccessRequestInput>({ resolver: zodResolver(createAccessRequestSchema), defaultValues: EMPTY });
  const by = useWatch({ control: form.control, name: "by" });
  const purpose = useWatch({ control: form.control, name: "purpose" }) ?? "";

  async function onSubmit(input: CreateAccessRequestInput) {
    setFailure(null);
    const result = await createAccessRequestAction(input);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.error.fields ?? {})) {
        form.setError((field.split(".")[0] ?? field) as keyof CreateAccessRequestInput, { message });
      }
      if (!result.error.fields) setFailure(result.error.message);
      return;
    }
    toast.success(t("sentToast"), { description: t("sentDescription") });
    form.reset(EMPTY);
    router.refresh();
  }

  return (
    <form onSubmit={(e) => void form.handleSubmit(onSubmit)(e)} noValidate className="grid gap-5" aria-label={t("formTitle")}>
      <FormField
        control={form.control}
        name="by"
        label={t("byLabel")}
        render={({ field, controlProps }) => (
          <RadioGroup
            value={field.value}
            onValueChange={(v) => {
              field.onChange(v);
              form.clearErrors(["msns", "orgNo"]);
            }}
            aria-describedby={controlProps["aria-describedby"]}
            className="grid gap-2 sm:grid-cols-2"
          >
            {(["msn", "orgNo"] as const).map((value) => (
              <div key={value} className="flex items-start gap-2.5 rounded-lg border border-border bg-card px-3.5 py-3 has-[[data-state=checked]]:border-primary has-[[data-state=checked]]:ring-1 has-[[data-state=checked]]:ring-primary">
                <RadioGroupItem value={value} id={`by-${value}`} className="mt-0.5" />
                <div className="grid gap-0.5">
                  <Label htmlFor={`by-${value}`}>{t(value === "msn" ? "byMsn" : "byOrgNo")}</Label>
                  <span className="text-xs text-muted-foreground">{t(value === "msn" ? "byMsnHint" : "byOrgNoHint")}</span>
                </div>
              </div>
            ))}
          </RadioGroup>
        )}
      />

      {by === "msn" ? (
        <FormField
          control={form.control}
          name="msns"
          label={t("msnsLabel")}
          description={t("msnsHint", { max: MAX_REQUESTED_MSNS })}
          required
          render={({ field, controlProps }) => <MsnInput value={field.value} onChange={field.onChange} controlProps={controlProps} />}
        />
      ) : (
        <FormField
          control={form.control}
          name="orgNo"
          label={t("orgNoLabel")}
          description={t("orgNoHint")}
          required
          render={({ field }) => <Input {...field} inputMode="numeric" autoComplete="off" maxLength={20} className="sm:w-64" placeholder="912345678" />}
        />
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        <FormField control={form.control} name="periodFrom" label={t("periodFrom")} render={({ field }) => <Input type="date" {...field} min="2000-01-01" max="2099-12-31" />} />
        <FormField control={form.control} name="periodTo" label={t("periodTo")} render={({ field }) => <Input type="date" {...field} min="2000-01-01" max="2099-12-31" />} />
        <p className="-mt-2 text-[0.8125rem] text-muted-foreground sm:col-span-2">{t("periodHint")}</p>
      </div>

      <FormField
        control={form.control}
        name="includesPersonalData"
        layout="inline"
        label={t("personalData")}
        description={t("personalDataHint")}
        render={({ field }) => <Switch checked={field.value} onCheckedChange={field.onChange} onBlur={field.onBlur} name={field.name} ref={field.ref} />}
      />

      <FormField
        control={form.control}
        name="purpose"
        label={t("purpose")}
        description={t("purposeHint", { used: purpose.length, max: PURPOSE_MAX })}
        required
        render={({ field }) => <Textarea {...field} rows={3} maxLength={PURPOSE_MAX + 50} placeholder={t("purposePlaceholder")} />}
      />

      {failure ? <Alert variant="danger" role="alert" title={t("failed")} description={failure} /> : null}
      <FormActions>
        <Button type="submit" loading={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? null : <Send aria-hidden />}
          {t("send")}
        </Button>
      </FormActions>
    </form>
  );
}

/** A list of MSNs as removable chips: type one (or several, separated by commas or spaces) and press Enter or Add. */
function MsnInput({ value, onChange, controlProps }: { value: string[]; onChange: (v: string[]) => void; controlProps: { id: string; "aria-describedby"?: string; "aria-invalid"?: true } }) {
  const t = useTranslations("partnerRequests");
  const [draft, setDraft] = useState("");
  const listId = useId();
  const add = () => {
    const parts = draft.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
    if (parts.length === 0) return;
    onChange([...value, ...parts.filter((p) => !value.includes(p))]);
    setDraft("");
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "Enter" || e.key === ",") {
      e.preventDefault();
      add();
    } else if (e.key === "Backspace" && draft === "" && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };
  return (
    <div className="grid gap-2">
      <div className="flex gap-2 sm:w-96">
        <Input
          {...controlProps}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={add}
          inputMode="numeric"
          autoComplete="off"
          maxLength={200}
          placeholder="212002"
          aria-describedby={[controlProps["aria-describedby"], value.length ? listId : null].filter(Boolean).join(" ") || undefined}
        />
        <Button type="button" variant="outline" onClick={add}>
          <Plus aria-hidden />
          {t("addMsn")}
        </Button>
      </div>
      {value.length > 0 ? (
        <ul id={listId} aria-label={t("msnsChosen")} className="flex flex-wrap gap-1.5">
          {value.map((msn) => (
            <li key={msn} className="inline-flex items-center gap-1 rounded-full border border-border bg-muted py-0.5 pr-1 pl-2.5 text-[0.8125rem] tabular-nums">
              {msn}
              <button type="button" onClick={() => onChange(value.filter((v) => v !== msn))} className="focus-ring inline-flex size-5 items-center justify-center rounded-full text-muted-foreground hover:bg-accent hover:text-foreground" aria-label={t("removeMsn", { msn })}>
                <X aria-hidden className="size-3" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
