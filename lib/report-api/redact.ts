/**
 * Defence in depth for logs. The client never passes secrets or tokens to the logger on purpose; this wrapper
 * also scrubs, from every log object, any key that names a credential and any string that contains a value the
 * client knows to be secret (client secret, subscription key, current and recent tokens).
 */
import type { ReportApiLogger } from "./types";

const SENSITIVE_KEY = /secret|token|authorization|password|subscription|api[-_]?key|cookie|^ocp-apim/i;
const REDACTED = "[REDACTED]";
const MAX_TRACKED = 16;

/** `demo-partner-987654321` → `…4321`: enough to tell key sets apart in logs, not enough to use. */
export function maskClientId(clientId: string): string {
  return clientId.length <= 4 ? "…" : `…${clientId.slice(-4)}`;
}

/** A bounded set of strings that must never appear in logs. */
export class SensitiveValues {
  private readonly fixed: string[];
  private readonly recent: string[] = [];

  constructor(fixed: (string | undefined)[]) {
    this.fixed = fixed.filter((v): v is string => typeof v === "string" && v.length >= 4);
  }

  /** Tracks a token; the oldest tracked token is forgotten beyond a small bound. */
  add(value: string): void {
    if (value.length < 4 || this.recent.includes(value)) return;
    this.recent.push(value);
    if (this.recent.length > MAX_TRACKED) this.recent.shift();
  }

  scrub(text: string): string {
    let out = text;
    for (const v of [...this.fixed, ...this.recent]) if (out.includes(v)) out = out.split(v).join(REDACTED);
    return out;
  }
}

function scrubValue(value: unknown, values: SensitiveValues, depth: number): unknown {
  if (typeof value === "string") return values.scrub(value);
  if (value === null || typeof value !== "object") return value;
  if (depth > 5) return "[Truncated]";
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return { name: e.name, message: values.scrub(e.message), code: typeof e.code === "string" ? e.code : undefined };
  }
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, values, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SENSITIVE_KEY.test(k) ? REDACTED : scrubValue(v, values, depth + 1);
  return out;
}

export function redactLogObject(obj: Record<string, unknown>, values: SensitiveValues): Record<string, unknown> {
  return scrubValue(obj, values, 0) as Record<string, unknown>;
}

/** Wraps a pino-like logger so every object and message goes through `redactLogObject`/`scrub`. */
export function createRedactingLogger(inner: ReportApiLogger, values: SensitiveValues, bindings: Record<string, unknown>): ReportApiLogger {
  const wrap =
    (level: keyof ReportApiLogger) =>
    (obj: Record<string, unknown>, msg?: string): void => {
      try {
        inner[level](redactLogObject({ ...bindings, ...obj }, values), msg === undefined ? undefined : values.scrub(msg));
      } catch {
        // A broken logger must never break a Report API call.
      }
    };
  return { debug: wrap("debug"), info: wrap("info"), warn: wrap("warn"), error: wrap("error") };
}

export const noopLogger: ReportApiLogger = { debug() {}, info() {}, warn() {}, error() {} };
