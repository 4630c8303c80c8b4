/**
 * Pure operations on a journey map: (doc, …) → doc.
 *
 * Conventions shared by every operation in this file:
 * - The input is never mutated. When a request changes nothing, or cannot be honoured
 *   (an unknown id, a card that does not fit the target lane, a value the schema
 *   rejects), the very same doc object comes back: `next === doc` means "no-op", so
 *   the store can skip an undo step and a write. Nothing here throws on user input.
 * - Entities that did not change keep their object identity, so derived views
 *   (toFlow) can cache by object.
 * - Add-operations take an optional `id` in their input and make one with newId()
 *   otherwise; a caller that needs the new id (to select the new card, say) passes
 *   its own. An id that is malformed or already used by any entity makes the add a
 *   no-op. Operations that create several cards at once (duplicateCards, pasteCards)
 *   report them through `addedCardIds(before, after)`.
 * - Operations never stamp `updatedAt`: they stay deterministic, and the store calls
 *   `touch(doc, now)` once per committed gesture.
 * - Every operation keeps the invariants of invariants.ts (mapViolations stays empty).
 */
import { isLocale, type Locale } from '../i18n/locales';
import * as z from 'zod/mini';
import { ChannelSchema, DEFAULT_CHANNELS, type Channel, type ChannelId } from './channels';
import { newId } from './ids';
import {
  CardSchema,
  ConnectionSchema,
  IdSchema,
  JourneyMapSchema,
  LaneSchema,
  StageSchema,
  type Card,
  type CardOf,
  type Connection,
  type Direction,
  type JourneyMap,
  type Lane,
  type LaneKind,
  type Stage,
} from './schema';
import { cellKey } from './cells';
import { withoutCommentsOn } from './comments';

// ---------------------------------------------------------------------------
// Types of the inputs

type Editable<C> = Omit<C, 'id' | 'kind' | 'stageId' | 'laneId' | 'order'>;
type AllCardFields = Editable<CardOf<'text'>> &
  Editable<CardOf<'touchpoint'>> &
  Editable<CardOf<'emotion'>> &
  Omit<Editable<CardOf<'pain'>>, 'touchpointId'> &
  Editable<CardOf<'opportunity'>> &
  Editable<CardOf<'kpi'>>;

/**
 * The fields a card can be given or edited with. Fields that do not belong to the
 * card's kind are ignored. `touchpointId: null` removes a pain card's link.
 */
export type CardPatch = Partial<AllCardFields> & { touchpointId?: string | null };

/** A cell of the grid, and a position in it (default: the end). */
export interface CellTarget {
  stageId: string;
  laneId: string;
  index?: number;
}

export interface NewStage {
  id?: string;
  name: string;
  index?: number;
  description?: string;
  color?: string;
  notes?: string;
}

/** `null` clears an optional field (color, loopsTo). */
export interface StagePatch {
  name?: string;
  description?: string;
  color?: string | null;
  notes?: string;
  loopsTo?: string | null;
}

export interface NewLane {
  id?: string;
  kind: LaneKind;
  title: string;
  index?: number;
}

export interface NewCard extends CardPatch {
  id?: string;
  stageId: string;
  laneId: string;
  index?: number;
}

export interface NewConnection {
  id?: string;
  from: string;
  to: string;
  label?: string;
  /** Whose path the arrow is; must be one of the map's personas. */
  personaId?: string;
}

export type ChannelPatch = Partial<Omit<Channel, 'id'>>;

// ---------------------------------------------------------------------------
// Small helpers

const SEP = '\u0000';
const keyOf = (c: Card) => cellKey(c.stageId, c.laneId);
const byOrder = (a: Card, b: Card) => a.order - b.order;

/** Zod treats a present-but-undefined key as present; drop them so defaults apply. */
function defined<T extends object>(obj: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as Partial<T>;
}

function sameFields(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    const va = ra[k];
    const vb = rb[k];
    if (Array.isArray(va) && Array.isArray(vb)) {
      if (va.length !== vb.length || va.some((x, i) => x !== vb[i])) return false;
    } else if (va !== vb) return false;
  }
  return true;
}

/** A position in 0..length; anything not a finite number means "at the end". */
function clampIndex(index: number | undefined, length: number): number {
  if (index === undefined || !Number.isFinite(index)) return length;
  return Math.min(Math.max(Math.trunc(index), 0), length);
}

