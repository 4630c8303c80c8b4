/**
 * Order as fractional keys (fractional-indexing's default alphabet: a head letter, base-62
 * digits). Two peers that insert at the same spot can make the same key; readers break such
 * ties by id, so every peer sees one order, and the next local reorder gives one of them a key
 * of its own. Pure.
 */
import { generateNKeysBetween } from 'fractional-indexing';

/**
 * Keys grow by about one character per handful of inserts at one spot; no user gets near this,
 * while a hostile peer's 10 MB "key" is refused before it is compared with anything.
 */
export const MAX_KEY_LENGTH = 10_000;

const DIGITS = /^[0-9A-Za-z]+$/;
const SMALLEST = `A${'0'.repeat(26)}`;

/**
 * A key generateKeyBetween accepts as a neighbour. The library checks the head and the length
 * of the integer part, not the digits after it, so a peer's "a0~" would yield garbage keys:
 * this checks all of it.
 */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH || !DIGITS.test(key)) return false;
  const head = key.charCodeAt(0);
  // a..z: integer parts of 2..27 characters; Z..A: the negative ones, 2..27 as well.
  const intLength = head >= 97 ? head - 97 + 2 : head >= 65 && head <= 90 ? 90 - head + 2 : 0;
  if (intLength === 0 || key.length < intLength || key === SMALLEST) return false;
  return key.length === intLength || !key.endsWith('0');
}

/** Reading order: by key, then by id, so equal keys from concurrent inserts still sort one way. */
export function byKeyThenId(a: { key: string; id: string }, b: { key: string; id: string }): number {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The keys to set so that `ids` read in this order, given each one's current key (undefined:
 * none, or one that must not be kept). The longest run of current keys that is already strictly
 * increasing keeps its keys; only the others get new ones, between their kept neighbours. So a
 * move rewrites one key, an insert adds one, and a delete none. Returns only the keys to write.
 */
export function rekey(ids: readonly string[], current: (id: string) => string | undefined): Map<string, string> {
  const keys = ids.map((id) => {
    const key = current(id);
    return isOrderKey(key) ? key : undefined;
  });
  const kept = longestIncreasing(keys);
  const out = new Map<string, string>();
  let lo: string | null = null;
  let gap: string[] = [];
  const fill = (hi: string | null) => {
    if (gap.length === 0) return;
    generateNKeysBetween(lo, hi, gap.length).forEach((key, i) => out.set(gap[i]!, key));
    gap = [];
  };
  ids.forEach((id, i) => {
    const key = keys[i];
    if (kept.has(i) && key !== undefined) {
      fill(key);
      lo = key;
    } else gap.push(id);
  });
  fill(null);
  return out;
}

/** Indexes of a longest strictly increasing subsequence of the defined keys (O(n log n)). */
function longestIncreasing(keys: readonly (string | undefined)[]): Set<number> {
  // tails[l]: index of the smallest last key of an increasing run of length l + 1.
  const tails: number[] = [];
  const before = new Array<number>(keys.length).fill(-1);
  keys.forEach((key, i) => {
    if (key === undefined) return;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[tails[mid]!]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const out = new Set<number>();
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = before[i]!) out.add(i);
  return out;
}
