import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSmtp } from "@/tests/support/fake-smtp";

// The configuration is read once per test file: SMTP_URL must be set before the data layer is imported.
const smtp = await startFakeSmtp();
process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}`;
process.env.OUTBOX_DIR = "";
const { db } = await import("@/lib/server/db");
const { flushOutbox } = await import("@/lib/server/notifications");

beforeAll(async () => {
  await db.outboxEmail.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await smtp.stop();
});

describe("the mail transport with SMTP_URL (production)", () => {
  it("hands each queued mail to the SMTP server once, with its row's Message-ID, and marks it sent", async () => {
    const long = "Tilgangen din til oppgjørsregnskapet for Fjord Kaffe AS på Grünerløkka går ut om sju dager";
    const row = await db.outboxEmail.create({ data: { toAddress: "per@tallbalanse.example", subject: long, body: "Hei Per,\nlinje to" } });
    expect(await flushOutbox()).toEqual({ sent: 1, dir: "smtp" });
    expect(await flushOutbox()).toEqual({ sent: 0, dir: "smtp" });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toEqual(["<per@tallbalanse.example>"]);
    expect(mail.data).toContain(`Message-ID: <${row.id}@ledger-access.invalid>`);
    // A long non-ASCII subject is folded into encoded words of legal length (RFC 2047: at most 76 characters each).
    const head = mail.data.slice(0, mail.data.indexOf("\r\n\r\n"));
    for (const word of head.match(/=\?UTF-8\?[BQ]\?[^?]*\?=/gi) ?? []) expect(word.length).toBeLessThanOrEqual(76);
    for (const line of head.split("\r\n")) expect(line.length).toBeLessThanOrEqual(78);
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: row.id } })).sentAt).not.toBeNull();
  });
});
