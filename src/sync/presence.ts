/**
 * Who else is on a shared map, from the provider's awareness (Yjs's ephemeral per-client
 * state, never stored): their name and colour, their pointer on the canvas, what they have
 * selected and where they are typing. A peer's state is whatever it sent, so each field is
 * checked and bounded here before anything shows it. Pure.
 */
import { PRESENCE_COLORS } from './settings';

export interface PresenceState {
  user: { name: string; color: string };
  /** The pointer in canvas (flow) coordinates, or null when it is off the canvas. */
  cursor: { x: number; y: number } | null;
  /** Ids of the selected cards, stages and lanes. */
  selection: string[];
  /** The card, stage or lane being typed in. */
  editing: string | null;
  /** Where this client's presentation of the map is, while it presents (followers go there too). */
  presenting: { index: number; focus: string } | null;
}

export interface Peer extends PresenceState {
  clientId: number;
}

export const MAX_NAME = 60;
const MAX_SELECTION = 200;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const COLOR = /^#[0-9a-fA-F]{6}$/;
const BOUND = 1e7;

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && Math.abs(n) < BOUND;

/** A peer's state as this device will show it, or null when it says nothing usable. */
export function readPeer(clientId: number, raw: unknown): Peer | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const s = raw as Record<string, unknown>;
  // A client that has not said who it is (a bench client, a script) is not shown.
  if (typeof s.user !== 'object' || s.user === null) return null;
  const user = s.user as Record<string, unknown>;
  const name = typeof user.name === 'string' ? user.name.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim().slice(0, MAX_NAME) : '';
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : PRESENCE_COLORS[clientId % PRESENCE_COLORS.length]!;
  const c = s.cursor as Record<string, unknown> | null | undefined;
  const cursor = c && finite(c.x) && finite(c.y) ? { x: c.x, y: c.y } : null;
  const selection = Array.isArray(s.selection) ? s.selection.filter((id): id is string => typeof id === 'string' && ID.test(id)).slice(0, MAX_SELECTION) : [];
  const editing = typeof s.editing === 'string' && ID.test(s.editing) ? s.editing : null;
  const p = s.presenting as Record<string, unknown> | null | undefined;
  const presenting =
    p && Number.isInteger(p.index) && (p.index as number) >= 0 && (p.index as number) < 100_000 && typeof p.focus === 'string' && p.focus.length <= 200
      ? { index: p.index as number, focus: p.focus }
      : null;
  return { clientId, user: { name, color }, cursor, selection, editing, presenting };
}

/** Everyone but this device, in a stable order. */
export function readPeers(states: ReadonlyMap<number, unknown>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, raw] of states) {
    if (clientId === self) continue;
    const peer = readPeer(clientId, raw);
    if (peer) peers.push(peer);
  }
  return peers.sort((a, b) => a.clientId - b.clientId);
}
