/** Small helpers for the persona pages' words. */
import type { ReactNode } from 'react';
import type { I18n } from '../i18n';
import { messageOf, say, type Message } from '../i18n/message';

/** The name a persona goes by on screen: its own, or "Unnamed persona". */
export function shownName(i18n: I18n, name: string): string {
  return name.trim() || i18n._('personas.unnamed');
}

/**
 * A problem as a sentence in `i18n`'s language: an error that carries a message (storage's,
 * src/i18n/message.ts) is worded from it; any other error says its own message.
 */
export function errorMessage(i18n: I18n, err: unknown): string {
  const descriptor = messageOf(err);
  if (descriptor) return say(i18n, descriptor);
  if (err && typeof err === 'object' && 'message' in err) return String(err.message);
  return i18n._('personas.error.unknown', { detail: String(err) });
}

/** A text that is already a sentence, or a message to word. */
export function wordOf(i18n: I18n, text: string | Message): string {
  return typeof text === 'string' ? text : say(i18n, text);
}

/**
 * A placeholder value marking where an element goes in a translated sentence: translate with
 * `{ name: SLOT }`, then `fillSlot(message, <span dir="auto">{name}</span>)`. The sentence keeps
 * its word order in every language and the element keeps its own direction.
 */
export const SLOT = '\uE000';

export function fillSlot(message: string, node: ReactNode): ReactNode {
  const at = message.indexOf(SLOT);
  if (at < 0) return message;
  return (
    <>
      {message.slice(0, at)}
      {node}
      {message.slice(at + SLOT.length)}
    </>
  );
}
