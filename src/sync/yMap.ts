/**
 * A journey map as a Yjs document, and back. The Zod schema stays the one definition of the
 * document; this module only says where its parts live in a Y.Doc:
 *
 *   meta         Y.Map: the map's own fields (title, language, personaIds, channels, ...)
 *   stages       Y.Map id -> Y.Map of the stage's fields and `pos`, its order key
 *   lanes        the same for lanes
 *   cards        the same for cards; `pos` orders a card inside its stage x lane cell
 *   connections  Y.Map id -> Y.Map of the arrow's fields
 *   comments     Y.Map id -> Y.Map of the comment's fields (replies are comments of their own,
 *                so two replies at once are both kept)
 *
 * Each field is its own entry, so two people editing different fields of one card both keep
 * their edit, and order is fractional keys (./order.ts), so two cards added to one cell at once
 * both land there. Writing sends only what changed; reading validates each entity on its own,
 * skips and reports what cannot be read (a peer's bad entity never crashes anyone, never
 * deletes anything), and keeps every unchanged entity identical to the previous document's so
 * the canvas skips it.
 */
import * as Y from 'yjs';
import * as z from 'zod/mini';
import { cellKey } from '../model/cells';
import { restoreMap } from '../model/restore';
import {
  CURRENT_SCHEMA_VERSION,
  CardSchema,
  CommentSchema,
  ConnectionSchema,
  JourneyMapSchema,
  LaneSchema,
  StageSchema,
  type Card,
  type Comment,
  type Connection,
  type JourneyMap,
  type Lane,
  type Stage,
} from '../model/schema';
import { byKeyThenId, isOrderKey, rekey } from './order';

type Entity = { id: string };
type Collection = 'stages' | 'lanes' | 'cards' | 'connections' | 'comments';

/** Something a peer wrote that this device could not read: skipped, left in the document, reported. */
export interface Problem {
  collection: Collection | 'meta';
  id: string;
  /** invalid: fails the schema; orphan: its stage, lane or card is gone. */
  reason: 'invalid' | 'orphan' | 'too-many';
}

export interface ReadResult {
  /** The document, or null when the Y.Doc holds none (empty, or unreadable as a whole). */
  map: JourneyMap | null;
  problems: Problem[];
  /** Written by a newer Journeyboard: shown as this device last had it, never written over. */
  newer: boolean;
}

const COLLECTIONS: readonly Collection[] = ['stages', 'lanes', 'cards', 'connections', 'comments'];
const ENTITY_FIELDS = new Set<string>(COLLECTIONS);
const POS = 'pos';
/** Schema ceilings on counts (schema.ts): a peer cannot make a map nobody can open. */
const MAX_COUNT: Record<Collection, number> = { stages: 500, lanes: 200, cards: 50_000, connections: 50_000, comments: 20_000 };
const MetaSchema = z.omit(JourneyMapSchema, { stages: true, lanes: true, cards: true, connections: true, comments: true });

export const metaOf = (ydoc: Y.Doc) => ydoc.getMap<unknown>('meta');
const collectionOf = (ydoc: Y.Doc, name: Collection) => ydoc.getMap<Y.Map<unknown>>(name);

/** The Y types an undo manager watches: every part of the map. */
export function rootsOf(ydoc: Y.Doc): Y.Map<unknown>[] {
  return [metaOf(ydoc), ...COLLECTIONS.map((name) => ydoc.getMap<unknown>(name))];
}

const same = (a: unknown, b: unknown) =>
  a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

// ---------------------------------------------------------------------------------------
// Writing

/**
 * Writes `next` into `ydoc` in one transaction, given `prev`, the document the Y.Doc held as
 * this device last read or wrote it (null: the Y.Doc is empty). Only entities that are not
 * identical to prev's are looked at, and only their changed fields are set.
 */
export function writeMap(ydoc: Y.Doc, prev: JourneyMap | null, next: JourneyMap, origin: unknown): void {
  if (prev === next) return;
  ydoc.transact(() => {
    const meta = metaOf(ydoc);
    for (const [key, value] of Object.entries(next)) {
      if (ENTITY_FIELDS.has(key)) continue;
      if (value === undefined) meta.delete(key);
      else if (!same(meta.get(key), value)) meta.set(key, value);
    }
    writeEntities(collectionOf(ydoc, 'stages'), prev?.stages, next.stages, true);
    writeEntities(collectionOf(ydoc, 'lanes'), prev?.lanes, next.lanes, true);
    writeCards(collectionOf(ydoc, 'cards'), prev?.cards, next.cards);
    writeEntities(collectionOf(ydoc, 'connections'), prev?.connections, next.connections, false);
    // A map without comments has no field for them; the Y.Doc just has no entries.
    if (prev?.comments !== next.comments) writeEntities(collectionOf(ydoc, 'comments'), prev ? (prev.comments ?? []) : undefined, next.comments ?? [], false);
  }, origin);
}

