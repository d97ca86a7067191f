"use client";

import type { ReactElement, ReactNode } from "react";
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
import { useTranslations } from "next-intl";
import { formErrorText } from "@/lib/validation/form-errors";
import { Field, FieldActions, type FieldControlProps } from "./field";

/** `<Form {...form}>` = react-hook-form's FormProvider (optional; FormField only needs `control`). */
export const Form = FormProvider;
/** Right-aligned row for the submit/cancel buttons. */
export const FormActions = FieldActions;
export type FormControlProps = FieldControlProps;

export interface FormFieldRenderArgs<TFieldValues extends FieldValues, TName extends FieldPath<TFieldValues>> {
  field: ControllerRenderProps<TFieldValues, TName>;
  fieldState: ControllerFieldState;
  formState: UseFormStateReturn<TFieldValues>;
  /** Spread on the focusable part of composite controls (e.g. <SelectTrigger {...controlProps}>). */
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
  hideLabel?: boolean;
  /** "stacked" (default) or "inline" (checkbox, switch: control then label). */
  layout?: "stacked" | "inline";
  /** Turn a validation error into display text. Default: a `formErrors` key in the reader's language, other text as it is. */
  formatError?: (error: FieldError) => ReactNode;
  className?: string;
  /** Return the control; its root element gets id / aria-describedby / aria-invalid / aria-required. */
  render: (args: FormFieldRenderArgs<TFieldValues, TName>) => ReactElement;
}

/**
 * react-hook-form field: label, control, description and error message, wired for assistive tech
 * (label[for] -> control id, aria-describedby -> description + error, aria-invalid on error).
 */
export function FormField<
  TFieldValues extends FieldValues = FieldValues,
  TName extends FieldPath<TFieldValues> = FieldPath<TFieldValues>,
  TTransformedValues = TFieldValues,
>({
  label,
  description,
  required,
  hideLabel,
  layout,
  formatError,
  className,
  render,
  ...controllerProps
}: FormFieldProps<TFieldValues, TName, TTransformedValues>) {
  const tErrors = useTranslations("formErrors");
  return (
    <Controller
      {...controllerProps}
      render={({ field, fieldState, formState }) => {
        const error = fieldState.error;
        return (
          <Field
            label={label}
            description={description}
            error={error ? (formatError ? formatError(error) : formErrorText(error.message ?? "", tErrors)) : undefined}
            required={required}
            hideLabel={hideLabel}
            layout={layout}
            className={className}
          >
            {(controlProps) => render({ field, fieldState, formState, controlProps })}
          </Field>
        );
      }}
    />
  );
}
