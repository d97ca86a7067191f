/**
 * Access tokens: opaque JWT-looking strings kept in memory with their expiry and the key they belong to.
 * They are random (not derived from the seed): a token must not be guessable from the demo data.
 */

import { randomBytes, randomUUID } from "node:crypto";

export type TokenSubject =
  | { kind: "merchant"; clientId: string; msn: string; subscriptionKey: string }
  | { kind: "partner"; clientId: string; partnerOrgNo: string };

export interface IssuedToken {
  token: string;
  subject: TokenSubject;
  issuedAtMs: number;
  expiresAtMs: number;
}

/** Upstream lifetimes: 24 h for the standard flow (advertised as 86399 s), 15 min for the specialized flow. */
export const MERCHANT_TOKEN_SECONDS = 86_399;
export const PARTNER_TOKEN_SECONDS = 900;

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString("base64url");

export class TokenStore {
  private readonly tokens = new Map<string, IssuedToken>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(subject: TokenSubject, lifetimeSeconds: number): IssuedToken {
    this.sweep();
    const issuedAtMs = this.now();
    const iat = Math.floor(issuedAtMs / 1000);
    const header = { typ: "JWT", alg: "RS256", x5t: "sandbox", kid: "sandbox" };
    const payload = {
      aud: "00000002-0000-0000-c000-000000000000",
      iss: "https://sandbox.invalid/report-api/",
      iat,
      nbf: iat,
      exp: iat + lifetimeSeconds,
      sub: randomUUID(),
      tid: randomUUID(),
      ver: "1.0",
    };
    // Real tokens run to 1000+ characters; a client that stores them in a short column should find out here.
    const token = `${b64url(header)}.${b64url(payload)}.${randomBytes(640).toString("base64url")}`;
    const issued: IssuedToken = { token, subject, issuedAtMs, expiresAtMs: issuedAtMs + lifetimeSeconds * 1000 };
    this.tokens.set(token, issued);
    return issued;
  }

  /** The live token, or undefined when unknown, expired or revoked. */
  verify(token: string): IssuedToken | undefined {
    const issued = this.tokens.get(token);
    if (!issued || issued.expiresAtMs <= this.now()) return undefined;
    return issued;
  }

  /** Who a token was issued to, even if it has expired since: for request statistics only. */
  peek(token: string): IssuedToken | undefined {
    return this.tokens.get(token);
  }

  /** Ends a token's life now (the "expire-token" fault and the admin endpoint). */
  expire(token: string): void {
    const issued = this.tokens.get(token);
    if (issued) issued.expiresAtMs = Math.min(issued.expiresAtMs, this.now());
  }

  /** Expires every token, or those of one client id; returns how many were live. */
  expireAll(clientId?: string): number {
    let n = 0;
    for (const issued of this.tokens.values()) {
      if (clientId !== undefined && issued.subject.clientId !== clientId) continue;
      if (issued.expiresAtMs > this.now()) n++;
      issued.expiresAtMs = Math.min(issued.expiresAtMs, this.now());
    }
    return n;
  }

  clear(): void {
    this.tokens.clear();
  }

  /** Drops tokens that expired more than an hour ago, so a long-running sandbox does not grow without end. */
  private sweep(): void {
    const cutoff = this.now() - 3_600_000;
    for (const [token, issued] of this.tokens) if (issued.expiresAtMs < cutoff) this.tokens.delete(token);
  }
}
