import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { logger } from "@/lib/server/logger";
import nodemailer from "nodemailer";
import { formatEml, mailOptions, type OutgoingMail } from "@/lib/server/notifications/eml";

/**
 * Sends what waits in the outbox (OutboxEmail rows written in the same transaction as the change they
 * report), through nodemailer: over SMTP when SMTP_URL is set (production), else as a .eml file per mail in
 * OUTBOX_DIR (default PORTAL_DATA_DIR/outbox in the embedded mode) that any mail program opens. Production mode
 * with neither keeps mails in the outbox and says so once.
 *
 * Safe to run concurrently (rows are claimed with SKIP LOCKED) and to repeat after a crash: a mail is handed on
 * (file written, or accepted by the SMTP server) under its own id before the row is marked sent, so a retry
 * rewrites the same file or resends the same Message-ID.
 */
export interface FlushResult {
  sent: number;
  /** Where the mails went: the .eml folder, "smtp", or null when they stay in the outbox. */
  dir: string | null;
}

type Deliver = (mail: OutgoingMail) => Promise<void>;

let smtp: { url: string; transport: nodemailer.Transporter } | undefined;
function smtpDeliver(url: string): Deliver {
  if (smtp?.url !== url) smtp = { url, transport: nodemailer.createTransport(url) };
  const transport = smtp.transport;
  return async (mail) => {
    await transport.sendMail(mailOptions(mail));
  };
}

function fileDeliver(dir: string): Deliver {
  return async (mail) => {
    const file = path.join(dir, `${mail.date.toISOString().replace(/[:.]/g, "-")}-${mail.id}.eml`);
    // Write under a temporary name and rename: a reader never sees half a mail.
    await writeFile(`${file}.tmp`, await formatEml(mail), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  };
}

export function outboxDir(): string | null {
  const e = env();
  if (e.OUTBOX_DIR) return path.resolve(e.OUTBOX_DIR);
  return e.REPORT_API_MODE === "sandbox" ? path.resolve(e.PORTAL_DATA_DIR, "outbox") : null;
}

let warnedNoTransport = false;

export async function flushOutbox(opts: { dir?: string; limit?: number } = {}): Promise<FlushResult> {
  const smtpUrl = opts.dir ? undefined : env().SMTP_URL;
  const dir = smtpUrl ? null : (opts.dir ?? outboxDir());
  if (!smtpUrl && !dir) {
    if (!warnedNoTransport) logger().warn("no mail transport configured: e-mails stay in the outbox (set SMTP_URL, or OUTBOX_DIR to write them as files)");
    warnedNoTransport = true;
    return { sent: 0, dir: null };
  }
  if (dir) await mkdir(dir, { recursive: true });
  const deliver = smtpUrl ? smtpDeliver(smtpUrl) : fileDeliver(dir!);
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 1000);
  const sent = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; toAddress: string; subject: string; body: string; createdAt: Date }[]>`
      SELECT "id", "toAddress", "subject", "body", "createdAt" FROM "OutboxEmail"
      WHERE "sentAt" IS NULL ORDER BY "createdAt" ASC LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
    for (const row of rows) await deliver({ id: row.id, to: row.toAddress, subject: row.subject, body: row.body, date: row.createdAt });
    if (rows.length > 0) {
      await tx.outboxEmail.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { sentAt: new Date() } });
    }
    return rows.length;
  });
  if (sent > 0) logger().info({ sent, via: dir ?? "smtp" }, "outbox mails sent");
  return { sent, dir: dir ?? "smtp" };
}

/** After a change commits: send its mails now, so nobody waits for the next scheduled run. Never throws. */
export async function flushOutboxQuietly(): Promise<void> {
  try {
    await flushOutbox();
  } catch (err) {
    logger().warn({ err: err instanceof Error ? err.message : String(err) }, "outbox flush failed; the scheduled job will retry");
  }
}
