import { Calculator, ShieldCheck, Store } from "lucide-react";
import { cx } from "@/lib/utils/cx";

export type PersonaKind = "merchant" | "partner" | "admin";

export interface Persona {
  kind: PersonaKind;
  /** Display text from the message catalogue, e.g. "Accounting partner". */
  label: string;
}

const personaStyles: Record<PersonaKind, { icon: typeof Store; className: string }> = {
  merchant: { icon: Store, className: "border-info-border bg-info-subtle text-info" },
  partner: { icon: Calculator, className: "border-primary/20 bg-primary-subtle text-primary-subtle-foreground" },
  admin: { icon: ShieldCheck, className: "border-warning-border bg-warning-subtle text-warning" },
};

/** "You are acting as …" chip. Server-safe. */
export function PersonaBadge({ persona, className }: { persona: Persona; className?: string }) {
  const { icon: Icon, className: tone } = personaStyles[persona.kind];
  return (
    <span
      className={cx(
        "inline-flex items-center gap-1.5 whitespace-nowrap rounded-md border px-2 py-1 text-xs font-medium leading-none",
        tone,
        className,
      )}
    >
      <Icon aria-hidden="true" className="size-3.5" />
      {persona.label}
    </span>
  );
}
