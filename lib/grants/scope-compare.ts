import type { GrantScopeValues } from "@/lib/grants/schemas";

/** Same period, data and end date. */
export function sameScope(a: GrantScopeValues, b: GrantScopeValues): boolean {
  return a.periodFrom === b.periodFrom && a.periodTo === b.periodTo && a.includesPersonalData === b.includesPersonalData && a.validUntil === b.validUntil;
}

/** True when `next` gives nothing that `prev` did not (narrowing never needs a second admin). Open ends are widest. */
export function isNarrowing(prev: GrantScopeValues, next: GrantScopeValues): boolean {
  const fromOk = prev.periodFrom === null || (next.periodFrom !== null && next.periodFrom >= prev.periodFrom);
  const toOk = prev.periodTo === null || (next.periodTo !== null && next.periodTo <= prev.periodTo);
  const dataOk = prev.includesPersonalData || !next.includesPersonalData;
  const endOk = prev.validUntil === null || (next.validUntil !== null && next.validUntil <= prev.validUntil);
  return fromOk && toOk && dataOk && endOk;
}

/**
 * An edit made on a form that showed `base`, applied onto the grant as it is now (`current`): the fields the
 * user changed take their new value, the others keep the current one. So a renewal committed while the form was
 * open keeps its end date when the user only narrowed the period (docs/decisions/011-serialising-grant-changes.md).
 */
export function applyScopeEdit(current: GrantScopeValues, base: GrantScopeValues, edited: GrantScopeValues): GrantScopeValues {
  const pick = <K extends keyof GrantScopeValues>(k: K): GrantScopeValues[K] => (edited[k] === base[k] ? current[k] : edited[k]);
  return { periodFrom: pick("periodFrom"), periodTo: pick("periodTo"), includesPersonalData: pick("includesPersonalData"), validUntil: pick("validUntil") };
}
