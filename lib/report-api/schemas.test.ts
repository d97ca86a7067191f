import { describe, expect, it } from "vitest";
import { KNOWN_ENTRY_TYPES, isKnownEntryType } from "./entry-types";
import { feedPageSchema, ledgerDatePageSchema, ledgerEntrySchema, ledgersPageSchema, tokenResponseSchema } from "./schemas";
import { rawEntry } from "./test-helpers";

describe("ledgerEntrySchema", () => {
  it("accepts unknown entry types and unknown fields, dropping the fields", () => {
    const parsed = ledgerEntrySchema.parse(rawEntry({ entryType: "instant-payout-v9", somethingNew: { a: 1 } }));
    expect(parsed.entryType).toBe("instant-payout-v9");
    expect(isKnownEntryType(parsed.entryType)).toBe(false);
    expect(parsed).not.toHaveProperty("somethingNew");
  });

  it("rejects non-integer or string money", () => {
    expect(ledgerEntrySchema.safeParse(rawEntry({ amount: 100.5 })).success).toBe(false);
    expect(ledgerEntrySchema.safeParse(rawEntry({ amount: "100" })).success).toBe(false);
    expect(ledgerEntrySchema.safeParse(rawEntry({ balanceAfter: 1e300 })).success).toBe(false);
    expect(ledgerEntrySchema.safeParse(rawEntry({ amount: -25000 })).success).toBe(true);
  });

  it("rejects integers beyond 2^53, which JSON.parse has already rounded (decision 039)", () => {
    const parsed = JSON.parse('{"amount": 9007199254740993}') as { amount: number };
    expect(parsed.amount).toBe(9007199254740992); // the wire said …993: the number we hold is already wrong
    expect(ledgerEntrySchema.safeParse(rawEntry({ amount: parsed.amount })).success).toBe(false);
    expect(ledgerEntrySchema.safeParse(rawEntry({ balanceBefore: Number.MAX_SAFE_INTEGER })).success).toBe(true);
  });

  it("normalises nullable/optional fields and keeps GDPR fields when sent", () => {
    const plain = ledgerEntrySchema.parse(rawEntry({ recipientHandle: null, reference: null }));
    expect(plain).toMatchObject({ recipientHandle: null, reference: "", name: null, maskedPhoneNo: null, message: null });
    const gdpr = ledgerEntrySchema.parse(rawEntry({ name: "Jakob Topper", maskedPhoneNo: "xxxx 1234", message: "Takk!" }));
    expect(gdpr).toMatchObject({ name: "Jakob Topper", maskedPhoneNo: "xxxx 1234", message: "Takk!" });
  });

  it("rejects a malformed ledgerDate and a missing pspReference", () => {
    expect(ledgerEntrySchema.safeParse(rawEntry({ ledgerDate: "02.03.2026" })).success).toBe(false);
    const { pspReference: _omit, ...rest } = rawEntry();
    expect(ledgerEntrySchema.safeParse(rest).success).toBe(false);
  });
});

describe("page envelopes", () => {
  it("dates: cursor only with hasMore; tryLater defaults to false; string booleans tolerated", () => {
    expect(ledgerDatePageSchema.parse({ hasMore: false, tryLater: false, items: [] })).toEqual({ cursor: undefined, hasMore: false, tryLater: false, items: [] });
    expect(ledgerDatePageSchema.parse({ hasMore: true, cursor: "c1", items: [] })).toMatchObject({ hasMore: true, cursor: "c1", tryLater: false });
    expect(ledgerDatePageSchema.parse({ hasMore: "false", tryLater: "true", items: [] })).toMatchObject({ hasMore: false, tryLater: true });
    expect(ledgerDatePageSchema.safeParse({ hasMore: false, tryLater: "maybe", items: [] }).success).toBe(false);
    expect(ledgerDatePageSchema.safeParse({ hasMore: false }).success).toBe(false);
  });

  it("feed: cursor is required and non-empty", () => {
    expect(feedPageSchema.parse({ cursor: "abc", tryLater: true, items: [] })).toEqual({ cursor: "abc", tryLater: true, items: [] });
    expect(feedPageSchema.safeParse({ cursor: "", items: [] }).success).toBe(false);
    expect(feedPageSchema.safeParse({ items: [] }).success).toBe(false);
  });

  it("ledgers: full ledger incl. salesUnits, owner, payoutBankAccount; empty cursor means the end", () => {
    const page = ledgersPageSchema.parse({
      cursor: "",
      items: [
        {
          ledgerId: "302101",
          currency: "NOK",
          payoutBankAccount: { scheme: "BBAN:NO", id: "86011117947" },
          owner: { scheme: "business:NO:ORG", id: "912345678" },
          settlesForRecipientHandles: ["api:212001"],
          salesUnits: [{ name: "Fjord Kaffe", recipientHandle: "api:212001", businessIdentifier: { scheme: "business:NO:ORG", id: "912345678" } }],
          firstPayout: "2000001",
        },
        { ledgerId: "302999" },
      ],
    });
    expect(page.cursor).toBeUndefined();
    expect(page.items[0]?.salesUnits[0]?.recipientHandle).toBe("api:212001");
    expect(page.items[1]).toEqual({ ledgerId: "302999", currency: null, payoutBankAccount: null, owner: null, settlesForRecipientHandles: [], salesUnits: [] });
  });
});

