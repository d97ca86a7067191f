"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { appQueryClient } from "@/components/providers/query-provider";
import { markNotificationsReadAction } from "@/lib/server/notifications/inbox-actions";

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <Button
      variant="outline"
      disabled={disabled}
      loading={pending}
      onClick={() =>
        start(async () => {
          const result = await markNotificationsReadAction({ all: true });
          if (!result.ok) {
            toast.error(result.error.message);
            return;
          }
          // The bell's cache, if its popover was opened in this tab (the tab's one client, decision 040).
          await appQueryClient().invalidateQueries({ queryKey: ["notifications"] });
          router.refresh();
        })
      }
    >
      <CheckCheck aria-hidden />
      {t("markAllRead")}
    </Button>
  );
}
