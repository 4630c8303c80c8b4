/**
 * Pure operations on a persona, with the same contract as operations.ts: the input
 * is never mutated, and a request that changes nothing or that the schema rejects
 * returns the very same object. `updatedAt` is left to the store (touchPersona).
 */
import type { ChannelId } from './channels';
import { PersonaSchema, type Persona } from './schema';

export const PERSONA_LIST_FIELDS = ['goals', 'needs', 'motivations', 'frustrations', 'behaviours'] as const;
export type PersonaListField = (typeof PERSONA_LIST_FIELDS)[number];

export type PersonaPatch = Partial<Omit<Persona, 'id' | 'schemaVersion' | 'createdAt' | 'updatedAt'>>;

const FIXED_KEYS = ['id', 'schemaVersion', 'createdAt', 'updatedAt'] as const;

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function updatePersona(p: Persona, patch: PersonaPatch): Persona {
  const raw: Record<string, unknown> = { ...p };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) raw[k] = v;
  for (const k of FIXED_KEYS) raw[k] = p[k];
  const parsed = PersonaSchema.safeParse(raw);
  if (!parsed.success) return p;
  const next = parsed.data;
  const changed = (Object.keys(next) as (keyof Persona)[]).some((k) => !sameValue(next[k], p[k]));
  return changed ? next : p;
}

export function touchPersona(p: Persona, now: Date | string = new Date()): Persona {
  const updatedAt = typeof now === 'string' ? now : now.toISOString();
  return updatedAt === p.updatedAt ? p : { ...p, updatedAt };
}

function validIndex(list: readonly string[], index: number): boolean {
  return Number.isInteger(index) && index >= 0 && index < list.length;
}

/** Adds an item (empty by default, ready to type into) at `index`, or at the end. */
export function addListItem(p: Persona, field: PersonaListField, text = '', index?: number): Persona {
  const list = [...p[field]];
  const at = index === undefined || !Number.isFinite(index) ? list.length : Math.min(Math.max(Math.trunc(index), 0), list.length);
  list.splice(at, 0, text);
  return updatePersona(p, { [field]: list });
}

export function updateListItem(p: Persona, field: PersonaListField, index: number, text: string): Persona {
  if (!validIndex(p[field], index) || p[field][index] === text) return p;
  return updatePersona(p, { [field]: p[field].map((t, i) => (i === index ? text : t)) });
}

export function removeListItem(p: Persona, field: PersonaListField, index: number): Persona {
  if (!validIndex(p[field], index)) return p;
  return updatePersona(p, { [field]: p[field].filter((_, i) => i !== index) });
}

export function moveListItem(p: Persona, field: PersonaListField, from: number, to: number): Persona {
  const list = p[field];
  if (!validIndex(list, from) || !validIndex(list, to) || from === to) return p;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item ?? '');
  return updatePersona(p, { [field]: next });
}

export function togglePreferredChannel(p: Persona, channel: ChannelId): Persona {
  const has = p.preferredChannels.includes(channel);
  return updatePersona(p, {
    preferredChannels: has ? p.preferredChannels.filter((c) => c !== channel) : [...p.preferredChannels, channel],
  });
}

// ---------------------------------------------------------------------------
// Avatars

const segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;

function graphemes(text: string): string[] {
  return segmenter ? Array.from(segmenter.segment(text), (s) => s.segment) : Array.from(text);
}

/**
 * Thai writes some vowels before the consonant they follow in speech (เ แ โ ใ ไ),
 * and each is a grapheme of its own; Thai abbreviations skip them (ไปรษณีย์ → ปณ.).
 */
const THAI_LEADING_VOWEL = /^[\u0E40-\u0E44]$/u;
/** Letters that must not be the first grapheme of an initial: leading vowels, marks, punctuation. */
const NOT_AN_INITIAL = /^[\p{M}\p{P}\p{S}]/u;

function firstInitial(word: string): string | undefined {
  return graphemes(word).find((g) => !THAI_LEADING_VOWEL.test(g) && !NOT_AN_INITIAL.test(g));
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** ZERO WIDTH NON-JOINER: keeps two Persian initials from joining into one word shape. */
const ZWNJ = '\u200C';

/**
 * One or two letters for an avatar: the first grapheme of each of the first two
 * words, whole (so Vietnamese "Đặng" gives "Đ" and a Thai consonant keeps its marks).
 */
export function initials(name: string): string {
  const words = name.normalize('NFC').trim().split(/[\s\u200C]+/u).filter(Boolean);
  const letters = words
    .map(firstInitial)
    .filter((g): g is string => g !== undefined)
    .slice(0, 2)
    .map((g) => g.toLocaleUpperCase());
  if (letters.length === 0) return '?';
  const joiner = letters.every((g) => ARABIC_SCRIPT.test(g)) ? ZWNJ : '';
  return letters.join(joiner);
}

/** Darker tones: white initials on them keep a contrast of at least 4.5:1. */
const AVATAR_COLORS = [
  '#1f3a5f',
  '#8a3b12',
  '#2e6b30',
  '#6a1b9a',
  '#00695c',
  '#ad1457',
  '#4e342e',
  '#283593',
  '#b3261e',
  '#37474f',
  '#5d4037',
  '#1565c0',
] as const;

/** The same key always gets the same colour (FNV-1a over the UTF-16 code units). */
export function avatarColor(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return AVATAR_COLORS[hash % AVATAR_COLORS.length] ?? AVATAR_COLORS[0];
}
