import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SearchX } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Button } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <main id="main" className="mx-auto flex min-h-[60dvh] max-w-lg items-center px-6">
      <EmptyState
        icon={SearchX}
        titleAs="h1"
        title={t("notFoundTitle")}
        description={t("notFoundDescription")}
        action={<Button asChild variant="outline"><Link href="/">{t("goHome")}</Link></Button>}
      />
    </main>
  );
}
