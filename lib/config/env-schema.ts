import { z } from "zod";

/**
 * The portal's configuration, parsed once. Shared by the Next.js app (lib/server/env.ts) and the start
 * script, so both refuse the same bad configuration with the same words. Empty strings count as unset.
 */
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());
const required = (name: string, hint: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.string({ error: `${name} is missing: ${hint}` }).min(1));

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    /**
     * "embedded": `npm start` runs its own PostgreSQL (no DATABASE_URL given); only then may demo sign-in and the
     * demo seed exist. "production" otherwise. The start script sets it and overrides any inherited value; an app
     * started any other way without it is in production mode (fail closed).
     */
    PORTAL_MODE: z.enum(["embedded", "production"]).default("production"),
    DATABASE_URL: required("DATABASE_URL", "the PostgreSQL connection string (postgres://user:pass@host:5432/db)."),
    AUTH_SECRET: required("AUTH_SECRET", "a random string of at least 32 characters that signs sessions (openssl rand -base64 32).").pipe(
      z.string().min(32, "AUTH_SECRET is too short: use at least 32 characters."),
    ),
    CREDENTIALS_ENCRYPTION_KEY: required(
      "CREDENTIALS_ENCRYPTION_KEY",
      "32 random bytes as base64 that encrypt stored API keys (openssl rand -base64 32).",
    ).refine((v) => Buffer.from(v, "base64").length === 32, "CREDENTIALS_ENCRYPTION_KEY must be 32 bytes, base64-encoded."),
    /**
     * Other keys that still open stored secrets, comma-separated (base64, 32 bytes each): the previous key while
     * `npm run keys:rotate` re-encrypts under the current one, or the next key before it becomes current.
     */
    CREDENTIALS_ENCRYPTION_KEY_PREVIOUS: z
      .preprocess((v) => (v === "" ? undefined : v), z.string().optional())
      .transform((v) => (v ?? "").split(",").map((k) => k.trim()).filter(Boolean))
      .refine((keys) => keys.every((k) => Buffer.from(k, "base64").length === 32), "CREDENTIALS_ENCRYPTION_KEY_PREVIOUS must be a comma-separated list of 32-byte keys, base64-encoded."),
    /** "sandbox": the local Report API sandbox (grants are pushed to it). "production": api.vipps.no. */
    REPORT_API_MODE: z.enum(["sandbox", "production"]).default("sandbox"),
    REPORT_API_BASE_URL: z.url().default("http://localhost:4010"),
    SANDBOX_ADMIN_SECRET: optional,
    /** Demo sign-in (one click per seeded persona). Only the embedded mode turns it on; production refuses it. */
    DEMO_SIGN_IN: z.enum(["on", "off"]).default("off"),
    /** Prisma's statements as named prepared statements (decision 050); `off` behind a pooler that cannot keep them. */
    DATABASE_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
    OIDC_ISSUER: optional,
    OIDC_CLIENT_ID: optional,
    OIDC_CLIENT_SECRET: optional,
    OIDC_NAME: z.string().default("Single sign-on"),
    /**
     * Issuers (comma-separated) that only ever assert e-mail addresses they verified, and may omit the
     * `email_verified` claim (e.g. a single-tenant Entra ID). Any other issuer must send email_verified=true.
     */
    OIDC_TRUSTED_EMAIL_ISSUERS: z.preprocess(
      (v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : []),
      z.array(z.url("OIDC_TRUSTED_EMAIL_ISSUERS must be a comma-separated list of issuer URLs.")),
    ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /**
     * Whether a ledger sync queues the ledger's older history (decision 024). "off" keeps a sync to the last month,
     * as the browser tests' demo world needs (its fault journeys read older dates that must still be uncached).
     */
    SYNC_HISTORY: z.enum(["on", "off"]).default("on"),
    /**
     * Sign-in attempts allowed per IP address and e-mail in ten minutes (decision 016). The browser tests raise it:
     * their whole run signs the same demo person in from one address more often than a person ever would.
     */
    SIGN_IN_ATTEMPTS_PER_10_MIN: z.coerce.number().int().min(1).max(10_000).default(30),
    PORTAL_DATA_DIR: z.preprocess((v) => (v === "" ? undefined : v), z.string().default(".data")),
    /** Where the embedded mode's mail transport writes each outgoing e-mail as a .eml file (default PORTAL_DATA_DIR/outbox). */
    OUTBOX_DIR: optional,
    /** Outgoing mail over SMTP (nodemailer URL, e.g. smtps://user:pass@smtp.example.com:465); takes precedence over OUTBOX_DIR. */
    SMTP_URL: optional,
  })
  .superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET].filter(Boolean).length;
    if (oidc > 0 && oidc < 3) {
      ctx.addIssue({ code: "custom", message: "OIDC needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET, or none of them." });
    }
    if (env.REPORT_API_MODE === "sandbox" && !env.SANDBOX_ADMIN_SECRET) {
      ctx.addIssue({ code: "custom", message: "SANDBOX_ADMIN_SECRET is missing: the sandbox mode pushes grant changes to the sandbox with it." });
    }
    // The embedded database is a local server; a remote one is somebody's real data, where demo people must never appear.
    if (env.PORTAL_MODE === "embedded" && !isLocalDatabase(env.DATABASE_URL)) {
      ctx.addIssue({ code: "custom", message: "PORTAL_MODE=embedded is only for the embedded database on this machine; unset it to run in production mode." });
    }
  })
  // Demo sign-in signs anyone in as any seeded person, the platform admin included, without a password:
  // production mode turns it off whatever DEMO_SIGN_IN says (the start script says so; configNotices).
  .transform((env) => (env.PORTAL_MODE === "production" ? { ...env, DEMO_SIGN_IN: "off" as const } : env));

export type Env = z.infer<typeof envSchema>;

function isLocalDatabase(url: string): boolean {
  try {
    return ["localhost", "127.0.0.1", "[::1]", ""].includes(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** Demo sign-in and the demo seed: the embedded mode only, and only when DEMO_SIGN_IN is on. */
export function isDemoSignInAllowed(env: Pick<Env, "PORTAL_MODE" | "DEMO_SIGN_IN">): boolean {
  return env.PORTAL_MODE === "embedded" && env.DEMO_SIGN_IN === "on";
}

/** Settings the configuration overrides, one line each, for the start script to print. */
export function configNotices(source: Record<string, string | undefined>): string[] {
  const notices: string[] = [];
  if ((source.PORTAL_MODE ?? "production") === "production" && source.DEMO_SIGN_IN === "on") {
    notices.push("DEMO_SIGN_IN=on refused: production mode (DATABASE_URL set) never offers demo sign-in or seeds demo people.");
  }
  return notices;
}

/** Parses the environment or throws one readable message naming every missing or bad setting. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  const lines = result.error.issues.map((i) => `  - ${i.message}`);
  throw new Error(`The portal cannot start; its configuration is incomplete:\n${lines.join("\n")}`);
}
