/**
 * Messages that code outside React hands to the interface to word: Lingui message descriptors
 * (`{ id, values }`), never sentences. Storage, the model and the import build them where they
 * know what went wrong, each object literal marked for extraction by an `i18n` block comment
 * right before it (as in src/model/invariants.ts), and the interface words them in its language
 * with `say(i18n, message)`.
 *
 * A value of a message may be a message itself, for sentences built of phrases ("expected
 * {expected}, got {found}", where `expected` is "a whole number from -2 to 2"), or a number to
 * show with a fixed count of decimals (`fixedNumber(20, 1)`: "20.0", "۲۰٫۰" in Persian), or a list
 * of such values (worded one by one, then listed as the language lists: "“A”, “B”"); `say` words
 * those first, inside out. Other values (titles, paths, counts) go into the sentence as they are; a
 * catalogue formats a count in its own digits with `{count, number}` or a plural's `#`.
 *
 * Use `say` rather than `i18n._(message)` for these: `i18n._` leaves nested values unworded.
 * Pure (types only from Lingui), so the model, the command line and the web page viewer share it.
 */
import type { I18n, MessageDescriptor } from '@lingui/core';

export type Message = MessageDescriptor;

/** A number shown with exactly `decimals` digits after the decimal mark. */
export interface FixedNumber {
  fixed: number;
  decimals: number;
}

export function fixedNumber(value: number, decimals: number): FixedNumber {
  return { fixed: value, decimals };
}

export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

function isFixedNumber(value: unknown): value is FixedNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { fixed?: unknown }).fixed === 'number' &&
    typeof (value as { decimals?: unknown }).decimals === 'number'
  );
}

function word(i18n: I18n, value: unknown): unknown {
  if (Array.isArray(value)) {
    // "“A”, “B”" in English, "«A»،‏ «B»" in Persian: a plain list, without "and".
    return new Intl.ListFormat(i18n.locale, { type: 'unit', style: 'short' }).format(value.map((v) => String(word(i18n, v))));
  }
  if (isMessage(value)) return say(i18n, value);
  if (isFixedNumber(value)) {
    return i18n.number(value.fixed, { minimumFractionDigits: value.decimals, maximumFractionDigits: value.decimals });
  }
  return value;
}

/** The message in `i18n`'s language, its nested messages and fixed numbers worded first. */
export function say(i18n: I18n, message: Message): string {
  const values = message.values;
  if (!values) return i18n._(message);
  const worded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) worded[key] = word(i18n, value);
  // (id, values) rather than a spread descriptor: `lingui extract` cannot read a spread object.
  return i18n._(message.id, worded);
}

/** An error that carries its message for the interface (`descriptor`) besides an English `message` for logs. */
export interface WordedError extends Error {
  readonly descriptor: Message;
}

/** The message an error carries for the interface (StorageError, MapBusyError, MessageError), if any. */
export function messageOf(err: unknown): Message | undefined {
  if (typeof err !== 'object' || err === null || !('descriptor' in err)) return undefined;
  const descriptor = (err as { descriptor: unknown }).descriptor;
  return isMessage(descriptor) ? descriptor : undefined;
}

/** What a thrown value says, in `i18n`'s language when it carries a message, else in its own words (a bug's, the browser's). */
export function sayError(i18n: I18n, err: unknown): string {
  const message = messageOf(err);
  if (message) return say(i18n, message);
  return err instanceof Error ? err.message : String(err);
}

/** A thrown error with a message for the interface; `english` is what logs and the console show. */
export class MessageError extends Error implements WordedError {
  readonly descriptor: Message;

  constructor(descriptor: Message, english: string, options?: { cause?: unknown }) {
    super(english, options);
    this.name = 'MessageError';
    this.descriptor = descriptor;
  }
}
