import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface LocalSecrets {
  AUTH_SECRET: string;
  CREDENTIALS_ENCRYPTION_KEY: string;
  SANDBOX_ADMIN_SECRET: string;
}

/**
 * The embedded mode's secrets: generated on the first start and kept beside the data dir (mode 0600), so
 * sessions and stored keys survive restarts. Production never uses this: its secrets come from the environment.
 */
export function loadOrCreateSecrets(dataRoot: string): LocalSecrets {
  const file = path.join(dataRoot, "secrets.json");
  const existing: Partial<LocalSecrets> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<LocalSecrets>) : {};
  const secrets: LocalSecrets = {
    AUTH_SECRET: existing.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    CREDENTIALS_ENCRYPTION_KEY: existing.CREDENTIALS_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
    SANDBOX_ADMIN_SECRET: existing.SANDBOX_ADMIN_SECRET ?? randomBytes(24).toString("base64url"),
  };
  if (JSON.stringify(existing) !== JSON.stringify(secrets)) {
    mkdirSync(dataRoot, { recursive: true });
    writeFileSync(file, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}
