import "server-only";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { defineJob } from "@/lib/server/jobs/job-definition";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { pushPartnerGrantsToSandbox } from "@/lib/server/sandbox-sync/push-grants-to-sandbox";

/**
 * Upstream follows the portal: in sandbox mode every committed grant change is pushed to the sandbox, so a
 * partner's accounting keys read upstream exactly what was granted here. The push happens after commit
 * (a slow or dead sandbox never holds a transaction open, and never half-writes a change); a failed push
 * is logged and queued for retry, and the reconciliation job repairs anything still different.
 */
export const sandboxPushJob = defineJob<{ partnerId: string }>({
  name: "grants.sandbox-push",
  singletonKey: (d) => d.partnerId,
  handle: async (d) => pushPartnerGrantsToSandbox(db, d.partnerId),
});

export type SyncOutcome = "pushed" | "not-needed" | "queued" | "failed";

export function isSandboxMode(): boolean {
  const e = env();
  return e.REPORT_API_MODE === "sandbox" && Boolean(e.SANDBOX_ADMIN_SECRET);
}

/** After commit: push one partner's grant set upstream; on failure queue a retry. Never throws. */
export async function syncPartnerUpstream(partnerId: string): Promise<SyncOutcome> {
  if (!isSandboxMode()) return "not-needed";
  try {
    await pushPartnerGrantsToSandbox(db, partnerId);
    return "pushed";
  } catch (err) {
    logger().warn({ partnerId, err: err instanceof Error ? err.message : String(err) }, "grant push to the sandbox failed; queued for retry");
    try {
      await enqueueJob(sandboxPushJob, { partnerId });
      return "queued";
    } catch (queueErr) {
      logger().error({ partnerId, err: queueErr instanceof Error ? queueErr.message : String(queueErr) }, "could not queue the grant push; reconciliation will repair it");
      return "failed";
    }
  }
}

interface UpstreamPartner {
  partnerOrgNo: string;
  ledgers: { ledgerId: string; includesPersonalData: boolean }[];
}

/**
 * What the sandbox currently lets each partner key read: partner org no → (ledger id → with personal data),
 * or null when it cannot be asked (not sandbox mode, or no answer within two seconds).
 */
export async function readUpstreamGrants(): Promise<Map<string, Map<string, boolean>> | null> {
  const e = env();
  if (!isSandboxMode()) return null;
  try {
    const res = await fetch(`${e.REPORT_API_BASE_URL}/sandbox/admin/grants`, {
      headers: { "x-sandbox-admin-secret": e.SANDBOX_ADMIN_SECRET ?? "" },
      signal: AbortSignal.timeout(2000),
    });
    if (!res.ok) return null;
    const body = (await res.json()) as { partners?: UpstreamPartner[] };
    return new Map((body.partners ?? []).map((p) => [p.partnerOrgNo, new Map(p.ledgers.map((l) => [l.ledgerId, l.includesPersonalData]))]));
  } catch {
    return null;
  }
}

async function readSandboxGrants(): Promise<Map<string, string> | null> {
  const upstream = await readUpstreamGrants();
  if (!upstream) return null;
  return new Map([...upstream].map(([orgNo, ledgers]) => [orgNo, grantSetKey([...ledgers].map(([ledgerId, includesPersonalData]) => ({ ledgerId, includesPersonalData })))]));
}

function grantSetKey(ledgers: readonly { ledgerId: string; includesPersonalData: boolean }[]): string {
  return ledgers.map((l) => `${l.ledgerId}:${l.includesPersonalData ? 1 : 0}`).sort().join(",");
}

/** What the portal says each partner may read upstream (mirrors pushPartnerGrantsToSandbox). */
async function portalGrantSets(partnerIds?: readonly string[]): Promise<Map<string, { orgNo: string; key: string }>> {
  const partners = await db.accountingPartner.findMany({
    where: partnerIds ? { id: { in: [...partnerIds] } } : {},
    select: {
      id: true,
      orgNo: true,
      status: true,
      grants: { where: { status: "active" }, select: { includesPersonalData: true, ledger: { select: { externalId: true } } } },
    },
  });
  return new Map(
    partners.map((p) => [
      p.id,
      { orgNo: p.orgNo, key: p.status === "suspended" ? "" : grantSetKey(p.grants.map((g) => ({ ledgerId: g.ledger.externalId, includesPersonalData: g.includesPersonalData }))) },
    ]),
  );
}

/**
 * Partners whose upstream grants differ from the portal's ("out of sync" in the overview), or null when
 * that cannot be known (production mode, where reconciliation against each partner key is the admins'
 * drift report; or the sandbox does not answer).
 */
export async function findOutOfSyncPartners(partnerIds?: readonly string[]): Promise<Set<string> | null> {
  const upstream = await readSandboxGrants();
  if (!upstream) return null;
  const portal = await portalGrantSets(partnerIds);
  const out = new Set<string>();
  for (const [id, p] of portal) if ((upstream.get(p.orgNo) ?? "") !== p.key) out.add(id);
  return out;
}

/** The reconciliation job: push every partner whose upstream differs. Returns how many were pushed. */
export async function reconcileSandboxGrants(): Promise<number> {
  const out = await findOutOfSyncPartners();
  if (!out) return 0;
  for (const partnerId of out) await pushPartnerGrantsToSandbox(db, partnerId);
  return out.size;
}
