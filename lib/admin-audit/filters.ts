/** A3 audit trail filters, from the page's searchParams (each ignored when malformed: a bad link never errors). */
export interface AuditFilters {
  actor?: string;
  action?: string;
  merchantId?: string;
  partnerId?: string;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string;
  to?: string;
  /** Keyset: events with a smaller id than this. */
  beforeId?: bigint;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z_]+(\.[a-z_-]+)*$/;

function validDay(s: string | undefined): string | undefined {
  if (!s || !DAY.test(s)) return undefined;
  const d = new Date(`${s}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? undefined : s;
}

export function parseAuditFilters(sp: Record<string, string | string[] | undefined>): AuditFilters {
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string).trim() : undefined);
  const actor = one("actor");
  const action = one("type");
  const merchant = one("merchant");
  const partner = one("partner");
  const before = one("before");
  const from = validDay(one("from"));
  const to = validDay(one("to"));
  return {
    // A search text, not an identifier: control characters (PostgreSQL refuses NUL in text) make it malformed.
    ...(actor && actor.length <= 100 && !/\p{Cc}/u.test(actor) ? { actor } : {}),
    ...(action && action.length <= 60 && ACTION.test(action) ? { action } : {}),
    ...(merchant && UUID.test(merchant) ? { merchantId: merchant } : {}),
    ...(partner && UUID.test(partner) ? { partnerId: partner } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(before && /^\d{1,18}$/.test(before) ? { beforeId: BigInt(before) } : {}),
  };
}

/** The searchParams of these filters (without the page position unless asked), for links and the export. */
export function auditFilterQuery(f: AuditFilters, beforeId?: string): string {
  const q = new URLSearchParams();
  if (f.actor) q.set("actor", f.actor);
  if (f.action) q.set("type", f.action);
  if (f.merchantId) q.set("merchant", f.merchantId);
  if (f.partnerId) q.set("partner", f.partnerId);
  if (f.from) q.set("from", f.from);
  if (f.to) q.set("to", f.to);
  if (beforeId) q.set("before", beforeId);
  return q.toString();
}

export function hasAuditFilters(f: AuditFilters): boolean {
  return Boolean(f.actor || f.action || f.merchantId || f.partnerId || f.from || f.to);
}
