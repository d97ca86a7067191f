import "server-only";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors/app-error";
import { appErrorCodeFor, isReportApiError } from "@/lib/report-api";
import type { MerchantContext, PartnerContext } from "@/lib/server/authz/contexts";
import { merchantCan, partnerCan } from "@/lib/server/authz/permissions";
import { findSalesUnitInScope } from "@/lib/server/credentials/find-sales-unit-in-scope";
import { loadPartnerCredentials, loadSalesUnitCredentials, type LoadedCredentials } from "@/lib/server/credentials/load-credentials";
import { reportApiClientFor } from "@/lib/server/credentials/report-api-client";
import type { ConnectionTestResult } from "@/lib/credentials/types";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

const serverErrors = serverTranslator("serverErrors");

/** Fetches a token and lists ledgers: proves the keys work and shows what upstream lets them read. */
async function runTest(loaded: LoadedCredentials | null): Promise<ConnectionTestResult> {
  if (!loaded) return { ok: false, problem: "NO_KEYS" };
  const client = reportApiClientFor(loaded.credentials);
  try {
    await client.verifyCredentials();
    const ledgers = await client.listLedgers();
    const verifiedAt = new Date();
    await db.apiCredential.update({ where: { id: loaded.credentialId }, data: { lastVerifiedAt: verifiedAt } });
    return {
      ok: true,
      verifiedAt: verifiedAt.toISOString(),
      ledgers: ledgers.map((l) => ({ ledgerId: l.ledgerId, currency: l.currency, salesUnits: l.salesUnits.map((s) => ({ name: s.name, recipientHandle: s.recipientHandle })) })),
    };
  } catch (err) {
    if (isReportApiError(err)) return { ok: false, problem: appErrorCodeFor(err.code) };
    throw err;
  }
}

/** M6 "test connection" for a sales unit's stored keys. Same tenant and role rules as storing them. */
export async function testSalesUnitConnection(ctx: MerchantContext, msn: string): Promise<ConnectionTestResult> {
  const unit = await findSalesUnitInScope(ctx, msn);
  if (!unit) throw new AppError("NOT_FOUND", serverErrors("noSuchSalesUnit"));
  if (!merchantCan(ctx.role, "keys.write")) throw new AppError("FORBIDDEN", serverErrors("roleForbidsTestingKeys"));
  return runTest(await loadSalesUnitCredentials(unit.id));
}

/** P5 "test connection" for the partner's accounting keys (owners only; a suspended partner tests nothing). */
export async function testPartnerConnection(ctx: PartnerContext): Promise<ConnectionTestResult> {
  if (!partnerCan(ctx.role, "keys.write") || ctx.partnerStatus === "suspended") {
    throw new AppError("FORBIDDEN", serverErrors("roleForbidsTestingKeys"));
  }
  return runTest(await loadPartnerCredentials(ctx.partnerId));
}
