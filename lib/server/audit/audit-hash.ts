import "server-only";
import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

/** JSON with object keys sorted at every depth, so a row read back from JSONB hashes as it was written. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface HashedAuditFields {
  at: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  merchantId: string | null;
  partnerId: string | null;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
}

export function auditHash(prevHash: string, e: HashedAuditFields): string {
  const body = canonicalJson({ ...e, at: e.at.toISOString(), prevHash });
  return createHash("sha256").update(body).digest("hex");
}
