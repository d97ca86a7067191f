import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { AppLocale } from "@/lib/i18n/locales";
import { SERVER_LOCALE, serverTranslator } from "@/lib/server/i18n/server-translator";
import type { Messages } from "@/messages";

/**
 * The language of the person a server action or route is answering (decision 043). The action wrapper and the
 * route handlers run their work inside `withReaderLocale` (answer-in-reader-locale.ts); outside it (jobs,
 * scripts, the records a request writes through `serverTranslator`) texts stay in the record language.
 */
const store = new AsyncLocalStorage<AppLocale>();

export function withReaderLocale<T>(locale: AppLocale, run: () => T): T {
  return store.run(locale, run);
}

export function readerLocale(): AppLocale {
  return store.getStore() ?? SERVER_LOCALE;
}

type Translator<N extends Extract<keyof Messages, string>> = ReturnType<typeof serverTranslator<N>>;

/**
 * A translator for texts that go back to the person who asked (error messages, refusals, field errors): each call
 * says the text in `readerLocale()`. Audit records, consent text and notices for others keep `serverTranslator`.
 */
export function errorTranslator<N extends Extract<keyof Messages, string>>(namespace: N): Translator<N> {
  const byLocale = new Map<AppLocale, Translator<N>>();
  const current = (): Translator<N> => {
    const locale = readerLocale();
    let t = byLocale.get(locale);
    if (!t) byLocale.set(locale, (t = serverTranslator(namespace, locale)));
    return t;
  };
  const call = (...args: unknown[]) => (current() as unknown as (...a: unknown[]) => string)(...args);
  // `t.has(key)` and the other methods of next-intl's translator go to the reader's one as well.
  return new Proxy(call, { get: (_target, prop) => Reflect.get(current() as object, prop) }) as unknown as Translator<N>;
}
