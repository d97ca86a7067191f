/**
 * The app's small, closed error vocabulary (style C16). Vendor errors are mapped into it at the boundary.
 * Shared by server and client: the client only ever sees `code`, a safe `message` and field messages.
 */
export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_INPUT" | "CONFLICT" | "RATE_LIMITED" | "UPSTREAM_UNAVAILABLE" | "INTERNAL";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** RATE_LIMITED: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: AppErrorCode; message: string; fields?: Record<string, string>; retryAfterSeconds?: number } };

