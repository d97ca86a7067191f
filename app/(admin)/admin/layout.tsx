import type { ReactNode } from "react";
import { PersonaShell } from "@/app/_shared/persona-shell";
import { requirePlatformAdmin } from "@/lib/server/authz/contexts";

// Every page below checks again (layouts do not re-run on every navigation); this frames them.
export default async function Layout({ children }: { children: ReactNode }) {
  const ctx = await requirePlatformAdmin();
  return (
    <PersonaShell kind="admin" activeKey={"admin"} user={ctx}>
      {children}
    </PersonaShell>
  );
}
