import "server-only";
import { db } from "@/lib/server/db";
import { logger } from "@/lib/server/logger";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { loadPartnerCredentials } from "@/lib/server/credentials/load-credentials";
import { reportApiClientFor } from "@/lib/server/credentials/report-api-client";
import type { ReconciliationKind } from "@/lib/generated/prisma/client";
import { SYSTEM_ACTOR } from "@/lib/server/audit/actor";

/**
 * A2 reconciliation: for each approved partner with stored accounting keys, the ledgers its keys can read
 * upstream (GET /settlement/v1/ledgers, every page) against the portal's active grants, in both directions.
 * A finding seen again moves lastSeenAt; one no longer seen is resolved. Opening and resolving are audited in
 * the transaction that records them. A partner whose listing fails keeps its findings as they were (nothing
 * is resolved on a failed look). Suspended and pending partners are skipped (their keys are not in use here).
 */
export type ListUpstreamLedgers = (partnerId: string) => Promise<string[] | null>;

/** The partner's keys' readable ledger ids, or null when it has no usable keys. Throws when upstream fails. */
export const listUpstreamLedgers: ListUpstreamLedgers = async (partnerId) => {
  const loaded = await loadPartnerCredentials(partnerId);
  if (!loaded) return null;
  const ledgers = await reportApiClientFor(loaded.credentials, "background").listLedgers();
  return ledgers.map((l) => l.ledgerId);
};

export interface PartnerOutcome {
  partnerId: string;
  status: "checked" | "no-keys" | "failed";
  opened: number;
  resolved: number;
  open: number;
}

interface Wanted {
  kind: ReconciliationKind;
  ledgerExternalId: string;
  ledgerId: string | null;
  merchantId: string | null;
  grantId: string | null;
}


/** Compares one partner and records what differs. Exported for tests and the job. */
export async function reconcilePartner(partnerId: string, list: ListUpstreamLedgers = listUpstreamLedgers): Promise<PartnerOutcome> {
  let upstream: string[] | null;
  try {
    upstream = await list(partnerId);
  } catch (err) {
    logger().warn({ partnerId, err: err instanceof Error ? err.message : String(err) }, "reconciliation: listing the partner's ledgers failed");
    return { partnerId, status: "failed", opened: 0, resolved: 0, open: 0 };
  }
  if (upstream === null) return { partnerId, status: "no-keys", opened: 0, resolved: 0, open: 0 };
  const readable = new Set(upstream);
  const grants = await db.ledgerGrant.findMany({
    where: { partnerId, status: "active" },
    select: { id: true, merchantId: true, ledgerId: true, ledger: { select: { externalId: true } } },
  });
  const granted = new Map(grants.map((g) => [g.ledger.externalId, g]));
  const extraIds = [...readable].filter((id) => !granted.has(id));
  const known = await db.ledger.findMany({ where: { externalId: { in: extraIds } }, select: { id: true, externalId: true, merchantId: true } });
  const knownById = new Map(known.map((l) => [l.externalId, l]));
  const wanted: Wanted[] = [
    ...extraIds.map((id): Wanted => ({ kind: "upstream_only", ledgerExternalId: id, ledgerId: knownById.get(id)?.id ?? null, merchantId: knownById.get(id)?.merchantId ?? null, grantId: null })),
    ...grants
      .filter((g) => !readable.has(g.ledger.externalId))
      .map((g): Wanted => ({ kind: "portal_only", ledgerExternalId: g.ledger.externalId, ledgerId: g.ledgerId, merchantId: g.merchantId, grantId: g.id })),
  ];
  const key = (w: { kind: string; ledgerExternalId: string }) => `${w.kind}:${w.ledgerExternalId}`;

  return db.$transaction(async (tx) => {
    const now = new Date();
    const open = await tx.reconciliationFinding.findMany({ where: { partnerId, resolvedAt: null } });
    const openByKey = new Map(open.map((f) => [key(f), f]));
    const wantedKeys = new Set(wanted.map(key));
    let opened = 0;
    let resolved = 0;
    for (const w of wanted) {
      const existing = openByKey.get(key(w));
      if (existing) {
        await tx.reconciliationFinding.update({ where: { id: existing.id }, data: { lastSeenAt: now, ledgerId: w.ledgerId, merchantId: w.merchantId, grantId: w.grantId } });
        continue;
      }
      const f = await tx.reconciliationFinding.create({ data: { ...w, partnerId, firstSeenAt: now, lastSeenAt: now } });
      await appendAuditEvent(tx, {
        action: "reconciliation.finding-opened", ...SYSTEM_ACTOR, merchantId: w.merchantId, partnerId,
        targetType: "reconciliation-finding", targetId: f.id, after: { kind: w.kind, ledgerExternalId: w.ledgerExternalId, grantId: w.grantId },
      });
      opened += 1;
    }
    for (const f of open) {
      if (wantedKeys.has(key(f))) continue;
      await tx.reconciliationFinding.update({ where: { id: f.id }, data: { resolvedAt: now } });
      await appendAuditEvent(tx, {
        action: "reconciliation.finding-resolved", ...SYSTEM_ACTOR, merchantId: f.merchantId, partnerId,
        targetType: "reconciliation-finding", targetId: f.id, before: { kind: f.kind, ledgerExternalId: f.ledgerExternalId, firstSeenAt: f.firstSeenAt }, after: { resolvedAt: now },
      });
      resolved += 1;
    }
    return { partnerId, status: "checked" as const, opened, resolved, open: wanted.length };
  });
}

/** The partners a run checks: approved, with stored accounting keys (never suspended ones). */
export async function partnersToReconcile(): Promise<string[]> {
  const rows = await db.accountingPartner.findMany({
    where: { status: "approved", credentials: { some: { kind: "partner" } } },
    select: { id: true },
    orderBy: { name: "asc" },
  });
  return rows.map((r) => r.id);
}

/** One whole run: every partner, recorded in ReconciliationRun (created here, or by "Check now" before queueing). */
export async function runReconciliation(opts: { runId?: string; trigger?: "schedule" | "check-now" | "test"; list?: ListUpstreamLedgers } = {}): Promise<{ runId: string; outcomes: PartnerOutcome[] }> {
  const run = opts.runId
    ? await db.reconciliationRun.update({ where: { id: opts.runId }, data: { startedAt: new Date() } })
    : await db.reconciliationRun.create({ data: { trigger: opts.trigger ?? "schedule" } });
  const outcomes: PartnerOutcome[] = [];
  try {
    for (const partnerId of await partnersToReconcile()) outcomes.push(await reconcilePartner(partnerId, opts.list));
  } finally {
    await db.reconciliationRun.update({
      where: { id: run.id },
      data: {
        finishedAt: new Date(),
        partnersChecked: outcomes.filter((o) => o.status === "checked").length,
        partnersFailed: outcomes.filter((o) => o.status === "failed").length,
        opened: outcomes.reduce((s, o) => s + o.opened, 0),
        resolved: outcomes.reduce((s, o) => s + o.resolved, 0),
      },
    });
  }
  return { runId: run.id, outcomes };
}
