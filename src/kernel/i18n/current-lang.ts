// The interface language of the work in progress: a request's (the site's language for the public side, the
// user's for the back office, set by web/interface-language.ts), so that every message and date rendered while it
// runs reads in that language without each component passing it down (decision 030). Outside a request (jobs, the
// CLI) it is French, the reference language, unless the caller names one.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The languages of the catalogue. */
export type Lang = 'fr' | 'en';

const interfaceLanguage = new AsyncLocalStorage<Lang>();

/** Runs `work` with `lang` as the interface language of everything it renders, awaited work included. */
export function inLanguage<T>(lang: Lang, work: () => T): T {
  return interfaceLanguage.run(lang, work);
}

/** The interface language of the running work: French outside any inLanguage(). */
export function currentLang(): Lang {
  return interfaceLanguage.getStore() ?? 'fr';
}
