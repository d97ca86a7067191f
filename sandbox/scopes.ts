/**
 * What a token may read, as upstream decides it:
 * - merchant keys read the one ledger of their MSN, and nothing when that ledger settles more than one sales
 *   unit (the single-MSN rule): it is then neither listed nor readable (404), as if it did not exist;
 * - accounting keys read exactly the ledgers granted to their partner (plus any drift the admin injected),
 *   and only while the partner is approved.
 * Personal data (GDPR fields) is allowed for merchant keys, and for a partner only where its grant says so.
 */

import { findLedgerForMsn, type WorldPartner } from "../lib/demo-world/world";
import type { TokenSubject } from "./tokens";

export interface LedgerGrant {
  ledgerId: string;
  includesPersonalData: boolean;
}

export interface Drift {
  /** Ledgers the partner key can read upstream although the portal never granted them. */
  extraLedgerIds: string[];
  /** Granted ledgers the partner key cannot see upstream. */
  missingLedgerIds: string[];
}

export interface ScopeSources {
  grants: ReadonlyMap<string, readonly LedgerGrant[]>;
  drift: ReadonlyMap<string, Drift>;
  partnerStatus: ReadonlyMap<string, WorldPartner["status"]>;
}

/** Ledger id → whether personal data may be included, for every ledger the subject may read. */
export function readableLedgers(subject: TokenSubject, sources: ScopeSources): Map<string, { personalData: boolean }> {
  const out = new Map<string, { personalData: boolean }>();
  if (subject.kind === "merchant") {
    const found = findLedgerForMsn(subject.msn);
    if (found && found.ledger.salesUnitMsns.length === 1) out.set(found.ledger.ledgerId, { personalData: true });
    return out;
  }
  if (sources.partnerStatus.get(subject.partnerOrgNo) !== "approved") return out;
  for (const g of sources.grants.get(subject.partnerOrgNo) ?? []) out.set(g.ledgerId, { personalData: g.includesPersonalData });
  const drift = sources.drift.get(subject.partnerOrgNo);
  for (const id of drift?.extraLedgerIds ?? []) if (!out.has(id)) out.set(id, { personalData: false });
  for (const id of drift?.missingLedgerIds ?? []) out.delete(id);
  return out;
}