function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  if (item !== undefined) out.splice(to, 0, item);
  return out;
}

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const out = [...items];
  out[index] = item;
  return out;
}

function idTaken(doc: JourneyMap, id: string): boolean {
  return (
    doc.stages.some((s) => s.id === id) ||
    doc.lanes.some((l) => l.id === id) ||
    doc.cards.some((c) => c.id === id) ||
    doc.connections.some((k) => k.id === id) ||
    (doc.comments ?? []).some((c) => c.id === id)
  );
}

/** The id for a new entity, or null when the requested one cannot be used. */
function freshId(doc: JourneyMap, requested: string | undefined): string | null {
  if (requested === undefined) return newId();
  if (!IdSchema.safeParse(requested).success || idTaken(doc, requested)) return null;
  return requested;
}

/** Cards grouped by cell, each group sorted by order. */
function groupCells(cards: readonly Card[]): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const c of cards) {
    const key = keyOf(c);
    const list = cells.get(key);
    if (list) list.push(c);
    else cells.set(key, [c]);
  }
  for (const list of cells.values()) list.sort(byOrder);
  return cells;
}

interface Placement {
  stageId: string;
  laneId: string;
  order: number;
}

function place(card: Card, p: Placement): Card {
  if (card.stageId === p.stageId && card.laneId === p.laneId && card.order === p.order) return card;
  return { ...card, stageId: p.stageId, laneId: p.laneId, order: p.order };
}

/** Record that `sequence` is the full, final content of one cell, in order. */
function layCell(out: Map<string, Placement>, stageId: string, laneId: string, sequence: readonly Card[]) {
  sequence.forEach((c, order) => out.set(c.id, { stageId, laneId, order }));
}

/** Apply placements (and append new cards); the same doc when no card moved. */
function applyLayout(doc: JourneyMap, placements: Map<string, Placement>, added: readonly Card[] = []): JourneyMap {
  let changed = added.length > 0;
  const cards = doc.cards.map((c) => {
    const p = placements.get(c.id);
    if (!p) return c;
    const next = place(c, p);
    if (next !== c) changed = true;
    return next;
  });
  for (const a of added) {
    const p = placements.get(a.id);
    cards.push(p ? place(a, p) : a);
  }
  return changed ? { ...doc, cards } : doc;
}

function withoutTouchpoint(card: Card): Card {
  if (card.kind !== 'pain' || card.touchpointId === undefined) return card;
  const { touchpointId: _gone, ...rest } = card;
  return rest;
}

/**
 * Remove cards and everything that pointed at them: arrows, pain links; the cells
 * they leave are renumbered so orders stay dense.
 */
function removeCards(doc: JourneyMap, remove: ReadonlySet<string>): JourneyMap {
  const emptied = new Set<string>();
  const kept: Card[] = [];
  for (const c of doc.cards) {
    if (remove.has(c.id)) emptied.add(keyOf(c));
    else kept.push(c.kind === 'pain' && c.touchpointId !== undefined && remove.has(c.touchpointId) ? withoutTouchpoint(c) : c);
  }
  if (kept.length === doc.cards.length) return doc;
  const placements = new Map<string, Placement>();
  for (const [key, seq] of groupCells(kept)) {
    const first = seq[0];
    if (emptied.has(key) && first) layCell(placements, first.stageId, first.laneId, seq);
  }
  const cards = kept.map((c) => {
    const p = placements.get(c.id);
    return p ? place(c, p) : c;
  });
  const connections = doc.connections.filter((k) => !remove.has(k.from) && !remove.has(k.to));
  return withoutCommentsOn(
    {
      ...doc,
      cards,
      connections: connections.length === doc.connections.length ? doc.connections : connections,
    },
    remove,
  );
}

/** A loop has to point back to an earlier stage; after a reorder some no longer do. */
function dropInvalidLoops(stages: readonly Stage[]): Stage[] {
  const index = new Map(stages.map((s, i) => [s.id, i]));
  return stages.map((s, i) => {
    if (s.loopsTo === undefined) return s;
    const target = index.get(s.loopsTo);
    if (target !== undefined && target < i) return s;
    const { loopsTo: _dropped, ...rest } = s;
    return rest;
  });
}

