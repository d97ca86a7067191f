/** Sandbox options from the environment (used by `npm run sandbox`); each bad value is a clear startup error. */

import { isValidDate } from "./calendar";
import { faultConfigInputSchema } from "./faults";
import { DEFAULT_PORT, type SandboxOptions } from "./server";

export class ConfigError extends Error {}

function int(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new ConfigError(`${name} must be a whole number ${min}–${max}, got '${text}'`);
  return Number(text);
}

/** "302102:100000" or "302102:100000,302101:20000" → { "302102": 100000, ... }. */
export function parseVolume(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^:\s]+):(\d+)$/.exec(part);
    if (!m?.[1] || !m[2]) throw new ConfigError(`SANDBOX_VOLUME must look like 302102:100000, got '${part}'`);
    out[m[1]] = int("SANDBOX_VOLUME", m[2], 0, 10_000_000);
  }
  return out;
}

/** "merchant=60,partner=30" → { merchant: 60, partner: 30 }. */
function parseTokenSeconds(text: string): { merchant?: number; partner?: number } {
  const out: { merchant?: number; partner?: number } = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(merchant|partner)=(\d+)$/.exec(part);
    if (!m?.[1] || !m[2]) throw new ConfigError(`SANDBOX_TOKEN_SECONDS must look like merchant=60,partner=30, got '${part}'`);
    out[m[1] as "merchant" | "partner"] = int("SANDBOX_TOKEN_SECONDS", m[2], 1, 7 * 86_400);
  }
  return out;
}

export function optionsFromEnv(env: Record<string, string | undefined> = process.env): SandboxOptions {
  const o: SandboxOptions = { port: DEFAULT_PORT };
  if (env.SANDBOX_PORT) o.port = int("SANDBOX_PORT", env.SANDBOX_PORT, 0, 65_535);
  if (env.SANDBOX_HOST) o.host = env.SANDBOX_HOST;
  if (env.SANDBOX_SEED) o.seed = env.SANDBOX_SEED;
  if (env.SANDBOX_TODAY) {
    if (!isValidDate(env.SANDBOX_TODAY)) throw new ConfigError(`SANDBOX_TODAY must be YYYY-MM-DD, got '${env.SANDBOX_TODAY}'`);
    o.today = env.SANDBOX_TODAY;
  }
  if (env.SANDBOX_ADMIN_SECRET) o.adminSecret = env.SANDBOX_ADMIN_SECRET;
  if (env.SANDBOX_FAULTS) {
    let json: unknown;
    try {
      json = JSON.parse(env.SANDBOX_FAULTS);
    } catch {
      throw new ConfigError("SANDBOX_FAULTS must be JSON, e.g. [{\"kind\":\"429\",\"probability\":0.1}]");
    }
    const parsed = faultConfigInputSchema.safeParse(json);
    if (!parsed.success) throw new ConfigError(`SANDBOX_FAULTS is not a valid fault config: ${parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`).join("; ")}`);
    o.faults = parsed.data;
  }
  if (env.SANDBOX_VOLUME) o.volume = parseVolume(env.SANDBOX_VOLUME);
  if (env.SANDBOX_PAGE_SIZE) o.pageSize = int("SANDBOX_PAGE_SIZE", env.SANDBOX_PAGE_SIZE, 1, 1000);
  if (env.SANDBOX_TOKEN_SECONDS) o.tokenSeconds = parseTokenSeconds(env.SANDBOX_TOKEN_SECONDS);
  return o;
}
