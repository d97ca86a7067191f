/**
 * Option and argument validation, and the request headers per key type (docs/report-api.md §2.3):
 * merchant keys send `Authorization: Bearer`, `Ocp-Apim-Subscription-Key` and `Merchant-Serial-Number`;
 * accounting (partner) keys send the bearer token only. Both may send the `Vipps-System-*` headers.
 */
import { z } from "zod";
import { ReportApiError } from "./errors";
import type { ReportApiCredentials, SystemInfo, Topic } from "./types";

const headerValue = z
  .string()
  .min(1)
  .max(30)
  .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, "printable ASCII");

const systemInfoSchema = z.object({
  systemName: headerValue,
  systemVersion: headerValue,
  pluginName: headerValue.optional(),
  pluginVersion: headerValue.optional(),
});

const secretString = z.string().min(1).max(4096);
const credentialsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("merchant"), clientId: secretString, clientSecret: secretString, subscriptionKey: secretString, msn: z.string().regex(/^\d{4,7}$/) }),
  z.object({ kind: z.literal("partner"), clientId: secretString, clientSecret: secretString }),
]);

const baseUrlSchema = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === "https:" || u.protocol === "http:") && u.search === "" && u.hash === "";
  } catch {
    return false;
  }
}, "an http(s) URL without query");

export const DEFAULT_SYSTEM_INFO: SystemInfo = {
  systemName: "ledger-access-portal",
  systemVersion: "0.1.0",
  pluginName: "report-api-client",
  pluginVersion: "1.0.0",
};

function invalid(what: string, error: z.ZodError): ReportApiError {
  // Paths only: values could be secrets.
  const issues = error.issues.map((i) => i.path.join(".") || "(root)");
  return new ReportApiError("INVALID_INPUT", `Invalid ${what}: ${issues.join(", ")}`, { attempts: 0, issues });
}

export function validateClientConfig(input: { baseUrl: unknown; credentials: unknown; systemInfo?: unknown }): {
  baseUrl: string;
  credentials: ReportApiCredentials;
  systemInfo: SystemInfo;
} {
  const baseUrl = baseUrlSchema.safeParse(input.baseUrl);
  if (!baseUrl.success) throw invalid("baseUrl", baseUrl.error);
  const credentials = credentialsSchema.safeParse(input.credentials);
  if (!credentials.success) throw invalid("credentials", credentials.error);
  const systemInfo = systemInfoSchema.safeParse(input.systemInfo ?? DEFAULT_SYSTEM_INFO);
  if (!systemInfo.success) throw invalid("systemInfo", systemInfo.error);
  return { baseUrl: baseUrl.data.replace(/\/+$/, ""), credentials: credentials.data, systemInfo: systemInfo.data };
}

export function systemHeaders(info: SystemInfo): Record<string, string> {
  const h: Record<string, string> = { "Vipps-System-Name": info.systemName, "Vipps-System-Version": info.systemVersion };
  if (info.pluginName) h["Vipps-System-Plugin-Name"] = info.pluginName;
  if (info.pluginVersion) h["Vipps-System-Plugin-Version"] = info.pluginVersion;
  return h;
}

/** Headers for a Report API call with `accessToken`, per key type. */
export function apiHeaders(credentials: ReportApiCredentials, accessToken: string, system: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { accept: "application/json", authorization: `Bearer ${accessToken}`, ...system };
  if (credentials.kind === "merchant") {
    h["Ocp-Apim-Subscription-Key"] = credentials.subscriptionKey;
    h["Merchant-Serial-Number"] = credentials.msn;
  }
  return h;
}

const ledgerIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "1-64 letters, digits, _ or -");
const topicSchema = z.enum(["funds", "fees"]);
const cursorSchema = z.string().min(1).max(8192);
const maxPagesSchema = z.number().int().positive();

/** A real calendar date in `YYYY-MM-DD`. */
export function isLedgerDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const ledgerDateSchema = z.string().refine(isLedgerDate, "a real date in YYYY-MM-DD");

export function validateArgs(args: { ledgerId?: unknown; topic?: unknown; date?: unknown; cursor?: unknown; maxPages?: unknown }): {
  ledgerId: string;
  topic: Topic;
} {
  const schema = z.object({
    ledgerId: ledgerIdSchema,
    topic: topicSchema,
    date: ledgerDateSchema.optional(),
    cursor: cursorSchema.optional(),
    maxPages: maxPagesSchema.optional(),
  });
  const parsed = schema.safeParse(args);
  if (!parsed.success) throw invalid("arguments", parsed.error);
  return { ledgerId: parsed.data.ledgerId, topic: parsed.data.topic };
}
