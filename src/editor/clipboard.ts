/**
 * Copy and paste of cards, within a map and between maps. The in-app buffer always
 * holds the last copy (it survives switching maps, not a reload); the system clipboard
 * gets the same payload as JSON when the browser allows it, so a paste in another tab
 * or window works too.
 */
import { CardSchema, ConnectionSchema, type Card, type Connection, type JourneyMap } from '../model/schema';

export const CLIPBOARD_FORMAT = 'journeyboard/cards@1';

export interface ClipboardPayload {
  format: typeof CLIPBOARD_FORMAT;
  cards: Card[];
  connections: Connection[];
}

let buffer: ClipboardPayload | null = null;

export function payloadOf(doc: JourneyMap, ids: ReadonlySet<string>): ClipboardPayload | null {
  const cards = doc.cards.filter((c) => ids.has(c.id));
  if (cards.length === 0) return null;
  const inside = new Set(cards.map((c) => c.id));
  const connections = doc.connections.filter((k) => inside.has(k.from) && inside.has(k.to));
  return { format: CLIPBOARD_FORMAT, cards, connections };
}

/** Reads a payload from clipboard text; null when it is not one of ours or is broken. */
export function parsePayload(text: string): ClipboardPayload | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== CLIPBOARD_FORMAT) return null;
  const r = raw as { cards?: unknown; connections?: unknown };
  if (!Array.isArray(r.cards)) return null;
  const cards = r.cards.flatMap((c) => {
    const p = CardSchema.safeParse(c);
    return p.success ? [p.data] : [];
  });
  const connections = Array.isArray(r.connections)
    ? r.connections.flatMap((k) => {
        const p = ConnectionSchema.safeParse(k);
        return p.success ? [p.data] : [];
      })
    : [];
  return cards.length ? { format: CLIPBOARD_FORMAT, cards, connections } : null;
}

export function setBuffer(payload: ClipboardPayload | null): void {
  buffer = payload;
}

export function getBuffer(): ClipboardPayload | null {
  return buffer;
}

/** Puts the payload in the in-app buffer and, best effort, on the system clipboard. */
export async function writeClipboard(payload: ClipboardPayload): Promise<void> {
  buffer = payload;
  try {
    await navigator.clipboard?.writeText(JSON.stringify(payload));
  } catch {
    // Not allowed (no focus, no permission): the in-app buffer still works.
  }
}

/** The system clipboard's payload when it holds one, else the in-app buffer. */
export async function readClipboard(): Promise<ClipboardPayload | null> {
  try {
    const text = await navigator.clipboard?.readText();
    if (text) {
      const parsed = parsePayload(text);
      if (parsed) return parsed;
    }
  } catch {
    // Denied or unavailable: fall back to the buffer.
  }
  return buffer;
}