/** Sets the fields of `entity` that differ in `entry` and removes those it no longer has (not `pos`). */
export function writeFields(entry: Y.Map<unknown>, entity: object, skip?: string): void {
  const fields = entity as Record<string, unknown>;
  for (const [key, value] of Object.entries(fields)) {
    if (key === skip) continue;
    if (value === undefined) entry.delete(key);
    else if (!same(entry.get(key), value)) entry.set(key, value);
  }
  for (const key of entry.keys()) {
    if (key !== POS && !(key in fields && fields[key] !== undefined)) entry.delete(key);
  }
}

/** Writes the changed entities of one collection; returns the ids written, added or removed. */
function writeChanged<T extends Entity>(target: Y.Map<Y.Map<unknown>>, prev: readonly T[] | undefined, next: readonly T[], skip?: string): Set<string> {
  const touched = new Set<string>();
  if (prev === next) return touched;
  const before = new Map(prev?.map((e) => [e.id, e]));
  const ids = new Set<string>();
  for (const entity of next) {
    ids.add(entity.id);
    let entry = target.get(entity.id);
    if (before.get(entity.id) === entity && entry) continue;
    if (!entry) {
      entry = new Y.Map<unknown>();
      target.set(entity.id, entry);
    }
    writeFields(entry, entity, skip);
    touched.add(entity.id);
  }
  // Removed since prev; with no prev (first write) whatever else the Y.Doc held goes too.
  const gone = prev ? prev.filter((e) => !ids.has(e.id)).map((e) => e.id) : [...target.keys()].filter((id) => !ids.has(id));
  for (const id of gone) {
    target.delete(id);
    touched.add(id);
  }
  return touched;
}

function writeEntities<T extends Entity>(target: Y.Map<Y.Map<unknown>>, prev: readonly T[] | undefined, next: readonly T[], ordered: boolean): void {
  const touched = writeChanged(target, prev, next);
  if (!ordered || prev === next) return;
  if (touched.size === 0 && prev && prev.length === next.length && prev.every((e, i) => e.id === next[i]!.id)) return;
  setKeys(target, next.map((e) => e.id));
}

function writeCards(target: Y.Map<Y.Map<unknown>>, prev: readonly Card[] | undefined, next: readonly Card[]): void {
  if (prev === next) return;
  const before = new Map(prev?.map((c) => [c.id, c]));
  // A card whose cell or order changed reorders its cell (and the one it left).
  const cells = new Set<string>();
  for (const card of next) {
    const old = before.get(card.id);
    if (old === card) continue;
    cells.add(cellKey(card.stageId, card.laneId));
    if (old) cells.add(cellKey(old.stageId, old.laneId));
  }
  writeChanged(target, prev, next, 'order');
  if (cells.size === 0) return;
  const inCell = new Map<string, Card[]>();
  for (const card of next) {
    const key = cellKey(card.stageId, card.laneId);
    if (!cells.has(key)) continue;
    const list = inCell.get(key);
    if (list) list.push(card);
    else inCell.set(key, [card]);
  }
  for (const list of inCell.values()) setKeys(target, list.sort((a, b) => a.order - b.order).map((c) => c.id));
}

/** Gives `ids` keys that read in this order, rewriting as few as it can. */
function setKeys(target: Y.Map<Y.Map<unknown>>, ids: readonly string[]): void {
  const keys = rekey(ids, (id) => target.get(id)?.get(POS) as string | undefined);
  for (const [id, key] of keys) target.get(id)?.set(POS, key);
}

// ---------------------------------------------------------------------------------------
// Reading

interface Parsed<T> {
  value: T | null;
  key: string;
}

export interface MapReader {
  /** The document the Y.Doc holds now, reusing `previous`'s objects wherever nothing changed. */
  read(previous?: JourneyMap | null): ReadResult;
  destroy(): void;
}

/**
 * A reader that remembers each entity it parsed until a transaction changes it, so a
 * colleague's one edit re-validates one card, not five thousand.
 */
