import { redirect } from "next/navigation";
import { getActiveOrganisation, homePathFor } from "@/lib/server/authz/active-organisation";
import { requireUser } from "@/lib/server/authz/current-user";

/** "/" sends each person to their persona's start page, or to the organisation chooser. */
export default async function HomePage() {
  const user = await requireUser();
  const org = await getActiveOrganisation(user);
  redirect(org ? homePathFor(org) : "/select-organisation");
}
