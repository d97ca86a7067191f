import "server-only";
import { headers } from "next/headers";

/**
 * The caller's IP address for rate limits: the last entry of X-Forwarded-For, i.e. the address the nearest
 * proxy (the load balancer, or Next.js itself) saw. Earlier entries are whatever the client claimed, so they are
 * not trusted. Without the header (no proxy in front) every caller shares one bucket per e-mail, which still
 * limits attempts on an account.
 */
export async function clientIp(): Promise<string> {
  const h = await headers();
  const forwarded = (h.get("x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return forwarded.at(-1) ?? h.get("x-real-ip") ?? "unknown";
}
