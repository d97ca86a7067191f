"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { lifecycleSchemas, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";

/** The lifecycle schemas with the reader's texts: the same definitions the server actions parse with. */
export function useLifecycleSchemas() {
  const t = useTranslations("lifecycleErrors");
  return useMemo(() => lifecycleSchemas((key: LifecycleErrorKey, values) => t(key, values)), [t]);
}
