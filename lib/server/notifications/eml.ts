import "server-only";
import nodemailer from "nodemailer";
import type Mail from "nodemailer/lib/mailer";

export const MAIL_FROM = { name: "Ledger Access", address: "no-reply@ledger-access.invalid" };

export interface OutgoingMail {
  id: string;
  to: string;
  subject: string;
  body: string;
  date: Date;
}

/**
 * One outbox row as nodemailer's message: plain text in UTF-8. nodemailer encodes headers (RFC 2047, folded for
 * long non-ASCII subjects) and the body (quoted-printable); CR/LF are stripped from header values here as well,
 * so a subject or an address can never add a header. The Message-ID is the row's id, so a retry after a crash
 * sends the same message, not a second one.
 */
export function mailOptions(m: OutgoingMail): Mail.Options {
  return {
    from: MAIL_FROM,
    to: { name: "", address: headerSafe(m.to) },
    subject: headerSafe(m.subject),
    text: m.body,
    date: m.date,
    messageId: `<${headerSafe(m.id)}@ledger-access.invalid>`,
    textEncoding: "quoted-printable",
  };
}

function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

// nodemailer's stream transport builds the RFC 5322 message without sending it: the embedded outbox's .eml file.
const emlWriter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });

/** The mail as an .eml file's bytes (RFC 5322), as any mail program opens it. */
export async function formatEml(m: OutgoingMail): Promise<Buffer> {
  const info = await emlWriter.sendMail(mailOptions(m));
  return info.message as Buffer;
}