export function createReader(ydoc: Y.Doc): MapReader {
  const cache = new WeakMap<Y.Map<unknown>, Parsed<unknown>>();
  const forget = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) if (type instanceof Y.Map) cache.delete(type);
  };
  ydoc.on('afterTransaction', forget);

  function parse<T>(entry: unknown, schema: z.ZodMiniType<T>, extra?: object): Parsed<T> {
    if (!(entry instanceof Y.Map)) return { value: null, key: '' };
    const hit = cache.get(entry);
    if (hit) return hit as Parsed<T>;
    const { [POS]: key, ...fields } = entry.toJSON() as Record<string, unknown>;
    const result = z.safeParse(schema, { ...fields, ...extra });
    const parsed = { value: result.success ? result.data : null, key: isOrderKey(key) ? key : '' };
    cache.set(entry, parsed);
    return parsed;
  }

  function read(previous?: JourneyMap | null): ReadResult {
    const problems: Problem[] = [];
    const metaJson = metaOf(ydoc).toJSON() as Record<string, unknown>;
    if (Object.keys(metaJson).length === 0) return { map: null, problems, newer: false };
    // Another schema (older, or a newer Journeyboard's): its JSON form goes through the restore chain.
    if (metaJson.schemaVersion !== CURRENT_SCHEMA_VERSION) return readWhole(metaJson);
    const meta = z.safeParse(MetaSchema, metaJson);
    if (!meta.success) return { map: null, problems: [{ collection: 'meta', id: String(metaJson.id ?? ''), reason: 'invalid' }], newer: false };

    const seen = new Set<string>();
    const collect = <T extends Entity>(name: Collection, schema: z.ZodMiniType<T>, extra?: object) => {
      const out: { value: T; key: string }[] = [];
      for (const [id, entry] of collectionOf(ydoc, name)) {
        const { value, key } = parse(entry, schema, extra);
        if (!value || value.id !== id || seen.has(id)) problems.push({ collection: name, id, reason: 'invalid' });
        else if (out.length >= MAX_COUNT[name]) problems.push({ collection: name, id, reason: 'too-many' });
        else {
          seen.add(id);
          out.push({ value, key });
        }
      }
      return out;
    };

    const stages = collect<Stage>('stages', StageSchema).sort(keyOrder).map((s) => s.value);
    const lanes = collect<Lane>('lanes', LaneSchema).sort(keyOrder).map((l) => l.value);
    const stageAt = new Map(stages.map((s, i) => [s.id, i]));
    const laneKind = new Map(lanes.map((l) => [l.id, l.kind]));

    // Cards: only those whose stage and lane (of their kind) are here, dense order per cell by key.
    const cells = new Map<string, { value: Card; key: string }[]>();
    for (const item of collect<Card>('cards', CardSchema as z.ZodMiniType<Card>, { order: 0 })) {
      const card = item.value;
      if (!stageAt.has(card.stageId) || laneKind.get(card.laneId) !== card.kind) {
        problems.push({ collection: 'cards', id: card.id, reason: 'orphan' });
        continue;
      }
      const cell = cellKey(card.stageId, card.laneId);
      const list = cells.get(cell);
      if (list) list.push(item);
      else cells.set(cell, [item]);
    }
    const cards: Card[] = [];
    for (const list of cells.values()) {
      list.sort(keyOrder).forEach(({ value }, order) => cards.push(value.order === order ? value : { ...value, order }));
    }
    const kindOf = new Map(cards.map((c) => [c.id, c.kind]));

    const personaIds = [...new Set(meta.data.personaIds)];
    const linked = new Set(personaIds);
    const connections: Connection[] = [];
    for (const { value } of collect<Connection>('connections', ConnectionSchema)) {
      // An arrow whose end a colleague deleted goes with it, as deleting the card locally does.
      if (!kindOf.has(value.from) || !kindOf.has(value.to) || value.from === value.to) continue;
      connections.push(value.personaId !== undefined && !linked.has(value.personaId) ? withOut(value, 'personaId') : value);
    }

    // Comments whose card or stage a colleague deleted go with it (as deleting it locally does),
    // and so do replies whose thread is gone; threads read oldest first.
    const parsedComments = collect<Comment>('comments', CommentSchema).map((c) => c.value);
    const pinned = (c: Comment) => c.targetId === undefined || kindOf.has(c.targetId) || stageAt.has(c.targetId);
    const threads = new Map(parsedComments.filter((c) => c.parentId === undefined && pinned(c)).map((c) => [c.id, c]));
    const comments = parsedComments
      .filter((c) => (c.parentId === undefined ? pinned(c) : threads.get(c.parentId)?.targetId === c.targetId))
      .sort((a, b) => (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? -1 : 1) : a.id < b.id ? -1 : 1));

    // Links that concurrent edits can leave dangling are repaired, as the restore chain would.
    const repairedStages = stages.map((s, i) => {
      if (s.loopsTo === undefined) return s;
      const target = stageAt.get(s.loopsTo);
      return target !== undefined && target < i ? s : withOut(s, 'loopsTo');
    });
    const repairedCards = cards.map((c) =>
      c.kind === 'pain' && c.touchpointId !== undefined && kindOf.get(c.touchpointId) !== 'touchpoint' ? withOut(c, 'touchpointId') : c,
    );

    const read: JourneyMap = {
      ...meta.data,
      personaIds,
      stages: repairedStages,
      lanes,
      cards: sortLike(previous?.cards, repairedCards),
      connections: sortLike(previous?.connections, connections),
    };
    // No comments, no field: as the model keeps a map that has none.
    if (comments.length > 0) read.comments = sortLike(previous?.comments, comments);
    const map = reuse(previous ?? null, read);
    return { map, problems, newer: false };
  }

  /**
   * A document of another schema as JSON, through the migrations as a file would go; one from a
   * newer Journeyboard comes back as a best-effort view, flagged so that nobody writes over it.
   */
  function readWhole(metaJson: Record<string, unknown>): ReadResult {
    const json: Record<string, unknown> = { ...metaJson };
    for (const name of COLLECTIONS) {
      const items = [...collectionOf(ydoc, name).values()].map((entry) => (entry instanceof Y.Map ? (entry.toJSON() as Record<string, unknown>) : {}));
      json[name] = items.sort((a, b) => byKeyThenId({ key: String(a[POS] ?? ''), id: String(a.id) }, { key: String(b[POS] ?? ''), id: String(b.id) }));
    }
    const cellCount = new Map<string, number>();
    json.cards = (json.cards as Record<string, unknown>[]).map(({ [POS]: _pos, ...card }) => {
      const key = cellKey(String(card.stageId), String(card.laneId));
      const order = cellCount.get(key) ?? 0;
      cellCount.set(key, order + 1);
      return { ...card, order };
    });
    for (const name of ['stages', 'lanes', 'connections', 'comments'] as const) {
      json[name] = (json[name] as Record<string, unknown>[]).map(({ [POS]: _pos, ...rest }) => rest);
    }
    if ((json.comments as unknown[]).length === 0) delete json.comments;
    const restored = restoreMap(json);
    if (restored.kind === 'ok') return { map: restored.doc, problems: [], newer: false };
    if (restored.kind === 'newer') return { map: restored.doc ?? null, problems: [], newer: true };
    return { map: null, problems: [{ collection: 'meta', id: String(metaJson.id ?? ''), reason: 'invalid' }], newer: false };
  }

  return { read, destroy: () => ydoc.off('afterTransaction', forget) };
}

