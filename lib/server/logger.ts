import "server-only";
import pino, { type Logger } from "pino";
import { env } from "@/lib/server/env";

// Secrets and tokens must never reach a log line: known field names are redacted wherever they appear.
export const REDACTED_KEYS = [
  "clientSecret", "client_secret", "subscriptionKey", "Ocp-Apim-Subscription-Key", "authorization", "Authorization",
  "access_token", "accessToken", "token", "sessionToken", "password", "secret", "clientSecretEnc", "subscriptionKeyEnc",
];

let instance: Logger | undefined;

/** The process logger, created on first use (so `next build` needs no runtime configuration). */
export function logger(): Logger {
  const e = env();
  instance ??= pino({
    level: e.NODE_ENV === "test" ? "silent" : e.LOG_LEVEL,
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: "[redacted]" },
    base: { app: "portal" },
  });
  return instance;
}
