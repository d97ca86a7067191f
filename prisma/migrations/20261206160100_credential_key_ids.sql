-- migrate:up
-- Stored secrets now name the key that sealed them: "v2:<keyId>:<iv>:<tag>:<data>" (decision 016). Rows sealed
-- before ("v1:<iv>:<tag>:<data>") stay readable until `npm run keys:rotate` rewrites them. Still ciphertext only.
ALTER TABLE "ApiCredential" DROP CONSTRAINT "ApiCredential_secret_is_ciphertext";
ALTER TABLE "ApiCredential" ADD CONSTRAINT "ApiCredential_secret_is_ciphertext" CHECK (
  ("clientSecretEnc" ~ '^v1:[^:]+:[^:]+:[^:]*$' OR "clientSecretEnc" ~ '^v2:[0-9a-f]{12}:[^:]+:[^:]+:[^:]*$')
  AND ("subscriptionKeyEnc" IS NULL OR "subscriptionKeyEnc" ~ '^v1:[^:]+:[^:]+:[^:]*$' OR "subscriptionKeyEnc" ~ '^v2:[0-9a-f]{12}:[^:]+:[^:]+:[^:]*$')
);

-- migrate:down
ALTER TABLE "ApiCredential" DROP CONSTRAINT "ApiCredential_secret_is_ciphertext";
ALTER TABLE "ApiCredential" ADD CONSTRAINT "ApiCredential_secret_is_ciphertext" CHECK ("clientSecretEnc" LIKE 'v1:%' AND ("subscriptionKeyEnc" IS NULL OR "subscriptionKeyEnc" LIKE 'v1:%'));
