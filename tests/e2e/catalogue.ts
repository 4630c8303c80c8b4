import { readFileSync } from 'node:fs';
import { setupI18n, type I18n } from '@lingui/core';
import { formatter } from '@lingui/format-po';
import { compileMessage } from '@lingui/message-utils/compileMessage';
import type { Locale } from '../../src/i18n/locales';

// The catalogues as the browser tests read them in Node (Playwright loads no Vite plugin, so
// the .po files are read and compiled here, as @lingui/vite-plugin does for the app).

export async function entries(locale: Locale): Promise<Record<string, string>> {
  const file = new URL(`../../src/locales/${locale}.po`, import.meta.url);
  const po = formatter({ origins: false, lineNumbers: false, explicitIdAsDefault: true });
  const catalog = await po.parse(readFileSync(file, 'utf8'), { locale, sourceLocale: 'en', filename: file.pathname });
  return Object.fromEntries(Object.entries(catalog).map(([id, m]) => [id, m.translation ?? '']));
}

/** An i18n instance in `locale`, for the app's own pure functions (layouts, CSV, slide texts). */
export async function i18nOf(locale: Locale): Promise<I18n> {
  const texts = await entries(locale);
  const messages = Object.fromEntries(Object.entries(texts).map(([id, text]) => [id, compileMessage(text)]));
  return setupI18n({ locale, messages: { [locale]: messages } });
}

/**
 * The words of the interface in a language: tests find controls by the names users see in that
 * language, by message id, so rewording a translation does not break them.
 */
export async function catalogue(locale: Locale): Promise<(id: string, values?: Record<string, unknown>) => string> {
  const i18n = await i18nOf(locale);
  return (id, values) => {
    const text = i18n._(id, values);
    if (text === id) throw new Error(`${id}: not in the ${locale} catalogue`);
    return text;
  };
}

/**
 * The accessible name of a presentation slide ("Slide 3 of 7: Buying", "اسلاید ۳ از ۷: …") in any
 * of the languages, from the catalogues' own pattern: a deck speaks its map's language.
 */
export function anySlideName(): RegExp {
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = (['en', 'th', 'fa', 'vi'] as const).map((l) => {
    const po = readFileSync(new URL(`../../src/locales/${l}.po`, import.meta.url), 'utf8');
    const text = /msgid "present\.slide\.label"\nmsgstr "(.*)"/.exec(po)?.[1] ?? '';
    const [head = ''] = text.split('{title}');
    return escape(head).replace(/\\\{(number|count)\\\}/g, '[0-9۰-۹๐-๙]+');
  });
  return new RegExp(`^(${forms.join('|')})`);
}
