/** What a person sees as a request's status: a pending request past its expiry date is "expired" at once. */
export type RequestDisplayStatus = "pending" | "approved" | "declined" | "expired" | "withdrawn";

export function requestDisplayStatus(request: { status: RequestDisplayStatus; expiresAt: Date | string }, now: Date = new Date()): RequestDisplayStatus {
  if (request.status !== "pending") return request.status;
  return new Date(request.expiresAt).getTime() <= now.getTime() ? "expired" : "pending";
}

/** Days left before a pending request expires, counting a started day as a day (14 right after it was made). */
export function daysUntil(expiresAt: Date | string, now: Date = new Date()): number {
  return Math.max(0, Math.ceil((new Date(expiresAt).getTime() - now.getTime()) / 86_400_000));
}
