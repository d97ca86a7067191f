import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError, type ActionResult } from "@/lib/errors/app-error";
import { merchantCan, partnerCan, type MerchantPermission, type PartnerPermission } from "@/lib/server/authz/permissions";
import {
  resolveAdminContext, resolveMerchantContext, resolvePartnerContext,
  type ContextFailure, type MerchantContext, type PartnerContext,
} from "@/lib/server/authz/contexts";
import { getCurrentUser } from "@/lib/server/authz/current-user";
import { logger } from "@/lib/server/logger";
import { clientIp } from "@/lib/server/rate-limit/client-ip";
import { requireWithinRateLimit } from "@/lib/server/rate-limit/enforce-rate-limit";
import type { RateLimitName, RateLimitSubject } from "@/lib/server/rate-limit/limits";
import type { CurrentUser } from "@/lib/authz/types";
import { errorTranslator } from "@/lib/server/i18n/reader-locale";
import { answerInReaderLocale } from "@/lib/server/i18n/answer-in-reader-locale";
import { fieldErrorsOf } from "@/lib/server/actions/field-errors";

const serverErrors = errorTranslator("serverErrors");

/**
 * Every server action is a public POST endpoint. These wrappers run the same steps in the same order so
 * none can be skipped: session → parse input with zod → authorize → rate limit (when the action names one) →
 * run. Expected failures come back as a typed error; anything else is logged with an id and the browser gets a
 * generic message.
 */
type Run<S extends z.ZodType, C, R> = (args: { input: z.infer<S>; ctx: C }) => Promise<R>;

export interface ActionOptions {
  /**
   * A named limit from lib/server/rate-limit/limits.ts, counted after authorization and before any work, per
   * person and organisation of the session (per IP address and e-mail before sign-in). A refused call returns
   * RATE_LIMITED with the wait in its message.
   */
  rateLimit?: RateLimitName;
}

type Limit<C> = { name: RateLimitName; subject: (ctx: C, input: unknown) => RateLimitSubject | Promise<RateLimitSubject> } | undefined;

async function execute<S extends z.ZodType, C, R>(
  schema: S,
  resolve: () => Promise<{ ok: true; ctx: C } | { ok: false; reason: ContextFailure }>,
  authorize: (ctx: C) => boolean,
  run: Run<S, C, R>,
  raw: unknown,
  limit?: Limit<C>,
): Promise<ActionResult<R>> {
  try {
    const resolved = await resolve();
    if (!resolved.ok) {
      return resolved.reason === "unauthenticated"
        ? fail("UNAUTHENTICATED", serverErrors("signInAgain"))
        : fail("NOT_FOUND", serverErrors("notFound"));
    }
    const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
    if (!parsed.success) {
      return { ok: false, error: { code: "INVALID_INPUT", message: serverErrors("fieldsNeedAttention"), fields: fieldErrorsOf(parsed.error.issues) } };
    }
    if (!authorize(resolved.ctx)) return fail("FORBIDDEN", serverErrors("roleForbids"));
    if (limit) await requireWithinRateLimit(limit.name, await limit.subject(resolved.ctx, parsed.data));
    return { ok: true, data: await run({ input: parsed.data as z.infer<S>, ctx: resolved.ctx }) };
  } catch (err) {
    unstable_rethrow(err); // redirect() and notFound() are control flow, not failures
    if (err instanceof AppError) {
      return {
        ok: false,
        error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}), ...(err.retryAfterSeconds ? { retryAfterSeconds: err.retryAfterSeconds } : {}) },
      };
    }
    const errorId = randomUUID();
    logger().error({ errorId, err: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err) }, "server action failed");
    return fail("INTERNAL", serverErrors("internal", { reference: errorId.slice(0, 8) }));
  }
}

function fail(code: AppError["code"], message: string): { ok: false; error: { code: AppError["code"]; message: string } } {
  return { ok: false, error: { code, message } };
}

async function resolveUser(): Promise<{ ok: true; ctx: CurrentUser } | { ok: false; reason: ContextFailure }> {
  const user = await getCurrentUser();
  return user ? { ok: true, ctx: user } : { ok: false, reason: "unauthenticated" };
}

// Every function the wrappers return, so a test can tell an exported action built here from one written around
// them (the authorization matrix fails for an action that skips the wrapper).
const wrapped = new WeakSet<object>();
function registered<F extends (raw: unknown) => Promise<unknown>>(fn: F): F {
  // Every message the action sends back is in the language of the person who called it (decision 043).
  const action = ((raw: unknown) => answerInReaderLocale(() => fn(raw))) as F;
  wrapped.add(action);
  return action;
}

