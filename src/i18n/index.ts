/**
 * The interface language at run time, on Lingui (@lingui/core, about 2 KB gzip on the path that
 * opens a map). One catalogue per language, each its own chunk: only the active one is fetched.
 *
 * Two kinds of instance:
 * - `i18n`, the interface's (Lingui's global), switched by `activateInterface`;
 * - `i18nFor(locale)`, one per map language, for what speaks the map's language whatever the
 *   interface's: presentation, print/PDF, PNG, CSV, the web page.
 */
import { i18n, setupI18n, type I18n, type Messages } from '@lingui/core';
import { directionOf, LOCALE_STORAGE_KEY, type Locale } from './locales';

export { i18n };
export type { I18n };

const LOADERS: Record<Locale, () => Promise<{ messages: Messages }>> = {
  en: () => import('../locales/en.po'),
  th: () => import('../locales/th.po'),
  fa: () => import('../locales/fa.po'),
  vi: () => import('../locales/vi.po'),
};

const loaded = new Map<Locale, Promise<Messages>>();

export function loadMessages(locale: Locale): Promise<Messages> {
  let messages = loaded.get(locale);
  if (!messages) {
    messages = LOADERS[locale]().then((m) => m.messages);
    // A failed fetch (offline before the chunk was cached) may be tried again.
    messages.catch(() => loaded.delete(locale));
    loaded.set(locale, messages);
  }
  return messages;
}

/** Switches the interface: its catalogue, `<html lang dir>`, and this device's memory of the choice. */
export async function activateInterface(locale: Locale, remember = true): Promise<void> {
  const messages = await loadMessages(locale);
  i18n.load(locale, messages);
  i18n.activate(locale);
  const root = document.documentElement;
  root.lang = locale;
  root.dir = directionOf(locale);
  if (remember) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage refused (a privacy mode): the choice lasts until the tab closes.
    }
  }
}

const forMaps = new Map<Locale, Promise<I18n>>();

/** An instance in a map's language, apart from the interface's. */
export function i18nFor(locale: Locale): Promise<I18n> {
  let instance = forMaps.get(locale);
  if (!instance) {
    instance = loadMessages(locale).then((messages) => setupI18n({ locale, messages: { [locale]: messages } }));
    instance.catch(() => forMaps.delete(locale));
    forMaps.set(locale, instance);
  }
  return instance;
}
