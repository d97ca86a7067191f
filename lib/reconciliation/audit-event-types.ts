import catalogue from "@/messages/en/reconciliation.json";

/**
 * Human labels for audit event codes (A3). The catalogue keys are the codes with "." written "__" (next-intl
 * reads dots as nesting). A code without a label is shown as "Other (code)", never hidden.
 */
export const AUDIT_EVENT_TYPES = Object.keys(catalogue.auditEventTypes)
  .filter((k) => k !== "unknown")
  .map((k) => k.replaceAll("__", "."));

export function auditEventLabelKey(code: string): string | null {
  const key = code.replaceAll(".", "__");
  return key !== "unknown" && key in catalogue.auditEventTypes ? key : null;
}
