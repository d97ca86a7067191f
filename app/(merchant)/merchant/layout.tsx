import type { ReactNode } from "react";
import { PersonaShell } from "@/app/_shared/persona-shell";
import { NotificationBell } from "@/app/_shared/notification-bell";
import { requireMerchantContext } from "@/lib/server/authz/contexts";

// Every page below checks again (layouts do not re-run on every navigation); this frames them.
export default async function Layout({ children }: { children: ReactNode }) {
  const ctx = await requireMerchantContext();
  return (
    <PersonaShell kind="merchant" activeKey={`m:${ctx.merchantId}`} user={ctx.user} bell={<NotificationBell userId={ctx.user.id} allHref="/merchant/notifications" />}>
      {children}
    </PersonaShell>
  );
}
