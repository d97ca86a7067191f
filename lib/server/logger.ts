import "server-only";
import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import type { Env } from "@/lib/config/env-schema";
import { env } from "@/lib/server/env";

// Secrets and tokens must never reach a log line: known field names are redacted wherever they appear.
export const REDACTED_KEYS = [
  "clientSecret", "client_secret", "subscriptionKey", "Ocp-Apim-Subscription-Key", "authorization", "Authorization",
  "access_token", "accessToken", "token", "sessionToken", "password", "secret", "clientSecretEnc", "subscriptionKeyEnc",
];

/**
 * The embedded mode is a person at a terminal: one readable line per event (pino-pretty, written synchronously in
 * this thread, so no worker thread and nothing lost on exit). Production mode writes JSON lines for the log
 * collector. Redaction happens before either.
 */
export function createLogger(e: Pick<Env, "NODE_ENV" | "LOG_LEVEL" | "PORTAL_MODE">, destination: NodeJS.WritableStream = process.stdout): Logger {
  const options = {
    level: e.NODE_ENV === "test" ? "silent" : e.LOG_LEVEL,
    redact: { paths: REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]), censor: "[redacted]" },
    base: { app: "portal" },
  };
  if (e.PORTAL_MODE !== "embedded") return pino(options, destination);
  const colorize = "isTTY" in destination && destination.isTTY === true;
  return pino(options, pretty({ destination, sync: true, colorize, translateTime: "SYS:HH:MM:ss", ignore: "pid,hostname,app", singleLine: true }));
}

let instance: Logger | undefined;

/** The process logger, created on first use (so `next build` needs no runtime configuration). */
export function logger(): Logger {
  instance ??= createLogger(env());
  return instance;
}
