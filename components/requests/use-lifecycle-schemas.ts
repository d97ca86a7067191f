"use client";

import { useMemo } from "react";
import { useTranslations } from "next-intl";
import { lifecycleSchemas, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";

type LifecycleSchemas = ReturnType<typeof lifecycleSchemas>;

/**
 * The lifecycle schemas with the reader's texts: the same definitions the server actions parse with. Built on
 * first use, not on render: the schemas serve a submit, and building all of them in every server render of a
 * page that has a form cost about a millisecond of its CPU (decision 051). Read a schema where it is used (in
 * the handler) to keep it so; a form's resolver reads it at render, which builds them then, once per form.
 */
export function useLifecycleSchemas(): LifecycleSchemas {
  const t = useTranslations("lifecycleErrors");
  return useMemo(() => {
    let built: LifecycleSchemas | undefined;
    const schemas = () => (built ??= lifecycleSchemas((key: LifecycleErrorKey, values) => t(key, values)));
    return new Proxy({} as LifecycleSchemas, { get: (_target, key) => Reflect.get(schemas(), key) });
  }, [t]);
}
