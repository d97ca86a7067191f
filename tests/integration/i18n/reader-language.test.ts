import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Decision 043: what an action or a route says back (field errors, refusals) is in the language of the person who
 * asked: their stored choice, else the browser's Accept-Language. Records stay in the record language. The
 * actions run through the real wrapper; only the session lookup and Next's request APIs are replaced.
 */
const request = vi.hoisted(() => ({ acceptLanguage: "" }));
vi.mock("@/lib/server/authz/contexts", async () => (await import("../lifecycle/session")).sessionMocks.contexts);
vi.mock("@/lib/server/authz/current-user", async () => (await import("../lifecycle/session")).sessionMocks.currentUser);
vi.mock("next/headers", () => ({
  headers: async () => new Headers(request.acceptLanguage ? { "accept-language": request.acceptLanguage } : {}),
  cookies: async () => ({ get: () => undefined, set: () => undefined, delete: () => undefined }),
}));
vi.mock("@/lib/server/auth/auth", () => ({ auth: async () => null, signOut: async () => undefined }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const { saveJournalAccountsAction } = await import("@/lib/server/journal/journal-actions");
const { revokeGrantAction } = await import("@/lib/server/grants/actions");
const { asMerchant, asPartner } = await import("../lifecycle/session");
const { ensureDemoWorld, merchantContextFor, merchantIdBySlug, partnerContextFor } = await import("@/tests/support/test-db");
const { db } = await import("@/lib/server/db");

beforeAll(async () => {
  await ensureDemoWorld();
});

async function perIn(locale: "nb" | "da" | null) {
  const ctx = await partnerContextFor("per@tallbalanse.example", "tall-og-balanse");
  return { ...ctx, user: { ...ctx.user, locale } };
}

const badAccounts = { bank: "!!", clearing: "1570", sales: "3000", refunds: "3000", fees: "7770", feeLiability: "2400", feesPayable: "2400", suspense: "2900" };

describe("an action answers in the language of the person asking", () => {
  it("says field errors and the summary in the person's chosen language", async () => {
    request.acceptLanguage = "en-GB,en;q=0.9";
    asPartner(await perIn("nb"));
    const result = await saveJournalAccountsAction({ merchantId: await merchantIdBySlug("fjord-kaffe"), accounts: badAccounts });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT", message: "Noen felt må rettes.", fields: { "accounts.bank": "Bruk bare bokstaver, sifre og punktum, og begynn med en bokstav eller et siffer." } },
    });
  });

  it("follows Accept-Language when the person chose nothing, and English without either", async () => {
    request.acceptLanguage = "da-DK,da;q=0.9,en;q=0.5";
    asPartner(await perIn(null));
    const danish = await saveJournalAccountsAction({ merchantId: await merchantIdBySlug("fjord-kaffe"), accounts: badAccounts });
    expect(danish).toMatchObject({ ok: false, error: { message: "Nogle felter skal rettes." } });
    request.acceptLanguage = "";
    const english = await saveJournalAccountsAction({ merchantId: await merchantIdBySlug("fjord-kaffe"), accounts: badAccounts });
    expect(english).toMatchObject({ ok: false, error: { message: "Some fields need attention.", fields: { "accounts.bank": "Use letters, digits and dots only, starting with a letter or digit." } } });
  });

  it("refuses a viewer in her language, and writes nothing", async () => {
    request.acceptLanguage = "";
    const vera = await merchantContextFor("vera@fjordkaffe.example", "fjord-kaffe");
    asMerchant({ ...vera, user: { ...vera.user, locale: "da" } });
    const grant = await db.ledgerGrant.findFirstOrThrow({ where: { merchantId: vera.merchantId, status: "active" }, select: { id: true } });
    const before = await db.auditEvent.count();
    expect(await revokeGrantAction({ grantId: grant.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN", message: "Din rolle giver ikke adgang til dette." } });
    expect(await db.auditEvent.count()).toBe(before);
    expect((await db.ledgerGrant.findUniqueOrThrow({ where: { id: grant.id } })).status).toBe("active");
  });
});
