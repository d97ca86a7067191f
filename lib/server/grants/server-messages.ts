import "server-only";
import { grantSchemas, type GrantErrorKey } from "@/lib/grants/schemas";
import { serverTranslator } from "@/lib/server/i18n/server-translator";

const errors = serverTranslator("grantErrors");

/** The schemas the grant actions parse with: the same definitions as the forms, with the English texts. */
export const serverGrantSchemas = grantSchemas((key: GrantErrorKey) => errors(key));
