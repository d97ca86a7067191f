import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/sandbox/server";
import { db } from "@/lib/server/db";
import { AppError } from "@/lib/errors/app-error";
import { loadPartnerCredentials, loadSalesUnitCredentials } from "@/lib/server/credentials/load-credentials";
import { listSalesUnitKeys } from "@/lib/server/credentials/list-sales-unit-keys";
import { getPartnerKeys } from "@/lib/server/credentials/get-partner-keys";
import { storePartnerKeys } from "@/lib/server/credentials/store-partner-keys";
import { storeSalesUnitKeys } from "@/lib/server/credentials/store-sales-unit-keys";
import { testPartnerConnection, testSalesUnitConnection } from "@/lib/server/credentials/test-connection";
import { ensureDemoWorld, merchantContextFor, partnerContextFor } from "@/tests/support/test-db";
import { startLedgerSandbox } from "./sandbox-support";

// M6/P5: keys are stored encrypted, shown masked, tested upstream; only the right role of the right tenant may
// change them (404 for another tenant's sales unit, 403 for a role that sees the page but may not act).

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startLedgerSandbox();
  await ensureDemoWorld();
});
afterAll(async () => {
  await sandbox?.stop();
});

const kari = () => merchantContextFor("kari@fjordkaffe.example", "fjord-kaffe");
const goodMerchantKeys = { msn: "212002", clientId: "demo-msn-212002", clientSecret: "sandbox-secret-212002", subscriptionKey: "sandbox-sub-212002" };
const goodPartnerKeys = { clientId: "demo-partner-987654321", clientSecret: "sandbox-partner-secret-987654321" };

async function expectAppError(promise: Promise<unknown>, code: AppError["code"]) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof AppError && e.code === code);
}