function isTouchpoint(doc: JourneyMap, id: string): boolean {
  return doc.cards.some((c) => c.id === id && c.kind === 'touchpoint');
}

/** Parse a candidate card; null when the schema or the pain link rejects it. */
function validCard(doc: JourneyMap, raw: Record<string, unknown>): Card | null {
  if (raw.touchpointId === null) delete raw.touchpointId;
  const parsed = CardSchema.safeParse(raw);
  if (!parsed.success) return null;
  const card = parsed.data;
  if (card.kind === 'pain' && card.touchpointId !== undefined && !isTouchpoint(doc, card.touchpointId)) return null;
  return card;
}

const BASE_KEYS = ['id', 'kind', 'stageId', 'laneId', 'order'] as const;
function editableFields(patch: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...defined(patch) };
  for (const k of BASE_KEYS) delete out[k];
  delete out.index;
  return out;
}

// ---------------------------------------------------------------------------
// Queries

/** The cards of one cell, in their order. */
export function cardsInCell(doc: JourneyMap, stageId: string, laneId: string): Card[] {
  return doc.cards.filter((c) => c.stageId === stageId && c.laneId === laneId).sort(byOrder);
}

/** Ids of the cards `after` has and `before` had not, e.g. to select what was just pasted. */
export function addedCardIds(before: JourneyMap, after: JourneyMap): string[] {
  const old = new Set(before.cards.map((c) => c.id));
  return after.cards.filter((c) => !old.has(c.id)).map((c) => c.id);
}

/** Stamp the time of the last change; the store calls it once per committed gesture. */
export function touch(doc: JourneyMap, now: Date | string = new Date()): JourneyMap {
  const updatedAt = typeof now === 'string' ? now : now.toISOString();
  return updatedAt === doc.updatedAt ? doc : { ...doc, updatedAt };
}

// ---------------------------------------------------------------------------
// Stages

export function addStage(doc: JourneyMap, input: NewStage): JourneyMap {
  const id = freshId(doc, input.id);
  if (id === null) return doc;
  const { index, ...fields } = input;
  const parsed = StageSchema.safeParse(defined({ ...fields, id }));
  if (!parsed.success) return doc;
  const stages = [...doc.stages];
  stages.splice(clampIndex(index, stages.length), 0, parsed.data);
  return { ...doc, stages };
}

export function updateStage(doc: JourneyMap, id: string, patch: StagePatch): JourneyMap {
  const at = doc.stages.findIndex((s) => s.id === id);
  const stage = doc.stages[at];
  if (!stage) return doc;
  const raw: Record<string, unknown> = { ...stage };
  const { name, description, color, notes, loopsTo } = patch;
  Object.assign(raw, defined({ name, description, notes }));
  if (color === null) delete raw.color;
  else if (color !== undefined) raw.color = color;
  if (loopsTo === null) delete raw.loopsTo;
  else if (loopsTo !== undefined) {
    const target = doc.stages.findIndex((s) => s.id === loopsTo);
    if (target < 0 || target >= at) return doc;
    raw.loopsTo = loopsTo;
  }
  const parsed = StageSchema.safeParse(raw);
  if (!parsed.success || sameFields(stage, parsed.data)) return doc;
  return { ...doc, stages: replaceAt(doc.stages, at, parsed.data) };
}

export function renameStage(doc: JourneyMap, id: string, name: string): JourneyMap {
  return updateStage(doc, id, { name });
}

/** Loops that would point forward after the move are dropped (of the moved stage and of others). */
export function moveStage(doc: JourneyMap, id: string, toIndex: number): JourneyMap {
  const from = doc.stages.findIndex((s) => s.id === id);
  if (from < 0 || !Number.isFinite(toIndex)) return doc;
  const to = clampIndex(toIndex, doc.stages.length - 1);
  if (from === to) return doc;
  return { ...doc, stages: dropInvalidLoops(moveItem(doc.stages, from, to)) };
}

/** Removes the stage's cards, arrows and pain links to them, and loops back to it. */
export function deleteStage(doc: JourneyMap, id: string): JourneyMap {
  if (!doc.stages.some((s) => s.id === id)) return doc;
  const stages = dropInvalidLoops(doc.stages.filter((s) => s.id !== id));
  const gone = new Set(doc.cards.filter((c) => c.stageId === id).map((c) => c.id));
  return withoutCommentsOn(removeCards({ ...doc, stages }, gone), new Set([id]));
}

