import type core from "@/messages/en/core.json";

/**
 * Schema messages that are keys of the `formErrors` catalogue namespace, not English (decision 042). A schema runs
 * in the browser (a form), on a page (a range in the address), in a route and in an action; each place says the
 * message in its reader's language with `formErrorText`, so no schema carries one language's words.
 *
 * A message is `formErrors.<key>`, with the catalogue's placeholders after `?` as a query string
 * (`formErrors.tooLong?max=366`). Any other message (a schema that still writes text) is shown as it is.
 */
export type FormErrorKey = Extract<keyof (typeof core)["formErrors"], string>;
type Values = Record<string, string | number>;

const PREFIX = "formErrors.";

export function formError(key: FormErrorKey, values?: Values): string {
  const query = values ? `?${new URLSearchParams(Object.entries(values).map(([k, v]) => [k, String(v)])).toString()}` : "";
  return `${PREFIX}${key}${query}`;
}

/** The namespace's translator, as next-intl's hook and createTranslator return it for `formErrors`. */
export interface FormErrorTranslator {
  (key: FormErrorKey, values?: Values): string;
  has(key: FormErrorKey): boolean;
}

/** The text of a schema message in the reader's language (`t`: the `formErrors` namespace); other messages as they are. */
export function formErrorText(message: string, t: FormErrorTranslator): string {
  if (!message.startsWith(PREFIX)) return message;
  const [key, query] = message.slice(PREFIX.length).split("?", 2) as [string, string | undefined];
  if (!t.has(key as FormErrorKey)) return message;
  // Numbers go back as numbers: the catalogue may format or pluralise them.
  const values = query ? Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, /^-?\d+$/.test(v) ? Number(v) : v])) : undefined;
  return t(key as FormErrorKey, values);
}
