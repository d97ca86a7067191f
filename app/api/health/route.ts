import { isDatabaseReachable } from "@/lib/server/health";

export const dynamic = "force-dynamic";

/** Liveness and database reachability for load balancers and the start script. No tenant data. */
export async function GET() {
  return (await isDatabaseReachable())
    ? Response.json({ status: "ok" })
    : Response.json({ status: "database unavailable" }, { status: 503 });
}
