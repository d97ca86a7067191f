import { resolveAdminContext } from "@/lib/server/authz/contexts";
import { searchOrganisations } from "@/lib/server/admin-orgs/search-organisations";
import { orgSearchSchema } from "@/lib/admin-orgs/org-search";

export const dynamic = "force-dynamic";

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store" } });

/**
 * The admin console's merchant and partner filters (components/admin/org-combobox.tsx): up to 20 organisations
 * matching `q` by name or organisation number. Platform admins only; anyone else gets 404, like the exports.
 */
export async function GET(request: Request) {
  const ctx = await resolveAdminContext();
  if (!ctx.ok) return json({ error: "Not found" }, 404);
  const params = new URL(request.url).searchParams;
  const parsed = orgSearchSchema.safeParse({ kind: params.get("kind") ?? undefined, q: params.get("q") ?? undefined });
  if (!parsed.success) return json({ error: "Bad request" }, 400);
  return json({ results: await searchOrganisations(parsed.data.kind, parsed.data.q) });
}
