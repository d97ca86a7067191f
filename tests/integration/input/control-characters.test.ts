import { beforeAll, describe, expect, it, vi } from "vitest";

/**
 * Security finding 6: a NUL byte in a purpose, a decline reason, the partner search or the entries search, and an
 * entries cursor naming an impossible date (2026-13-45.1), used to pass the schemas and end in PostgreSQL's
 * refusal: "Something went wrong". Each now gets a message on its field, and nothing is written.
 */
vi.mock("@/lib/server/auth/auth", async () => (await import("@/tests/support/action-session")).authMock);
vi.mock("next/headers", async () => (await import("@/tests/support/action-session")).headersMock);
vi.mock("next/cache", async () => (await import("@/tests/support/action-session")).cacheMock);

const { db } = await import("@/lib/server/db");
const { ensureDemoWorld } = await import("@/tests/support/test-db");
const { signInForActions } = await import("@/tests/support/action-session");
const requests = await import("@/lib/server/access-requests/actions");
const grants = await import("@/lib/server/grants/actions");
const partnerLedgers = await import("@/lib/server/ledgers/actions/partner-ledger-actions");
const merchantLedgers = await import("@/lib/server/ledgers/actions/merchant-ledger-actions");

beforeAll(async () => {
  await ensureDemoWorld();
});

async function counts() {
  const [audit, accessRequests, notifications, grantRows, reads, outbox] = await Promise.all([
    db.auditEvent.count(),
    db.accessRequest.count(),
    db.notification.count(),
    db.ledgerGrant.count(),
    db.ledgerAccessEvent.count(),
    db.outboxEmail.count(),
  ]);
  return { audit, accessRequests, notifications, grantRows, reads, outbox };
}

type Result = { ok: true } | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } };

async function expectFieldError(call: () => Promise<Result>, field: string, message: RegExp) {
  const before = await counts();
  const result = await call();
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.code).toBe("INVALID_INPUT");
  expect(result.error.fields?.[field]).toMatch(message);
  expect(await counts()).toEqual(before);
}

const CONTROL = /cannot be saved|control character/;
const range = { from: "2026-01-01", to: "2026-01-07" };

describe("a NUL byte in free text is a field message, not a 500", () => {
  it("in the purpose of an access request", async () => {
    await signInForActions("per@tallbalanse.example", { partner: "tall-og-balanse" });
    await expectFieldError(
      () => requests.createAccessRequestAction({ by: "msn", msns: ["223001"], orgNo: "", periodFrom: "", periodTo: "", includesPersonalData: false, purpose: "Year-end closing\u0000 for the books" }),
      "purpose",
      CONTROL,
    );
  });

  it("in the reason a merchant declines a request with", async () => {
    await signInForActions("kari@fjordkaffe.example", { merchant: "fjord-kaffe" });
    await expectFieldError(() => requests.declineAccessRequestAction({ requestId: crypto.randomUUID(), reason: "Not\u0000 now" }), "reason", CONTROL);
  });

  it("in the reason a second admin declines a grant with", async () => {
    await signInForActions("ola@fjordkaffe.example", { merchant: "fjord-kaffe" });
    await expectFieldError(() => grants.declineGrantAction({ grantId: crypto.randomUUID(), reason: "\u0000" }), "reason", CONTROL);
  });

  it("in the partner directory search", async () => {
    await signInForActions("kari@fjordkaffe.example", { merchant: "fjord-kaffe" });
    await expectFieldError(() => grants.searchPartnersAction({ query: "Tall\u0000" }), "query", CONTROL);
  });

  it("in the entries search, partner and merchant side", async () => {
    await signInForActions("per@tallbalanse.example", { partner: "tall-og-balanse" });
    await expectFieldError(() => partnerLedgers.readPartnerLedgerEntriesAction({ ledgerId: "302101", ...range, topic: "funds", search: "ref\u0000" }), "search", /control characters/);
    await signInForActions("kari@fjordkaffe.example", { merchant: "fjord-kaffe" });
    await expectFieldError(() => merchantLedgers.readMerchantLedgerEntriesAction({ msn: "212001", ...range, topic: "funds", search: "\u0000" }), "search", /control characters/);
  });
});

describe("an entries cursor must name a real ledger date", () => {
  it.each(["2026-13-45.1", "2026-02-30.3", "0000-00-00.0", "2026-01-01.01", "2026-01-01.-1"])("%s → a message on the cursor", async (after) => {
    await signInForActions("per@tallbalanse.example", { partner: "tall-og-balanse" });
    await expectFieldError(() => partnerLedgers.readPartnerLedgerEntriesAction({ ledgerId: "302101", ...range, topic: "funds", after }), "after", /page does not exist/);
  });
});
