import { useId, type ReactElement, type ReactNode } from "react";
import { Slot } from "radix-ui";
import { CircleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";
import { Label } from "./label";

/** Props to spread on the focusable element when it is not the child's root (e.g. <SelectTrigger {...controlProps}>). */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-required"?: true;
}

export interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  /** Error text; marks the control aria-invalid and links the message via aria-describedby. */
  error?: ReactNode;
  /** Decorative asterisk + aria-required on the control (add the native `required` yourself if wanted). */
  required?: boolean;
  /** Keep the label for screen readers only. */
  hideLabel?: boolean;
  /** "stacked": label above the control (default). "inline": control then label on one row (checkbox, switch). */
  layout?: "stacked" | "inline";
  /** Control id (generated when omitted). */
  id?: string;
  className?: string;
  /**
   * The control. Its root element receives id / aria-describedby / aria-invalid / aria-required; for composite
   * controls pass a function and spread the props on the focusable part.
   */
  children: ReactElement | ((controlProps: FieldControlProps) => ReactElement);
}

/**
 * Label + control + description + error, wired for assistive tech. Server-safe, so it also works in plain
 * server-action forms: <Field label="Org. number" error={state.errors?.orgNo}><Input name="orgNo" /></Field>.
 */
export function Field({
  label,
  description,
  error,
  required = false,
  hideLabel = false,
  layout = "stacked",
  id,
  className,
  children,
}: FieldProps) {
  const baseId = useId();
  const controlId = id ?? `${baseId}-control`;
  const descriptionId = `${baseId}-description`;
  const messageId = `${baseId}-message`;
  const hasError = error != null && error !== false && error !== "";
  const describedBy = [description ? descriptionId : null, hasError ? messageId : null].filter(Boolean).join(" ");
  const controlProps: FieldControlProps = {
    id: controlId,
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
    ...(hasError ? { "aria-invalid": true as const } : {}),
    ...(required ? { "aria-required": true as const } : {}),
  };
  const control = <Slot.Root {...controlProps}>{typeof children === "function" ? children(controlProps) : children}</Slot.Root>;
  const labelNode = (
    <Label htmlFor={controlId} required={required} className={cn(hideLabel && "sr-only", layout === "inline" && "font-normal")}>
      {label}
    </Label>
  );
  const indent = layout === "inline" ? "pl-6.5" : undefined;
  return (
    <div data-invalid={hasError ? "" : undefined} className={cn("flex flex-col gap-1.5", className)}>
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
        <p id={descriptionId} className={cn("text-[0.8125rem] text-muted-foreground", indent)}>
          {description}
        </p>
      ) : null}
      {hasError ? (
        <p id={messageId} className={cn("flex items-start gap-1.5 text-[0.8125rem] font-medium text-danger", indent)}>
          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span>{error}</span>
        </p>
      ) : null}
    </div>
  );
}

/** Right-aligned row for the submit/cancel buttons at the end of a form. Server-safe. */
export function FieldActions({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cn("flex flex-wrap items-center justify-end gap-2 pt-2", className)}>{children}</div>;
}
