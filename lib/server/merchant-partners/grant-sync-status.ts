import "server-only";
import type { GrantStatus, PartnerStatus } from "@/lib/generated/prisma/enums";
import { readUpstreamGrants } from "@/lib/server/grants/upstream-sync";
import { outOfSyncGrantIds } from "@/lib/server/reconciliation/findings";
import type { GrantDetail } from "@/lib/server/grants/queries";

export interface SyncCheckGrant {
  id: string;
  status: GrantStatus;
  includesPersonalData: boolean;
  ledgerExternalId: string;
  partner: { id: string; orgNo: string; status: PartnerStatus };
}

/**
 * Which of these grants upstream does not yet reflect ("out of sync" in M1), per partner and ledger: an
 * active grant must be readable upstream with the same personal-data setting; a grant that ended (with no
 * newer live one on the ledger) must no longer be. Empty when upstream cannot be asked (production mode,
 * where the admins' reconciliation report shows drift, or the sandbox is down): no false alarm, no false
 * "in sync" either, as nothing is marked.
 */
export async function markOutOfSync(grants: readonly SyncCheckGrant[]): Promise<Set<string>> {
  if (grants.length === 0) return new Set();
  // What the reconciliation job found with the partners' own keys (A2), in every mode; then, in sandbox mode,
  // what the sandbox's grant table says right now.
  const [upstream, out] = await Promise.all([readUpstreamGrants(), outOfSyncGrantIds(grants.map((g) => g.id))]);
  if (!upstream) return out;
  const byPair = new Map<string, SyncCheckGrant[]>();
  for (const g of grants) {
    const key = `${g.partner.id}|${g.ledgerExternalId}`;
    byPair.set(key, [...(byPair.get(key) ?? []), g]);
  }
  for (const pair of byPair.values()) {
    const first = pair[0]!;
    const seen = upstream.get(first.partner.orgNo)?.get(first.ledgerExternalId);
    const active = first.partner.status === "suspended" ? undefined : pair.find((g) => g.status === "active");
    if (active) {
      if (seen !== active.includesPersonalData) out.add(active.id);
    } else if (seen !== undefined) {
      // Still readable upstream although nothing here grants it: the most recent grant on the pair is the one to show.
      out.add(pair[pair.length - 1]!.id);
    }
  }
  return out;
}

/**
 * The grant page's check, on the grant exactly as the data layer read it (the partner's real status included: a
 * suspended partner's active grant must not be readable upstream), so no page rebuilds this input by hand.
 */
export async function isGrantOutOfSync(grant: Pick<GrantDetail, "id" | "status" | "includesPersonalData" | "ledger" | "partner">): Promise<boolean> {
  const out = await markOutOfSync([{ id: grant.id, status: grant.status, includesPersonalData: grant.includesPersonalData, ledgerExternalId: grant.ledger.externalId, partner: grant.partner }]);
  return out.has(grant.id);
}
