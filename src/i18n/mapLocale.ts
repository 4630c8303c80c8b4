/**
 * The language a map speaks: what its presentation, print/PDF, PNG, CSV and web page are worded in,
 * whatever the interface's language. The map's own `language` when it is one we speak, else English.
 */
import { isLocale, type Locale } from './locales';

export function mapLocale(doc: { language?: string }): Locale {
  return isLocale(doc.language) ? doc.language : 'en';
}
