"use client";
import { useTranslations } from "next-intl";
import { partnerKeysSchema } from "@/lib/credentials/schemas";
import { storePartnerKeysAction, testPartnerConnectionAction } from "@/lib/server/credentials/actions";
import { KeysDialog } from "@/components/credentials/keys-dialog";
import { TestConnection } from "@/components/credentials/test-connection";

/** A partner owner's controls for the firm's accounting keys: add or replace them, test them. */
export function PartnerKeysControls({ partner, hasKeys }: { partner: string; hasKeys: boolean }) {
  const t = useTranslations("apiKeys");
  const dialog = (
    <KeysDialog
      schema={partnerKeysSchema}
      defaults={{ clientId: "", clientSecret: "" }}
      fields={[
        { name: "clientId", label: t("clientId") },
        { name: "clientSecret", label: t("clientSecret"), secret: true },
      ]}
      submit={(values) => storePartnerKeysAction(values)}
      triggerLabel={hasKeys ? t("replace") : t("add")}
      title={t("partnerDialogTitle", { partner })}
      description={t("partnerDialogDescription")}
    />
  );
  if (!hasKeys) return dialog;
  return <TestConnection leading={dialog} run={() => testPartnerConnectionAction({})} label={t("test")} />;
}