/** One read, for callers that do not keep a reader (tests, a first look at a stored state). */
export function readMap(ydoc: Y.Doc, previous?: JourneyMap | null): ReadResult {
  const reader = createReader(ydoc);
  try {
    return reader.read(previous);
  } finally {
    reader.destroy();
  }
}

const keyOrder = (a: { value: Entity; key: string }, b: { value: Entity; key: string }) =>
  byKeyThenId({ key: a.key, id: a.value.id }, { key: b.key, id: b.value.id });

function withOut<T extends object, K extends keyof T>(value: T, key: K): T {
  const copy = { ...value };
  delete copy[key];
  return copy;
}

/**
 * Entities in the previous document's order where they were there, new ones after: the arrays
 * the editor had stay recognisable (and identical when nothing changed). Cards, arrows and
 * comments are sets in a map (a card's place in its cell is its `order`), so this is safe.
 */
function sortLike<T extends Entity>(previous: readonly T[] | undefined, items: T[]): T[] {
  if (!previous) return items;
  const at = new Map(previous.map((e, i) => [e.id, i]));
  return items.sort((a, b) => (at.get(a.id) ?? Infinity) - (at.get(b.id) ?? Infinity));
}

function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function reuseList<T extends Entity>(previous: readonly T[] | undefined, next: T[]): T[] {
  if (!previous) return next;
  const before = new Map(previous.map((e) => [e.id, e]));
  const out = next.map((e) => {
    const old = before.get(e.id);
    return old && shallowEqual(old, e) ? old : e;
  });
  return out.length === previous.length && out.every((e, i) => e === previous[i]) ? (previous as T[]) : out;
}

/** `next` with every part that equals `previous`'s replaced by it; previous itself when nothing changed. */
function reuse(previous: JourneyMap | null, next: JourneyMap): JourneyMap {
  if (!previous) return next;
  const merged: JourneyMap = {
    ...next,
    personaIds: same(previous.personaIds, next.personaIds) ? previous.personaIds : next.personaIds,
    channels: same(previous.channels, next.channels) ? previous.channels : next.channels,
    stages: reuseList(previous.stages, next.stages),
    lanes: reuseList(previous.lanes, next.lanes),
    cards: reuseList(previous.cards, next.cards),
    connections: reuseList(previous.connections, next.connections),
  };
  if (next.comments) merged.comments = reuseList(previous.comments, next.comments);
  const keys = Object.keys(merged) as (keyof JourneyMap)[];
  const unchanged =
    keys.length === Object.keys(previous).length &&
    keys.every((k) => (ENTITY_FIELDS.has(k) || k === 'personaIds' || k === 'channels' ? merged[k] === previous[k] : same(merged[k], previous[k])));
  return unchanged ? previous : merged;
}
