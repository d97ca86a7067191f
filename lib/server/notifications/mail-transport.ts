import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import { formatEml } from "@/lib/server/notifications/eml";

/**
 * Sends what waits in the outbox (OutboxEmail rows written in the same transaction as the change they
 * report). The embedded mode has no mail server: each mail becomes a .eml file in OUTBOX_DIR (default
 * PORTAL_DATA_DIR/outbox) that any mail program opens. Production mode without OUTBOX_DIR keeps mails in the
 * outbox (an SMTP transport is a later step) and says so once.
 *
 * Safe to run concurrently (rows are claimed with SKIP LOCKED) and to repeat after a crash: a file is
 * written under the mail's id before the row is marked sent, so a retry rewrites the same file.
 */
export interface FlushResult {
  sent: number;
  dir: string | null;
}

export function outboxDir(): string | null {
  const e = env();
  if (e.OUTBOX_DIR) return path.resolve(e.OUTBOX_DIR);
  return e.REPORT_API_MODE === "sandbox" ? path.resolve(e.PORTAL_DATA_DIR, "outbox") : null;
}

let warnedNoTransport = false;

export async function flushOutbox(opts: { dir?: string; limit?: number } = {}): Promise<FlushResult> {
  const dir = opts.dir ?? outboxDir();
  if (!dir) {
    if (!warnedNoTransport) logger().warn("no mail transport configured: e-mails stay in the outbox (set OUTBOX_DIR to write them as files)");
    warnedNoTransport = true;
    return { sent: 0, dir: null };
  }
  await mkdir(dir, { recursive: true });
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const sent = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; toAddress: string; subject: string; body: string; createdAt: Date }[]>`
      SELECT "id", "toAddress", "subject", "body", "createdAt" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL ORDER BY "createdAt" ASC LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const row of rows) {
      const file = path.join(dir, `${row.createdAt.toISOString().replace(/[:.]/g, "-")}-${row.id}.eml`);
      // Write under a temporary name and rename: a reader never sees half a mail.
      await writeFile(`${file}.tmp`, formatEml({ id: row.id, to: row.toAddress, subject: row.subject, body: row.body, date: row.createdAt }), { mode: 0o600 });
      await rename(`${file}.tmp`, file);
    }
    if (rows.length > 0) {
      await tx.outboxEmail.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { sentAt: new Date() } });
    }
    return rows.length;
  });
  if (sent > 0) logger().info({ sent, dir }, "outbox mails written");
  return { sent, dir };
}

/** After a change commits: send its mails now, so nobody waits for the next scheduled run. Never throws. */
export async function flushOutboxQuietly(): Promise<void> {
  try {
    await flushOutbox();
  } catch (err) {
    logger().warn({ err: err instanceof Error ? err.message : String(err) }, "outbox flush failed; the scheduled job will retry");
  }
}
