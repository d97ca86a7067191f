import "server-only";

export const MAIL_FROM = { name: "Ledger Access", address: "no-reply@ledger-access.invalid" };

export interface EmlInput {
  id: string;
  to: string;
  subject: string;
  body: string;
  date: Date;
}

/**
 * One e-mail as an RFC 5322 message (.eml): plain text in UTF-8, quoted-printable so any mail program opens
 * it and long lines survive. Header values are RFC 2047 encoded when they are not plain ASCII, and CR/LF are
 * stripped from them, so a subject can never inject a header.
 */
export function formatEml(m: EmlInput): string {
  const headers = [
    `From: ${encodeWord(MAIL_FROM.name)} <${MAIL_FROM.address}>`,
    `To: <${headerSafe(m.to)}>`,
    `Subject: ${encodeWord(m.subject)}`,
    `Date: ${m.date.toUTCString().replace("GMT", "+0000")}`,
    `Message-ID: <${headerSafe(m.id)}@ledger-access.invalid>`,
    "MIME-Version: 1.0",
    "Content-Type: text/plain; charset=utf-8",
    "Content-Transfer-Encoding: quoted-printable",
  ];
  return `${headers.join("\r\n")}\r\n\r\n${quotedPrintable(m.body)}\r\n`;
}

function headerSafe(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

function encodeWord(value: string): string {
  const safe = headerSafe(value);
  if (/^[\x20-\x7e]*$/.test(safe)) return safe;
  return `=?utf-8?B?${Buffer.from(safe, "utf8").toString("base64")}?=`;
}

/** RFC 2045 quoted-printable with soft line breaks at 76 characters. */
export function quotedPrintable(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  return lines
    .map((line) => {
      let encoded = "";
      for (const byte of Buffer.from(line, "utf8")) {
        const printable = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 || byte === 9;
        encoded += printable ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, "0")}`;
      }
      // A trailing space or tab would be stripped in transit: encode it.
      encoded = encoded.replace(/[ \t]$/, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
      const out: string[] = [];
      while (encoded.length > 76) {
        let cut = 75;
        // Never split an =XX escape.
        const eq = encoded.lastIndexOf("=", cut);
        if (eq > cut - 3) cut = eq;
        out.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      out.push(encoded);
      return out.join("\r\n");
    })
    .join("\r\n");
}