// ---------------------------------------------------------------------------
// Lanes

export function addLane(doc: JourneyMap, input: NewLane): JourneyMap {
  const id = freshId(doc, input.id);
  if (id === null) return doc;
  const parsed = LaneSchema.safeParse({ id, kind: input.kind, title: input.title });
  if (!parsed.success) return doc;
  const lanes = [...doc.lanes];
  lanes.splice(clampIndex(input.index, lanes.length), 0, parsed.data);
  return { ...doc, lanes };
}

export function renameLane(doc: JourneyMap, id: string, title: string): JourneyMap {
  const at = doc.lanes.findIndex((l) => l.id === id);
  const lane = doc.lanes[at];
  if (!lane || lane.title === title) return doc;
  const parsed = LaneSchema.safeParse({ ...lane, title });
  if (!parsed.success) return doc;
  return { ...doc, lanes: replaceAt(doc.lanes, at, parsed.data) };
}

/** A lane's kind can change only while it is empty: its cards could not follow. */
export function setLaneKind(doc: JourneyMap, id: string, kind: LaneKind): JourneyMap {
  const at = doc.lanes.findIndex((l) => l.id === id);
  const lane = doc.lanes[at];
  if (!lane || lane.kind === kind || doc.cards.some((c) => c.laneId === id)) return doc;
  const parsed = LaneSchema.safeParse({ ...lane, kind });
  if (!parsed.success) return doc;
  return { ...doc, lanes: replaceAt(doc.lanes, at, parsed.data) };
}

export function moveLane(doc: JourneyMap, id: string, toIndex: number): JourneyMap {
  const from = doc.lanes.findIndex((l) => l.id === id);
  if (from < 0 || !Number.isFinite(toIndex)) return doc;
  const to = clampIndex(toIndex, doc.lanes.length - 1);
  if (from === to) return doc;
  return { ...doc, lanes: moveItem(doc.lanes, from, to) };
}

/** Removes the lane's cards and the arrows and pain links to them. */
export function deleteLane(doc: JourneyMap, id: string): JourneyMap {
  if (!doc.lanes.some((l) => l.id === id)) return doc;
  const lanes = doc.lanes.filter((l) => l.id !== id);
  const gone = new Set(doc.cards.filter((c) => c.laneId === id).map((c) => c.id));
  return removeCards({ ...doc, lanes }, gone);
}

// ---------------------------------------------------------------------------
// Cards

function findCell(doc: JourneyMap, stageId: string, laneId: string): Lane | undefined {
  if (!doc.stages.some((s) => s.id === stageId)) return undefined;
  return doc.lanes.find((l) => l.id === laneId);
}

/** The card's kind is the lane's; fields the kind does not have are ignored. */
export function addCard(doc: JourneyMap, input: NewCard): JourneyMap {
  const lane = findCell(doc, input.stageId, input.laneId);
  const id = lane ? freshId(doc, input.id) : null;
  if (!lane || id === null) return doc;
  const seq = cardsInCell(doc, input.stageId, input.laneId);
  const at = clampIndex(input.index, seq.length);
  const card = validCard(doc, {
    ...editableFields(input),
    id,
    kind: lane.kind,
    stageId: input.stageId,
    laneId: input.laneId,
    order: at,
  });
  if (!card) return doc;
  const placements = new Map<string, Placement>();
  layCell(placements, input.stageId, input.laneId, [...seq.slice(0, at), card, ...seq.slice(at)]);
  return applyLayout(doc, placements, [card]);
}

/** Edits a card's content; its kind, id and place are not patchable here (see moveCard). */
export function updateCard(doc: JourneyMap, id: string, patch: CardPatch): JourneyMap {
  const at = doc.cards.findIndex((c) => c.id === id);
  const card = doc.cards[at];
  if (!card) return doc;
  const next = validCard(doc, { ...card, ...editableFields(patch) });
  if (!next || sameFields(card, next)) return doc;
  return { ...doc, cards: replaceAt(doc.cards, at, next) };
}

/** `index` is where the card ends up in the target cell. */
export function moveCard(doc: JourneyMap, id: string, target: CellTarget): JourneyMap {
  return moveCards(doc, [id], target);
}

