"use client";

import { useId, type ReactElement, type ReactNode } from "react";
import { Slot } from "radix-ui";
import {
  Controller,
  FormProvider,
  type ControllerFieldState,
  type ControllerProps,
  type ControllerRenderProps,
  type FieldError,
  type FieldPath,
  type FieldValues,
  type UseFormStateReturn,
} from "react-hook-form";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** `<Form {...form}>` = react-hook-form's FormProvider (optional; FormField only needs `control`). */
export const Form = FormProvider;

/** Props to spread on the focusable element when it is not the render's root (e.g. <SelectTrigger {...controlProps}>). */
export interface FormControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FormFieldRenderArgs<TFieldValues extends FieldValues, TName extends FieldPath<TFieldValues>> {
  field: ControllerRenderProps<TFieldValues, TName>;
  fieldState: ControllerFieldState;
  formState: UseFormStateReturn<TFieldValues>;
  controlProps: FormControlProps;
}

export interface FormFieldProps<
  TFieldValues extends FieldValues = FieldValues,
  TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
> extends Omit<ControllerProps<TFieldValues, TName, TTransformedValues>, "render"> {
  label: ReactNode;
  description?: ReactNode;
  /** Decorative asterisk + aria-required on the control. */
  required?: boolean;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  /** "stacked": label above control (default). "inline": control then label on one row (checkbox, switch). */
  layout?: "stacked" | "inline";
  /** Turn a validation error into display text (e.g. translate a message key). Default: error.message. */
  formatError?: (error: FieldError) => ReactNode;
  className?: string;
  /**
   * Return the control. Its root element receives id / aria-describedby / aria-invalid / aria-required
   * automatically; for composite controls (Select) spread `controlProps` on the focusable part yourself.
   */
  render: (args: FormFieldRenderArgs<TFieldValues, TName>) => ReactElement;
}

/**
 * react-hook-form field with label, control, description and error message, wired for assistive tech:
 * label[for] -> control id, aria-describedby -> description + error, aria-invalid when the field has an error.
 */
export function FormField<
  TFieldValues extends FieldValues = FieldValues,
  TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
>({
  label,
  description,
  required = false,
  hideLabel = false,
  layout = "stacked",
  formatError,
  className,
  render,
  ...controllerProps
}: FormFieldProps<TFieldValues, TName, TTransformedValues>) {
  const baseId = useId();
  const controlId = `${baseId}-control`;
  const descriptionId = `${baseId}-description`;
  const messageId = `${baseId}-message`;

  return (
    <Controller
      {...controllerProps}
      render={({ field, fieldState, formState }) => {
        const error = fieldState.error;
        const message = error ? (formatError ? formatError(error) : error.message) : null;
        const describedBy = [description ? descriptionId : null, message ? messageId : null].filter(Boolean).join(" ");
        const controlProps: FormControlProps = {
          id: controlId,
          ...(describedBy ? { "aria-describedby": describedBy } : {}),
          ...(error ? { "aria-invalid": true as const } : {}),
          ...(required ? { "aria-required": true as const } : {}),
        };
        const control = <Slot.Root {...controlProps}>{render({ field, fieldState, formState, controlProps })}</Slot.Root>;
        const labelNode = (
          <Label htmlFor={controlId} required={required} className={cn(hideLabel && "sr-only", layout === "inline" && "font-normal")}>
            {label}
          </Label>
        );
        return (
          <div data-invalid={error ? "" : undefined} className={cn("flex flex-col gap-1.5", className)}>
            {layout === "inline" ? (
              <div className="flex items-center gap-2.5">
                {control}
                {labelNode}
              </div>
            ) : (
              <>
                {labelNode}
                {control}
              </>
            )}
            {description ? (
              <p id={descriptionId} className={cn("text-[0.8125rem] text-muted-foreground", layout === "inline" && "pl-6.5")}>
                {description}
              </p>
            ) : null}
            {message ? (
              <p id={messageId} className={cn("flex items-start gap-1.5 text-[0.8125rem] font-medium text-danger", layout === "inline" && "pl-6.5")}>
                <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
                <span>{message}</span>
              </p>
            ) : null}
          </div>
        );
      }}
    />
  );
}

/** Right-aligned row for the submit/cancel buttons at the end of a form. */
export function FormActions({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("flex flex-wrap items-center justify-end gap-2 pt-2", className)}>{children}</div>;
}
