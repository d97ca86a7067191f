import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { StoredKeysView } from "@/lib/credentials/types";

/** Masked client id and the keys' status in words (server component). Secrets are never part of the view. */
export async function StoredKeysFacts({ keys }: { keys: StoredKeysView | null }) {
  const [t, format] = await Promise.all([getTranslations("apiKeys"), getFormatter()]);
  if (!keys) return <Badge variant="neutral">{t("notStored")}</Badge>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="stored-keys">
      <dt className="text-muted-foreground">{t("clientId")}</dt>
      <dd className="font-mono">{keys.maskedClientId}</dd>
      <dt className="text-muted-foreground">{t("status")}</dt>
      <dd className="flex flex-wrap items-center gap-2">
        <span>{t("stored", { when: format.relativeTime(new Date(keys.storedAt)) })}</span>
        {keys.lastVerifiedAt ? (
          <Badge variant="success">{t("verified", { when: format.relativeTime(new Date(keys.lastVerifiedAt)) })}</Badge>
        ) : (
          <Badge variant="warning">{t("unverified")}</Badge>
        )}
      </dd>
    </dl>
  );
}
