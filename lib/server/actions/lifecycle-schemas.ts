import "server-only";
import { lifecycleSchemas, type LifecycleErrorKey } from "@/lib/lifecycle/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

const errors = serverTranslator("lifecycleErrors");

/** The schemas the lifecycle actions parse with: the same definitions as the forms, with the English texts. */
export const serverLifecycleSchemas = lifecycleSchemas((key: LifecycleErrorKey, values) => errors(key, values));
