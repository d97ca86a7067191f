"use server";
import "server-only";
import { z } from "zod";
import { adminAction } from "@/lib/server/actions/define-action";
import { db } from "@/lib/server/db";
import { appendAuditEvent } from "@/lib/server/audit/append-audit-event";
import { enqueueJob } from "@/lib/server/jobs/queue";
import { reconciliationJob } from "@/lib/server/reconciliation/jobs";
import { personActor } from "@/lib/server/audit/actor";

/** A run that has not finished after this long is taken as dead (its job expired); a new one may start. */
const STALE_MS = 15 * 60_000;

/**
 * A2 "Check now": records the run (audited), queues the reconciliation job with its id and returns at once; the
 * page shows the run's progress. A run already under way is reused instead of starting a second. Platform admins only.
 */
export const checkReconciliationNowAction = adminAction(z.object({}).strict(), async ({ ctx }) => {
  const running = await db.reconciliationRun.findFirst({
    where: { finishedAt: null, startedAt: { gt: new Date(Date.now() - STALE_MS) } },
    orderBy: { startedAt: "desc" },
    select: { id: true },
  });
  if (running) return { runId: running.id, alreadyRunning: true };
  const run = await db.$transaction(async (tx) => {
    const r = await tx.reconciliationRun.create({ data: { trigger: "check-now", requestedById: ctx.id }, select: { id: true } });
    await appendAuditEvent(tx, {
      action: "reconciliation.check-requested", ...personActor(ctx), merchantId: null, partnerId: null,
      targetType: "reconciliation-run", targetId: r.id, after: null,
    });
    return r;
  });
  const queued = await enqueueJob(reconciliationJob, { runId: run.id });
  // Not queued (cannot happen with a fresh run id as the key, but never leave a run that nobody will finish).
  if (!queued) await db.reconciliationRun.update({ where: { id: run.id }, data: { finishedAt: new Date() } });
  return { runId: run.id, alreadyRunning: false };
});