describe("tokenResponseSchema", () => {
  it("accepts expires_in as a string (standard flow) or a number (specialized flow)", () => {
    expect(tokenResponseSchema.parse({ token_type: "Bearer", expires_in: "86398", expires_on: "1547823408", access_token: "eyJ" }).expires_in).toBe(86398);
    expect(tokenResponseSchema.parse({ token_type: "Bearer", expires_in: 900, access_token: "eyJ" }).expires_in).toBe(900);
  });

  it("rejects a missing token or a non-positive / non-numeric lifetime", () => {
    expect(tokenResponseSchema.safeParse({ expires_in: 900 }).success).toBe(false);
    expect(tokenResponseSchema.safeParse({ access_token: "x", expires_in: "soon" }).success).toBe(false);
    expect(tokenResponseSchema.safeParse({ access_token: "x", expires_in: 0 }).success).toBe(false);
  });
});

describe("known entry types", () => {
  it("lists the documented types once each, including the 2023 payout name", () => {
    expect(new Set(KNOWN_ENTRY_TYPES).size).toBe(KNOWN_ENTRY_TYPES.length);
    for (const t of ["capture", "refund", "payout-scheduled", "scheduled-for-payout", "capture-fee", "service-fee", "credit-note"]) expect(isKnownEntryType(t)).toBe(true);
  });
});

describe("entry time and currency", () => {
  it("takes ISO date-times in UTC or with an offset (with or without a colon)", () => {
    for (const time of ["2026-03-02T10:15:00.123456Z", "2026-03-02T10:15:00Z", "2026-03-02T12:15:00+02:00", "2026-03-02T12:15:00+0200"]) {
      expect(ledgerEntrySchema.safeParse(rawEntry({ time })).success, time).toBe(true);
    }
  });

  it("refuses a time that is not a date-time (it used to reach the view and throw a RangeError there)", () => {
    for (const time of ["not-a-time", "2026-03-02", "2026-13-02T10:15:00Z", "2026-03-02T10:15:00", "02.03.2026 10:15"]) {
      const parsed = ledgerEntrySchema.safeParse(rawEntry({ time }));
      expect(parsed.success, time).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0]?.path).toEqual(["time"]);
    }
  });

  it("takes the documented ISO 4217 codes and refuses anything else", () => {
    for (const currency of ["NOK", "DKK", "EUR"]) expect(ledgerEntrySchema.safeParse(rawEntry({ currency })).success, currency).toBe(true);
    for (const currency of ["nok", "NOKK", "kr", "", "XXX"]) expect(ledgerEntrySchema.safeParse(rawEntry({ currency })).success, currency).toBe(false);
  });

  it("a ledger's currency, when sent, is a 3-letter code", () => {
    expect(ledgersPageSchema.safeParse({ cursor: "", items: [{ ledgerId: "1", currency: "SEK" }] }).success).toBe(true);
    expect(ledgersPageSchema.safeParse({ cursor: "", items: [{ ledgerId: "1", currency: "kroner" }] }).success).toBe(false);
  });
});
