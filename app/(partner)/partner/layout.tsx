import type { ReactNode } from "react";
import { PersonaShell } from "@/app/_shared/persona-shell";
import { requirePartnerContext } from "@/lib/server/authz/contexts";

// Every page below checks again (layouts do not re-run on every navigation); this frames them.
export default async function Layout({ children }: { children: ReactNode }) {
  const ctx = await requirePartnerContext();
  return (
    <PersonaShell kind="partner" activeKey={`p:${ctx.partnerId}`} user={ctx.user}>
      {children}
    </PersonaShell>
  );
}
