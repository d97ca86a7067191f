import fc from "fast-check";

/**
 * fast-check generators of hostile input for the action and route suites: what a crafted POST to a server action
 * can carry. Strings that look right next to ones that do not, so the generated input also gets past the first
 * checks of a schema and reaches the code behind it.
 */
export interface Pools {
  /** Uuids of rows that belong to other tenants than the signed-in persona's. */
  ids: string[];
  /** Ledger references (external ids) the signed-in partner holds no grant on. */
  ledgerRefs: string[];
  /** MSNs of other merchants' sales units. */
  msns: string[];
  /** Org. numbers of other organisations. */
  orgNos: string[];
}

export const HOSTILE_MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg onload=alert(1)>", "<a href=javascript:alert(1)>x</a>"];
const SQL = ["' OR '1'='1", "'; DROP TABLE \"AuditEvent\"; --", "1) OR pg_sleep(5) IS NULL --", "%' AND 1=1 --", "\\\\'"];
const CONTROL = ["\u0000", "Year-end closing\u0000 2025", "\u0007\u001b[31mred", "line\r\nbreak", "\u202eevil", "\ud800", "tab\tbed"];
const LOOKS_RIGHT = ["", " ", "2026-01-01", "2026-13-45", "2026-02-30", "2026-13-45.1", "2026-01-01.0", "0000-00-00", "9999-12-31", "funds", "fees", "msn", "orgNo", "3m", "12m", "all", "true", "NaN", "-1", "1e309"];
const POLLUTION = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": {"polluted": true}}') as Record<string, unknown>;

export function hostileString(pools: Pools): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...HOSTILE_MARKUP, ...SQL, ...CONTROL, ...LOOKS_RIGHT),
    fc.constantFrom(...pools.ids, ...pools.ledgerRefs, ...pools.msns, ...pools.orgNos),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ unit: "grapheme", maxLength: 40 }),
    fc.string({ maxLength: 40 }).map((s) => `${s}\u0000`),
    fc.stringMatching(/^\d{1,12}$/),
    fc.uuid(),
    fc.constantFrom("x".repeat(100_001), "9".repeat(20_000), `${"<b>".repeat(5_000)}`),
  );
}

function hostileScalar(pools: Pools): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileString(pools) },
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -0),
    fc.bigInt(),
    fc.date({ noInvalidDate: false }),
  );
}

export function hostileValue(pools: Pools): fc.Arbitrary<unknown> {
  const scalar = hostileScalar(pools);
  return fc.oneof(
    { weight: 5, arbitrary: scalar },
    fc.array(scalar, { maxLength: 5 }),
    fc.array(fc.constantFrom(...pools.ids), { maxLength: 60 }),
    fc.dictionary(hostileString(pools), scalar, { maxKeys: 3 }),
    fc.constant(POLLUTION),
  );
}

/** A value for a field by its name: ids get other tenants' ids, dates almost-dates, the rest anything. */
function fieldValue(key: string, pools: Pools): fc.Arbitrary<unknown> {
  const anything = hostileValue(pools);
  if (key.endsWith("Ids") || key === "ids") return fc.oneof(fc.array(fc.constantFrom(...pools.ids, crypto.randomUUID()), { maxLength: 5 }), anything);
  if (key.endsWith("Id")) return fc.oneof(fc.constantFrom(...pools.ids, ...pools.ledgerRefs), fc.uuid(), anything);
  if (key === "msn") return fc.oneof(fc.constantFrom(...pools.msns), anything);
  if (key === "msns") return fc.oneof(fc.array(fc.constantFrom(...pools.msns, "99999999", "1234"), { maxLength: 4 }), anything);
  if (key === "orgNo") return fc.oneof(fc.constantFrom(...pools.orgNos, "999999999"), anything);
  if (/^(period|valid|from$|to$)/.test(key)) return fc.oneof(fc.constantFrom("", "2026-01-01", "2025-12-31", "2026-13-45", "2025-02-30"), anything);
  if (key === "includesPersonalData" || key === "consentAccepted" || key === "all") return fc.oneof(fc.boolean(), anything);
  return anything;
}

/**
 * Input for an action whose schema has these fields: a hostile value in place of the whole input, a FormData,
 * or an object with the fields (each one possibly hostile) plus prototype-pollution and unknown keys.
 */
export function hostileInput(keys: string[], pools: Pools): fc.Arbitrary<unknown> {
  const fields = fc.record(Object.fromEntries(keys.map((k) => [k, fieldValue(k, pools)])), { requiredKeys: [] });
  const extra = fc.oneof(fc.constant({}), fc.constant(POLLUTION), fc.dictionary(hostileString(pools), hostileString(pools), { minKeys: 1, maxKeys: 2 }));
  const object = fc.tuple(fields, extra).map(([f, e]) => Object.assign(JSON.parse(JSON.stringify(e)) as Record<string, unknown>, f));
  const formData = fc.dictionary(fc.constantFrom(...keys, "__proto__", "x"), hostileString(pools), { maxKeys: 4 }).map((d) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(d)) form.append(k, v);
    return form;
  });
  return fc.oneof({ weight: 4, arbitrary: object }, { weight: 1, arbitrary: hostileValue(pools) }, { weight: 1, arbitrary: formData });
}
