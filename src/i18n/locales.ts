/**
 * The interface languages, and which one a visitor gets. Pure: no catalogue, no React.
 */
import { isArabicScript, isThaiScript } from './scripts';

export const LOCALES = ['en', 'th', 'fa', 'vi'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/** Each language by its own name, as a language menu lists them (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  th: 'ไทย',
  fa: 'فارسی',
  vi: 'Tiếng Việt',
};

const RTL: ReadonlySet<Locale> = new Set(['fa']);

export function directionOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The first of the browser's languages we speak ("fa-IR" -> fa, "th" -> th), else English.
 * Only the language subtag counts: a Vietnamese speaker in any region gets Vietnamese.
 */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (isLocale(language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** Where this device remembers the chosen language. */
export const LOCALE_STORAGE_KEY = 'journeyboard.locale';

/** The remembered choice, else the browser's languages. Storage that throws (privacy modes) counts as none. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | null, languages: readonly string[]): Locale {
  let saved: string | null = null;
  try {
    saved = storage?.getItem(LOCALE_STORAGE_KEY) ?? null;
  } catch {
    saved = null;
  }
  return isLocale(saved) ? saved : pickLocale(languages);
}

/**
 * The language a text is most likely written in, by its letters: Thai script -> th, Arabic script
 * (our Persian users) -> fa, Latin with Vietnamese letters (ă â đ ê ô ơ ư, the stacked tone marks)
 * -> vi, anything else -> en. Used once, to give maps saved before maps had a language one.
 */
export function guessLocale(text: string): Locale {
  let th = 0;
  let fa = 0;
  let vi = 0;
  let latin = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (isThaiScript(c)) th++;
    else if (isArabicScript(c)) fa++;
    else if ((c >= 0x1ea0 && c <= 0x1ef9) || 'ăâđêôơưĂÂĐÊÔƠƯ'.includes(ch)) vi++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) latin++;
  }
  // Vietnamese is mostly plain Latin letters: a few of its own per sentence settle it.
  const scores: [Locale, number][] = [
    ['th', th],
    ['fa', fa],
    ['vi', vi * 8],
    ['en', latin],
  ];
  const [best, score] = scores.reduce((a, b) => (b[1] > a[1] ? b : a));
  return score > 0 ? best : DEFAULT_LOCALE;
}
