/** How dates and file sizes read, in the reader's locale. Pure, so the library list stays simple to test. */
import type { I18n } from '../i18n';
import { fixedNumber, say, type Message } from '../i18n/message';

// Formatters per locale, made once: Intl constructors are slow next to a list's render.
const relatives = new Map<string, Intl.RelativeTimeFormat>();
const absolutes = new Map<string, Intl.DateTimeFormat>();

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

/**
 * When a map was edited, in `locale`'s words and digits: "now", "5 minutes ago", "yesterday", then
 * the date ("۱۲ آذر ۱۴۰۵،‏ ۱۰:۳۰" in Persian, whose calendar Intl picks for fa).
 */
export function formatEdited(iso: string, locale: string, now: Date = new Date()): string {
  let relative = relatives.get(locale);
  if (!relative) relatives.set(locale, (relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  const then = new Date(iso);
  let delta = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(delta) < 10) return relative.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return relative.format(Math.round(delta), unit);
    delta /= size;
  }
  let absolute = absolutes.get(locale);
  if (!absolute) absolutes.set(locale, (absolute = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })));
  return absolute.format(then);
}

const MB = 1024 * 1024;

/** A file size as a message (src/i18n/message.ts): "3.4 MB", "120 KB" (at least 1 KB). */
export function sizeMessage(bytes: number, mbDecimals = 1): Message {
  const mb = bytes / MB;
  return mb >= 1
    ? /*i18n*/ { id: 'storage.size.megabytes', values: { size: fixedNumber(mb, mbDecimals) } }
    : /*i18n*/ { id: 'storage.size.kilobytes', values: { size: Math.max(1, Math.ceil(bytes / 1024)) } };
}

/** "3.4 MB", "120 KB", in the words and digits of `i18n`'s language ("۳٫۴ مگابایت"). */
export function formatSize(i18n: I18n, bytes: number, mbDecimals = 1): string {
  return say(i18n, sizeMessage(bytes, mbDecimals));
}

/** What a size reads as at that precision, in any language: two sizes with the same key read the same. */
function sizeKey(bytes: number, mbDecimals: number): string {
  const mb = bytes / MB;
  return mb >= 1 ? `${mb.toFixed(mbDecimals)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/**
 * A size and the limit it was held to, as messages, with enough precision that two different numbers
 * never read the same ("20.000001 MB" against "20.0 MB" would say nothing; one byte over shows in bytes).
 */
export function formatSizeAgainst(bytes: number, limit: number): { size: Message; limit: Message } {
  for (const decimals of [1, 2, 3]) {
    if (sizeKey(bytes, decimals) !== sizeKey(limit, decimals) || bytes === limit) {
      return { size: sizeMessage(bytes, decimals), limit: sizeMessage(limit, decimals) };
    }
  }
  return {
    size: /*i18n*/ { id: 'storage.size.bytes', values: { bytes } },
    limit: /*i18n*/ { id: 'storage.size.bytesAbout', values: { bytes: limit, size: sizeMessage(limit) } },
  };
}