describe("a sales unit's keys (M6)", () => {
  it("stores them encrypted, bound to the row, and never returns a secret", async () => {
    const view = await storeSalesUnitKeys(await kari(), goodMerchantKeys);
    expect(view).toMatchObject({ maskedClientId: "••••2002", lastVerifiedAt: null });
    expect(JSON.stringify(view)).not.toContain("sandbox-secret");
    const unit = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212002" }, select: { id: true } });
    const row = await db.apiCredential.findUniqueOrThrow({ where: { salesUnitId: unit.id } });
    expect(row.clientSecretEnc).toMatch(/^v2:[0-9a-f]{12}:/);
    expect(row.clientSecretEnc).not.toContain("sandbox-secret-212002");
    expect(row.subscriptionKeyEnc).not.toContain("sandbox-sub-212002");
    const loaded = await loadSalesUnitCredentials(unit.id);
    expect(loaded?.credentials).toEqual({ kind: "merchant", clientId: "demo-msn-212002", clientSecret: "sandbox-secret-212002", subscriptionKey: "sandbox-sub-212002", msn: "212002" });
    // The ciphertext is bound to its row: copied into another sales unit's row, it does not decrypt there.
    const other = await db.salesUnit.findUniqueOrThrow({ where: { msn: "212001" }, select: { id: true } });
    const otherRow = await db.apiCredential.findUniqueOrThrow({ where: { salesUnitId: other.id } });
    await db.apiCredential.update({ where: { id: otherRow.id }, data: { clientSecretEnc: row.clientSecretEnc } });
    try {
      expect(await loadSalesUnitCredentials(other.id)).toBeNull();
    } finally {
      await db.apiCredential.update({ where: { id: otherRow.id }, data: { clientSecretEnc: otherRow.clientSecretEnc } });
    }
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: row.id }, orderBy: { id: "desc" } });
    expect(audit.action).toMatch(/^credentials\./);
    expect(JSON.stringify([audit.before, audit.after])).not.toMatch(/sandbox-(secret|sub)|demo-msn/);
  });

  it("lists keys masked for the merchant's sales units only", async () => {
    const rows = await listSalesUnitKeys(await kari());
    expect(rows.map((r) => r.msn).sort()).toEqual(["212001", "212002", "212003", "212004"]);
    expect(rows.every((r) => r.keys?.maskedClientId.startsWith("••••"))).toBe(true);
    expect(JSON.stringify(rows)).not.toMatch(/sandbox-(secret|sub)|demo-msn/);
    const mona = await merchantContextFor("mona@fjordkaffe.example", "fjord-kaffe");
    expect((await listSalesUnitKeys(mona)).map((r) => r.msn).sort()).toEqual(["212001", "212002"]);
  });

  it("tests the connection: a token, then the ledgers these keys may read", async () => {
    const ok = await testSalesUnitConnection(await kari(), "212002");
    expect(ok).toMatchObject({ ok: true, ledgers: [{ ledgerId: "302102" }] });
    // The shared ledger's sales units get a token but no ledger: upstream applies the single-MSN rule.
    expect(await testSalesUnitConnection(await kari(), "212003")).toMatchObject({ ok: true, ledgers: [] });
    await storeSalesUnitKeys(await kari(), { ...goodMerchantKeys, clientSecret: "wrong-secret" });
    try {
      expect(await testSalesUnitConnection(await kari(), "212002")).toEqual({ ok: false, problem: "UNAUTHENTICATED" });
    } finally {
      await storeSalesUnitKeys(await kari(), goodMerchantKeys);
    }
    expect((await testSalesUnitConnection(await kari(), "212002")).ok).toBe(true);
  });

  it("refuses other tenants (404) and roles that may not change keys (403)", async () => {
    const nils = await merchantContextFor("nils@nordlys.example", "nordlys-sport");
    await expectAppError(storeSalesUnitKeys(nils, goodMerchantKeys), "NOT_FOUND");
    await expectAppError(testSalesUnitConnection(nils, "212002"), "NOT_FOUND");
    const mona = await merchantContextFor("mona@fjordkaffe.example", "fjord-kaffe");
    await expectAppError(storeSalesUnitKeys(mona, { ...goodMerchantKeys, msn: "212003" }), "NOT_FOUND");
    await expectAppError(storeSalesUnitKeys(mona, goodMerchantKeys), "FORBIDDEN");
    const vera = await merchantContextFor("vera@fjordkaffe.example", "fjord-kaffe");
    await expectAppError(storeSalesUnitKeys(vera, goodMerchantKeys), "FORBIDDEN");
    await expectAppError(testSalesUnitConnection(vera, "212002"), "FORBIDDEN");
    // Nothing changed for the refused attempts.
    expect((await loadSalesUnitCredentials((await db.salesUnit.findUniqueOrThrow({ where: { msn: "212002" } })).id))?.credentials).toMatchObject({ clientSecret: "sandbox-secret-212002" });
  });
});

describe("the partner's accounting keys (P5)", () => {
  it("lets the owner store and test them, masked", async () => {
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    const view = await storePartnerKeys(per, goodPartnerKeys);
    expect(view.maskedClientId).toBe("••••4321");
    expect(await getPartnerKeys(per)).toMatchObject({ maskedClientId: "••••4321" });
    expect((await loadPartnerCredentials(per.partnerId))?.credentials).toEqual({ kind: "partner", ...goodPartnerKeys });
    const result = await testPartnerConnection(per);
    expect(result.ok && result.ledgers.map((l) => l.ledgerId).sort()).toEqual(["302101", "302201"]);
    expect(result.ok && result.verifiedAt).toBeTruthy();
  });

  it("refuses an accountant (403) and a suspended partner", async () => {
    const anne = await partnerContextFor("anne@tallbalanse.example", "tall-og-balanse");
    await expectAppError(storePartnerKeys(anne, goodPartnerKeys), "FORBIDDEN");
    await expectAppError(testPartnerConnection(anne), "FORBIDDEN");
    const per = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
    await expectAppError(storePartnerKeys({ ...per, partnerStatus: "suspended" }, goodPartnerKeys), "FORBIDDEN");
  });
});
