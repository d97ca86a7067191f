import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { merchantCan } from "@/lib/server/authz/permissions";
import type { GrantActor } from "@/lib/server/grants/grant-record";
import type { LedgerVisibility } from "@/lib/grants/types";
import { requireMerchantCan } from "@/lib/server/authz/require";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";

const problems = errorTranslator("grantProblems");

export function ledgerAccess(actor: Pick<GrantActor, "role" | "salesUnitScope">, salesUnitIds: readonly string[]): LedgerVisibility {
  const canWrite = merchantCan(actor.role, "grants.write");
  if (actor.salesUnitScope === "all") return canWrite ? "grantable" : "visible";
  const scope = new Set(actor.salesUnitScope);
  const mine = salesUnitIds.filter((id) => scope.has(id)).length;
  if (mine === 0) return "hidden";
  return canWrite && mine === salesUnitIds.length ? "grantable" : "visible";
}

/** Throws FORBIDDEN unless the role may change grants (viewers may not). */
export function requireGrantWriter(actor: Pick<GrantActor, "role">): void {
  requireMerchantCan(actor, "grants.write", problems("forbiddenRole"));
}

/** Throws FORBIDDEN unless the role may approve (admins only). */
export function requireGrantApprover(actor: Pick<GrantActor, "role">): void {
  requireMerchantCan(actor, "grants.approve", problems("forbiddenApprove"));
}

/** 404 for a ledger the user cannot see, 403 for one they can see but not grant (a manager's shared ledger). */
export function requireGrantableLedger(actor: Pick<GrantActor, "role" | "salesUnitScope">, ledger: { externalId: string; salesUnitIds: readonly string[] }): void {
  const access = ledgerAccess(actor, ledger.salesUnitIds);
  if (access === "hidden") throw new AppError("NOT_FOUND", problems("notFound"));
  if (access === "visible") {
    requireGrantWriter(actor);
    throw new AppError("FORBIDDEN", problems("forbiddenScope", { ledger: ledger.externalId }));
  }
}
