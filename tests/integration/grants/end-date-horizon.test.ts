import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { approveGrant, changeGrant, grantLedgerAccess } from "@/lib/server/grants";
import { actor, EMAILS, ledgerId, partnerId, resetGrants, shiftLedgerDate, startGrantTestWorld, todayPortalDate, type GrantTestWorld } from "./support";

/** M5: an end date far away is no end date for the four-eyes rule (docs/decisions/011-serialising-grant-changes.md). */
let world: GrantTestWorld;
beforeAll(async () => {
  world = await startGrantTestWorld();
});
afterEach(() => resetGrants());
afterAll(() => world.stop());

const inDays = (n: number) => shiftLedgerDate(todayPortalDate(), n);
const scope = { periodFrom: null, periodTo: null, includesPersonalData: false };

async function grant302102(validUntil: string) {
  const [grant] = await grantLedgerAccess({ partnerId: await partnerId("konto-partner"), ledgerIds: [await ledgerId("302102")], ...scope, validUntil }, await actor(EMAILS.kari));
  return grant!;
}

describe("the end-date horizon of the four-eyes rule", () => {
  it("a grant until 2099 by one admin waits for the second admin, as one with no end date does", async () => {
    const grant = await grant302102("2099-12-31");
    expect(grant).toMatchObject({ status: "pending_approval", requiresSecondApproval: true, validUntil: "2099-12-31" });
    const event = await db.auditEvent.findFirstOrThrow({ where: { targetId: grant.id, action: "grant.created" } });
    expect(event.after).toMatchObject({ fourEyesReasons: ["no_end_date"] });
    const ola = await db.user.findUniqueOrThrow({ where: { email: EMAILS.ola } });
    expect(await db.notification.findMany({ where: { userId: ola.id }, select: { kind: true } })).toEqual([{ kind: "grant.approval_needed" }]);

    // Kari cannot wave it through herself; Ola can.
    await expect(approveGrant({ grantId: grant.id }, await actor(EMAILS.kari))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await approveGrant({ grantId: grant.id }, await actor(EMAILS.ola))).toMatchObject({ status: "active", validUntil: "2099-12-31" });
  });

  it("an end date within the horizon goes through at once", async () => {
    expect(await grant302102(inDays(365))).toMatchObject({ status: "active" });
  });

  it("moving the end date of an active grant past the horizon puts it back to a second admin", async () => {
    const grant = await grant302102(inDays(30));
    const changed = await changeGrant({ grantId: grant.id, ...scope, validUntil: "2099-12-31" }, await actor(EMAILS.kari));
    expect(changed).toMatchObject({ status: "pending_approval", validUntil: "2099-12-31" });
  });
});
