"use server";
import "server-only";
import { z } from "zod";
import { adminAction } from "@/lib/server/actions/define-action";
import { db } from "@/lib/server/db";
import { verifyAuditChain } from "@/lib/server/audit/verify-audit-chain";

/** A3 "verify": recomputes the whole hash chain. Platform admins only. */
export const verifyAuditChainAction = adminAction(z.object({}), async () => {
  const verdict = await verifyAuditChain(db);
  return verdict.ok ? { ok: true as const, events: verdict.events } : { ok: false as const, events: verdict.events, brokenAtId: verdict.brokenAtId.toString(), reason: verdict.reason };
});