/** True for an action built by one of the wrappers below. */
export function isWrappedAction(fn: unknown): boolean {
  return typeof fn === "function" && wrapped.has(fn);
}

function limitOf<C>(options: ActionOptions | undefined, subject: (ctx: C, input: unknown) => RateLimitSubject | Promise<RateLimitSubject>): Limit<C> {
  return options?.rateLimit ? { name: options.rateLimit, subject } : undefined;
}

/** Run, or options then run: `merchantAction(schema, "ledger.read", { rateLimit: "upstream" }, run)`. */
function split<F>(a: ActionOptions | F, b: F | undefined): [ActionOptions | undefined, F] {
  return b === undefined ? [undefined, a as F] : [a as ActionOptions, b];
}

const bySession = (user: CurrentUser, tenant?: string): RateLimitSubject => ({ user: user.id, ...(tenant ? { tenant } : {}) });

export function userAction<S extends z.ZodType, R>(schema: S, run: Run<S, CurrentUser, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function userAction<S extends z.ZodType, R>(schema: S, options: ActionOptions, run: Run<S, CurrentUser, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function userAction<S extends z.ZodType, R>(schema: S, a: ActionOptions | Run<S, CurrentUser, R>, b?: Run<S, CurrentUser, R>) {
  const [options, run] = split(a, b);
  return registered(async (raw: unknown) => execute(schema, resolveUser, () => true, run, raw, limitOf<CurrentUser>(options, (ctx) => bySession(ctx))));
}

export function merchantAction<S extends z.ZodType, R>(schema: S, permission: MerchantPermission, run: Run<S, MerchantContext, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function merchantAction<S extends z.ZodType, R>(schema: S, permission: MerchantPermission, options: ActionOptions, run: Run<S, MerchantContext, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function merchantAction<S extends z.ZodType, R>(schema: S, permission: MerchantPermission, a: ActionOptions | Run<S, MerchantContext, R>, b?: Run<S, MerchantContext, R>) {
  const [options, run] = split(a, b);
  const limit = limitOf<MerchantContext>(options, (ctx) => bySession(ctx.user, `merchant:${ctx.merchantId}`));
  return registered(async (raw: unknown) => execute(schema, resolveMerchantContext, (ctx) => merchantCan(ctx.role, permission), run, raw, limit));
}

export function partnerAction<S extends z.ZodType, R>(schema: S, permission: PartnerPermission, run: Run<S, PartnerContext, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function partnerAction<S extends z.ZodType, R>(schema: S, permission: PartnerPermission, options: ActionOptions, run: Run<S, PartnerContext, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function partnerAction<S extends z.ZodType, R>(schema: S, permission: PartnerPermission, a: ActionOptions | Run<S, PartnerContext, R>, b?: Run<S, PartnerContext, R>) {
  const [options, run] = split(a, b);
  const limit = limitOf<PartnerContext>(options, (ctx) => bySession(ctx.user, `partner:${ctx.partnerId}`));
  return registered(async (raw: unknown) =>
    execute(schema, resolvePartnerContext, (ctx) => ctx.partnerStatus !== "suspended" && partnerCan(ctx.role, permission), run, raw, limit));
}

export function adminAction<S extends z.ZodType, R>(schema: S, run: Run<S, CurrentUser, R>) {
  return registered(async (raw: unknown) => execute(schema, resolveAdminContext, () => true, run, raw));
}

/**
 * For the few actions that run before sign-in (the demo sign-in): parse, then run. A rate limit here counts per
 * IP address and, when the input has one, per e-mail address.
 */
export function publicAction<S extends z.ZodType, R>(schema: S, run: Run<S, null, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function publicAction<S extends z.ZodType, R>(schema: S, options: ActionOptions, run: Run<S, null, R>): (raw: unknown) => Promise<ActionResult<R>>;
export function publicAction<S extends z.ZodType, R>(schema: S, a: ActionOptions | Run<S, null, R>, b?: Run<S, null, R>) {
  const [options, run] = split(a, b);
  const limit = limitOf<null>(options, async (_ctx, input) => {
    const email = (input as { email?: unknown } | null)?.email;
    return { ip: await clientIp(), ...(typeof email === "string" ? { email } : {}) };
  });
  return registered(async (raw: unknown) => execute(schema, async () => ({ ok: true as const, ctx: null }), () => true, run, raw, limit));
}
