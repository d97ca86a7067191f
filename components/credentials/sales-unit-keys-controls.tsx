"use client";
import { useTranslations } from "next-intl";
import { salesUnitKeysSchema } from "@/lib/credentials/schemas";
import { storeSalesUnitKeysAction, testSalesUnitConnectionAction } from "@/lib/server/credentials/actions";
import { KeysDialog } from "@/components/credentials/keys-dialog";
import { TestConnection } from "@/components/credentials/test-connection";

/** A merchant admin's controls for one sales unit's keys: add or replace them, test them. */
export function SalesUnitKeysControls({ msn, name, hasKeys, sharedLedger }: { msn: string; name: string; hasKeys: boolean; sharedLedger: boolean }) {
  const t = useTranslations("apiKeys");
  const dialog = (
    <KeysDialog
      schema={salesUnitKeysSchema}
      defaults={{ msn, clientId: "", clientSecret: "", subscriptionKey: "" }}
      fields={[
        { name: "clientId", label: t("clientId") },
        { name: "clientSecret", label: t("clientSecret"), secret: true },
        { name: "subscriptionKey", label: t("subscriptionKey"), secret: true },
      ]}
      submit={(values) => storeSalesUnitKeysAction(values)}
      triggerLabel={hasKeys ? t("replace") : t("add")}
      triggerAriaLabel={hasKeys ? t("replaceFor", { name }) : t("addFor", { name })}
      title={t("dialogTitle", { name })}
      description={t("dialogDescription")}
    />
  );
  if (!hasKeys) return dialog;
  return <TestConnection leading={dialog} run={() => testSalesUnitConnectionAction({ msn })} label={t("test")} ariaLabel={t("testFor", { name })} sharedLedger={sharedLedger} />;
}