/**
 * Moves cards into one cell, keeping their reading order (stage, then lane, then
 * order). Only cards whose kind fits the target lane move. `index` is where the
 * first moved card ends up, counted among the cards that stay in the cell.
 */
export function moveCards(doc: JourneyMap, ids: readonly string[], target: CellTarget): JourneyMap {
  const lane = findCell(doc, target.stageId, target.laneId);
  if (!lane) return doc;
  const wanted = new Set(ids);
  const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(doc.lanes.map((l, i) => [l.id, i]));
  const moving = doc.cards
    .filter((c) => wanted.has(c.id) && c.kind === lane.kind)
    .sort(
      (a, b) =>
        (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
        (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
        a.order - b.order,
    );
  if (moving.length === 0) return doc;
  const movingIds = new Set(moving.map((c) => c.id));
  const cells = groupCells(doc.cards.filter((c) => !movingIds.has(c.id)));
  const targetKey = cellKey(target.stageId, target.laneId);
  const placements = new Map<string, Placement>();
  for (const c of moving) {
    const key = keyOf(c);
    if (key !== targetKey) layCell(placements, c.stageId, c.laneId, cells.get(key) ?? []);
  }
  const rest = cells.get(targetKey) ?? [];
  const at = clampIndex(target.index, rest.length);
  layCell(placements, target.stageId, target.laneId, [...rest.slice(0, at), ...moving, ...rest.slice(at)]);
  return applyLayout(doc, placements);
}

/** What `shiftCards` did with the cards that did not follow the anchor all the way. */
export interface ShiftResult {
  doc: JourneyMap;
  /** Moved by the stage offset but kept their lane: the lane the offset led to holds another kind, or there is none. */
  keptLane: string[];
  /** Stayed where they were: the stage offset led off the grid. */
  offGrid: string[];
}

/**
 * Moves a selection the way a drag shows it: the anchor (one of `ids`, the card the
 * user grabbed) goes to `target`, and every other card moves by the same number of
 * stages and lanes. A card whose lane offset leads to a lane of another kind (or
 * past the first or last lane) moves along its own lane; one whose stage offset leads
 * off the grid stays put. The cards that land in the anchor's new cell go there, in
 * reading order, at `target.index` (counted among the cards that stay in the cell);
 * the others go to the end of their new cell, in reading order. Cards whose cell does
 * not change keep their place.
 */
export function shiftCards(doc: JourneyMap, ids: readonly string[], anchorId: string, target: CellTarget): ShiftResult {
  const unchanged: ShiftResult = { doc, keptLane: [], offGrid: [] };
  const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(doc.lanes.map((l, i) => [l.id, i]));
  const wanted = new Set(ids);
  wanted.add(anchorId);
  const anchor = doc.cards.find((c) => c.id === anchorId);
  const toStage = stageIndex.get(target.stageId);
  const toLane = laneIndex.get(target.laneId);
  if (!anchor || toStage === undefined || toLane === undefined) return unchanged;
  const dStage = toStage - (stageIndex.get(anchor.stageId) ?? 0);
  const dLane = toLane - (laneIndex.get(anchor.laneId) ?? 0);

  const inReadingOrder = doc.cards
    .filter((c) => wanted.has(c.id))
    .sort(
      (a, b) =>
        (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
        (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
        a.order - b.order,
    );
  const keptLane: string[] = [];
  const offGrid: string[] = [];
  const dest = new Map<string, { stageId: string; laneId: string }>();
  for (const c of inReadingOrder) {
    const stage = doc.stages[(stageIndex.get(c.stageId) ?? 0) + dStage];
    if (!stage) {
      offGrid.push(c.id);
      continue;
    }
    const lane = dLane === 0 ? undefined : doc.lanes[(laneIndex.get(c.laneId) ?? 0) + dLane];
    const fits = lane !== undefined && lane.kind === c.kind;
    if (dLane !== 0 && !fits) keptLane.push(c.id);
    dest.set(c.id, { stageId: stage.id, laneId: fits ? lane.id : c.laneId });
  }

  // The drop position counts in the target cell only; an anchor that kept its lane goes to the end of its new cell.
  const anchorKey = dest.get(anchorId)?.laneId === target.laneId ? cellKey(target.stageId, target.laneId) : null;
  // Movers: the cards that change cell, and every card headed for the target cell (a reorder there).
  const movers = inReadingOrder.filter((c) => {
    const to = dest.get(c.id);
    if (!to) return false;
    const key = cellKey(to.stageId, to.laneId);
    return key !== keyOf(c) || key === anchorKey;
  });
  if (movers.length === 0) return { ...unchanged, keptLane, offGrid };
  const moverIds = new Set(movers.map((c) => c.id));
  const cells = groupCells(doc.cards.filter((c) => !moverIds.has(c.id)));
  const arriving = new Map<string, Card[]>();
  for (const c of movers) {
    const to = dest.get(c.id)!;
    const key = cellKey(to.stageId, to.laneId);
    const list = arriving.get(key);
    if (list) list.push(c);
    else arriving.set(key, [c]);
  }
  const placements = new Map<string, Placement>();
  // The cells the movers leave close their gaps.
  for (const c of movers) {
    const key = keyOf(c);
    if (!arriving.has(key)) layCell(placements, c.stageId, c.laneId, cells.get(key) ?? []);
  }
  for (const [key, list] of arriving) {
    const to = dest.get(list[0]!.id)!;
    const rest = cells.get(key) ?? [];
    const at = key === anchorKey ? clampIndex(target.index, rest.length) : rest.length;
    layCell(placements, to.stageId, to.laneId, [...rest.slice(0, at), ...list, ...rest.slice(at)]);
  }
  return { doc: applyLayout(doc, placements), keptLane, offGrid };
}

/** Also removes the arrows to and from these cards, and pain links to them. */
export function deleteCards(doc: JourneyMap, ids: readonly string[]): JourneyMap {
  return removeCards(doc, new Set(ids));
}

/** A copy with a new id; `link` is the pain link the copy should have (undefined: none). */
function copyCard(card: Card, id: string, stageId: string, laneId: string, link: string | undefined): Card {
  const copy = withoutTouchpoint({ ...card, id, stageId, laneId });
  return copy.kind === 'pain' && link !== undefined ? { ...copy, touchpointId: link } : copy;
}

/**
 * The arrows among copied cards, re-pointed at the copies. An arrow keeps whose path it is
 * when that persona is on the target map (always, within one map); else it becomes everyone's.
 */
function copyConnections(
  connections: readonly Connection[],
  ids: ReadonlyMap<string, string>,
  personaIds: readonly string[],
): Connection[] {
  const out: Connection[] = [];
  const seen = new Set<string>();
  for (const k of connections) {
    const from = ids.get(k.from);
    const to = ids.get(k.to);
    const pair = `${from}${SEP}${to}`;
    if (from === undefined || to === undefined || from === to || seen.has(pair)) continue;
    seen.add(pair);
    const copy: Connection = { id: newId(), from, to, label: k.label };
    if (k.personaId !== undefined && personaIds.includes(k.personaId)) copy.personaId = k.personaId;
    out.push(copy);
  }
  return out;
}

/**
 * Each copy lands right after its original. Arrows between duplicated cards are
 * copied too, and a duplicated pain keeps its link (to the copy of its touchpoint
 * when that was duplicated as well).
 */
export function duplicateCards(doc: JourneyMap, ids: readonly string[]): JourneyMap {
  const wanted = new Set(ids);
  const copyIds = new Map<string, string>();
  for (const c of doc.cards) if (wanted.has(c.id)) copyIds.set(c.id, newId());
  if (copyIds.size === 0) return doc;
  const cells = groupCells(doc.cards);
  const placements = new Map<string, Placement>();
  const copies: Card[] = [];
  const touched = new Set(doc.cards.filter((c) => copyIds.has(c.id)).map(keyOf));
  for (const key of touched) {
    const seq: Card[] = [];
    for (const c of cells.get(key) ?? []) {
      seq.push(c);
      if (!copyIds.has(c.id)) continue;
      const link = c.kind === 'pain' && c.touchpointId !== undefined ? (copyIds.get(c.touchpointId) ?? c.touchpointId) : undefined;
      const copy = copyCard(c, copyIds.get(c.id) ?? newId(), c.stageId, c.laneId, link);
      copies.push(copy);
      seq.push(copy);
    }
    const first = seq[0];
    if (first) layCell(placements, first.stageId, first.laneId, seq);
  }
  const next = applyLayout(doc, placements, copies);
  const arrows = copyConnections(doc.connections, copyIds, doc.personaIds);
  return arrows.length ? { ...next, connections: [...next.connections, ...arrows] } : next;
}

/**
 * Inserts copies of cards (from this map or another) into the target stage. A card
 * goes to the target lane when its kind fits, else back to its own lane when this map
 * has it, else to the first lane of its kind; cards with no lane of their kind are
 * left out. Arrows among the pasted cards come along; pain links follow a pasted
 * touchpoint, stay when the touchpoint is in this map, and are dropped otherwise.
 */
export function pasteCards(
  doc: JourneyMap,
  cards: readonly Card[],
  connections: readonly Connection[],
  target: CellTarget,
): JourneyMap {
  const targetLane = findCell(doc, target.stageId, target.laneId);
  if (!targetLane) return doc;
  const laneFor = (c: Card): string | undefined => {
    if (c.kind === targetLane.kind) return targetLane.id;
    if (doc.lanes.some((l) => l.id === c.laneId && l.kind === c.kind)) return c.laneId;
    return doc.lanes.find((l) => l.kind === c.kind)?.id;
  };
  const ids = new Map<string, string>();
  const byLane = new Map<string, Card[]>();
  for (const raw of cards) {
    const parsed = CardSchema.safeParse(raw);
    if (!parsed.success || ids.has(parsed.data.id)) continue;
    const laneId = laneFor(parsed.data);
    if (laneId === undefined) continue;
    ids.set(parsed.data.id, newId());
    byLane.set(laneId, [...(byLane.get(laneId) ?? []), parsed.data]);
  }
  if (ids.size === 0) return doc;
  const pastedTouchpoints = new Set([...byLane.values()].flat().filter((c) => c.kind === 'touchpoint').map((c) => c.id));
  const placements = new Map<string, Placement>();
  const copies: Card[] = [];
  for (const [laneId, group] of byLane) {
    const made = group.map((c) => {
      const old = c.kind === 'pain' ? c.touchpointId : undefined;
      let link: string | undefined;
      if (old !== undefined && pastedTouchpoints.has(old)) link = ids.get(old);
      else if (old !== undefined && isTouchpoint(doc, old)) link = old;
      return copyCard(c, ids.get(c.id) ?? newId(), target.stageId, laneId, link);
    });
    copies.push(...made);
    const seq = cardsInCell(doc, target.stageId, laneId);
    const at = laneId === targetLane.id ? clampIndex(target.index, seq.length) : seq.length;
    layCell(placements, target.stageId, laneId, [...seq.slice(0, at), ...made, ...seq.slice(at)]);
  }
  const arrows = copyConnections(
    connections.flatMap((k) => {
      const parsed = ConnectionSchema.safeParse(k);
      return parsed.success ? [parsed.data] : [];
    }),
    ids,
    doc.personaIds,
  );
  const next = applyLayout(doc, placements, copies);
  return arrows.length ? { ...next, connections: [...next.connections, ...arrows] } : next;
}

// ---------------------------------------------------------------------------
// Connections (arrows between cards)

/** No arrow from a card to itself, none twice in the same direction, none to a missing card. */
export function addConnection(doc: JourneyMap, input: NewConnection): JourneyMap {
  const { from, to } = input;
  if (from === to) return doc;
  const ids = new Set(doc.cards.map((c) => c.id));
  if (!ids.has(from) || !ids.has(to)) return doc;
  if (doc.connections.some((k) => k.from === from && k.to === to)) return doc;
  if (input.personaId !== undefined && !doc.personaIds.includes(input.personaId)) return doc;
  const id = freshId(doc, input.id);
  if (id === null) return doc;
  const parsed = ConnectionSchema.safeParse(defined({ id, from, to, label: input.label, personaId: input.personaId }));
  if (!parsed.success) return doc;
  return { ...doc, connections: [...doc.connections, parsed.data] };
}

export function updateConnectionLabel(doc: JourneyMap, id: string, label: string): JourneyMap {
  const at = doc.connections.findIndex((k) => k.id === id);
  const conn = doc.connections[at];
  if (!conn || conn.label === label) return doc;
  const parsed = ConnectionSchema.safeParse({ ...conn, label });
  if (!parsed.success) return doc;
  return { ...doc, connections: replaceAt(doc.connections, at, parsed.data) };
}

/**
 * Says whose path an arrow is (`personaId`, one of the map's personas), or that it is
 * everyone's (`null`). A persona the map does not link is refused: no-op.
 */
export function setConnectionPersona(doc: JourneyMap, id: string, personaId: string | null): JourneyMap {
  const at = doc.connections.findIndex((k) => k.id === id);
  const conn = doc.connections[at];
  if (!conn || (conn.personaId ?? null) === personaId) return doc;
  if (personaId === null) {
    const { personaId: _cleared, ...rest } = conn;
    return { ...doc, connections: replaceAt(doc.connections, at, rest) };
  }
  if (!doc.personaIds.includes(personaId)) return doc;
  return { ...doc, connections: replaceAt(doc.connections, at, { ...conn, personaId }) };
}

export function deleteConnection(doc: JourneyMap, id: string): JourneyMap {
  const connections = doc.connections.filter((k) => k.id !== id);
  return connections.length === doc.connections.length ? doc : { ...doc, connections };
}

// ---------------------------------------------------------------------------
// The map itself

const MetaSchema = z.pick(JourneyMapSchema, { title: true, description: true });

export function updateMapMeta(doc: JourneyMap, patch: { title?: string; description?: string }): JourneyMap {
  const merged = { title: doc.title, description: doc.description, ...defined(patch) };
  const parsed = MetaSchema.safeParse(merged);
  if (!parsed.success) return doc;
  const { title, description } = parsed.data;
  if (title === doc.title && description === doc.description) return doc;
  return { ...doc, title, description };
}

export function setTitle(doc: JourneyMap, title: string): JourneyMap {
  return updateMapMeta(doc, { title });
}

export function setDescription(doc: JourneyMap, description: string): JourneyMap {
  return updateMapMeta(doc, { description });
}

export function setDirection(doc: JourneyMap, direction: Direction): JourneyMap {
  if (doc.direction === direction || (direction !== 'ltr' && direction !== 'rtl')) return doc;
  return { ...doc, direction };
}

/** The language the map is written in (what its presentation, print and exports speak). */
export function setLanguage(doc: JourneyMap, language: Locale): JourneyMap {
  if (doc.language === language || !isLocale(language)) return doc;
  return { ...doc, language };
}

/** Edits this map's copy of a channel (its response target, say); a missing channel is added. */
export function setChannelTarget(doc: JourneyMap, channelId: ChannelId, patch: ChannelPatch): JourneyMap {
  const at = doc.channels.findIndex((c) => c.id === channelId);
  const current = doc.channels[at] ?? defaultChannel(channelId);
  if (!current) return doc;
  const { name, realtime, responseTargetMinutes } = patch;
  const parsed = ChannelSchema.safeParse({ ...current, ...defined({ name, realtime, responseTargetMinutes }) });
  if (!parsed.success) return doc;
  if (at >= 0 && sameFields(current, parsed.data)) return doc;
  const channels = at >= 0 ? replaceAt(doc.channels, at, parsed.data) : [...doc.channels, parsed.data];
  return { ...doc, channels };
}

function defaultChannel(id: ChannelId): Channel | undefined {
  const found = DEFAULT_CHANNELS.find((c) => c.id === id);
  return found && { ...found };
}

export function linkPersona(doc: JourneyMap, personaId: string): JourneyMap {
  if (doc.personaIds.includes(personaId) || !IdSchema.safeParse(personaId).success) return doc;
  return { ...doc, personaIds: [...doc.personaIds, personaId] };
}

/** The persona's path goes with them: their arrows stay, as everyone's. */
export function unlinkPersona(doc: JourneyMap, personaId: string): JourneyMap {
  if (!doc.personaIds.includes(personaId)) return doc;
  const theirs = doc.connections.some((k) => k.personaId === personaId);
  const connections = theirs
    ? doc.connections.map((k) => {
        if (k.personaId !== personaId) return k;
        const { personaId: _cleared, ...rest } = k;
        return rest;
      })
    : doc.connections;
  return { ...doc, personaIds: doc.personaIds.filter((p) => p !== personaId), connections };
}
