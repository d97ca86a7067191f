"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, type FieldValues, type Path } from "react-hook-form";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import { KeyRound } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import type { ActionResult } from "@/lib/errors/app-error";

export interface KeyField<V> {
  name: Path<V>;
  label: string;
  secret?: boolean;
}

/**
 * Add or replace a set of API keys: a form checked with the same zod schema the server action parses. Secrets
 * are typed into password fields, sent once, and never come back (the action returns a masked view only).
 */
export function KeysDialog<S extends z.ZodType<FieldValues, FieldValues>>(props: {
  schema: S;
  defaults: z.input<S>;
  fields: KeyField<z.input<S>>[];
  submit: (values: z.output<S>) => Promise<ActionResult<unknown>>;
  triggerLabel: string;
  triggerAriaLabel?: string;
  title: string;
  description: string;
}) {
  const t = useTranslations("apiKeys");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(props.schema), defaultValues: props.defaults as never });

  const onSubmit = form.handleSubmit(async (values) => {
    setFailure(null);
    const result = await props.submit(values);
    if (!result.ok) {
      for (const [name, message] of Object.entries(result.error.fields ?? {})) form.setError(name as Path<z.input<S>>, { message });
      setFailure(result.error.message);
      return;
    }
    toast.success(t("saved"));
    setOpen(false);
    form.reset(props.defaults as never);
    router.refresh();
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          form.reset(props.defaults as never);
          setFailure(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" aria-label={props.triggerAriaLabel}>
          <KeyRound aria-hidden />
          {props.triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{props.title}</DialogTitle>
          <DialogDescription>{props.description}</DialogDescription>
        </DialogHeader>
        <form onSubmit={(e) => void onSubmit(e)} className="space-y-4" noValidate>
          {props.fields.map((field) => (
            <FormField
              key={field.name}
              control={form.control}
              name={field.name}
              label={field.label}
              required
              description={field.secret ? t("secretHint") : undefined}
              render={({ field: f }) => <Input {...f} value={(f.value as string | undefined) ?? ""} type={field.secret ? "password" : "text"} autoComplete="off" spellCheck={false} />}
            />
          ))}
          {failure ? <Alert variant="danger" role="alert" description={t("actionFailed", { message: failure })} /> : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">{t("cancel")}</Button>
            </DialogClose>
            <Button type="submit" loading={form.formState.isSubmitting}>{t("save")}</Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
