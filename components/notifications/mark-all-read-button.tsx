"use client";

import { useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useQueryClient } from "@tanstack/react-query";
import { CheckCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { markNotificationsReadAction } from "@/lib/server/notifications/inbox-actions";

export function MarkAllReadButton({ disabled }: { disabled: boolean }) {
  const t = useTranslations("notifications");
  const router = useRouter();
  const queryClient = useQueryClient();
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
          await queryClient.invalidateQueries({ queryKey: ["notifications"] });
          router.refresh();
        })
      }
    >
      <CheckCheck aria-hidden />
      {t("markAllRead")}
    </Button>
  );
}
