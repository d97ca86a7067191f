"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { ACCOUNT_ROLES, journalAccountsSchema, type JournalAccounts } from "@/lib/journal/accounts";
import { saveJournalAccountsAction } from "@/lib/server/journal/journal-actions";

/**
 * P4: a client's journal accounts, one field per role, checked with the schema the action parses. "Use the
 * defaults" fills in the chart's numbers (nothing is saved until "Save accounts").
 */
export function JournalAccountsForm({ merchantId, accounts, defaults }: { merchantId: string; accounts: JournalAccounts; defaults: JournalAccounts }) {
  const t = useTranslations("journal");
  const router = useRouter();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<JournalAccounts>({ resolver: zodResolver(journalAccountsSchema), defaultValues: accounts });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await saveJournalAccountsAction({ merchantId, accounts: values });
    if (!result.ok) {
      for (const [name, message] of Object.entries(result.error.fields ?? {})) {
        const role = name.replace(/^accounts\./, "");
        if ((ACCOUNT_ROLES as readonly string[]).includes(role)) form.setError(role as keyof JournalAccounts, { message });
      }
      setFailure(result.error.message);
      return;
    }
    toast.success(result.data.changed ? t("settings.saved") : t("settings.unchanged"));
    form.reset(values);
    router.refresh();
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={t("settings.title")} className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        {ACCOUNT_ROLES.map((role) => (
          <FormField
            key={role}
            control={form.control}
            name={role}
            label={t(`roles.${role}`)}
            description={t(`roles.${role}Hint`)}
            required
            render={({ field }) => <Input {...field} className="font-mono tabular-nums" inputMode="text" autoComplete="off" spellCheck={false} maxLength={12} />}
          />
        ))}
      </div>
      {failure ? <Alert variant="danger" role="alert" description={t("settings.failed", { message: failure })} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={form.formState.isSubmitting}>{t("settings.save")}</Button>
        <Button type="button" variant="ghost" onClick={() => form.reset(defaults, { keepDefaultValues: true })}>{t("settings.reset")}</Button>
      </div>
    </form>
  );
}
