// @vitest-environment node
/**
 * The map as a Y.Doc: what one device writes, another reads exactly; two devices that edit at
 * once end with the same valid map; my undo leaves a colleague's edit; a peer's bad entity is
 * skipped and reported, never taking the rest of the map with it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mapViolations } from '../../src/model/invariants';
import * as ops from '../../src/model/operations';
import { sampleById } from '../../src/model/samples';
import { JourneyMapSchema, type JourneyMap } from '../../src/model/schema';
import { createUndoManager } from '../../src/sync/undo';
import { createReader, readMap, writeMap } from '../../src/sync/yMap';
import { cell, fixture } from '../model/helpers';
import { apply, starts, stepArb } from '../model/randomOps';

/** The map as a user sees it: the arrays of cards, arrows and comments are sets (a card's order in its cell is its `order`). */
const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const normal = (doc: JourneyMap) => ({
  ...doc,
  cards: byId(doc.cards),
  connections: byId(doc.connections),
  ...(doc.comments ? { comments: byId(doc.comments) } : {}),
});

function docWith(map: JourneyMap): Y.Doc {
  const ydoc = new Y.Doc();
  writeMap(ydoc, null, map, 'test');
  return ydoc;
}

/** A second device: a Y.Doc that starts from `ydoc`'s state. */
function peerOf(ydoc: Y.Doc): Y.Doc {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(ydoc), 'remote');
  return peer;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(b, toB, 'remote');
  Y.applyUpdate(a, toA, 'remote');
}

function read(ydoc: Y.Doc, previous?: JourneyMap): JourneyMap {
  const { map, problems } = readMap(ydoc, previous);
  expect(problems).toEqual([]);
  if (!map) throw new Error('no map in the Y.Doc');
  return map;
}

describe('a map written into a Y.Doc', () => {
  it('reads back exactly on another device, after any sequence of edits written step by step', () => {
    fc.assert(
      fc.property(fc.nat(starts.length - 1), fc.array(stepArb, { minLength: 1, maxLength: 25 }), (startIndex, steps) => {
        let doc = starts[startIndex]!();
        const clipboard = starts[(startIndex + 1) % starts.length]!();
        const ydoc = docWith(doc);
        for (const step of steps) {
          const next = apply(doc, step, clipboard);
          writeMap(ydoc, doc, next, 'test');
          doc = next;
        }
        const there = read(peerOf(ydoc));
        expect(normal(there)).toEqual(normal(doc));
        // Read with the document it holds as the previous one, it is that very object.
        expect(read(ydoc, doc)).toBe(doc);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('keeps every unchanged stage and card identical when one card changes elsewhere', () => {
    const doc = sampleById('sample-th')!.build();
    const a = docWith(doc);
    const b = peerOf(a);
    const seen = read(b);
    const card = doc.cards[3]!;
    writeMap(a, doc, ops.updateCard(doc, card.id, { text: 'ลูกค้าโทรเข้ามาสอบถามโปรโมชั่น' }), 'test');
    exchange(a, b);
    const after = read(b, seen);
    expect(after.cards.find((c) => c.id === card.id)?.text).toBe('ลูกค้าโทรเข้ามาสอบถามโปรโมชั่น');
    expect(after.stages).toBe(seen.stages);
    expect(after.lanes).toBe(seen.lanes);
    for (const c of after.cards) if (c.id !== card.id) expect(c).toBe(seen.cards.find((s) => s.id === c.id));
  });

  it('writes only the field that changed', () => {
    const doc = fixture();
    const ydoc = docWith(doc);
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    writeMap(ydoc, doc, ops.updateCard(doc, 't2', { text: 'x' }), 'test');
    expect(updates).toHaveLength(1);
    // A whole-map rewrite would be kilobytes; one field is a few dozen bytes.
    expect(updates[0]!.length).toBeLessThan(80);
  });
});

describe('two devices editing at once', () => {
  it('converge to the same valid map, whatever each did', () => {
    fc.assert(
      fc.property(
        fc.nat(starts.length - 1),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        fc.array(stepArb, { minLength: 1, maxLength: 12 }),
        (startIndex, stepsA, stepsB) => {
          const start = starts[startIndex]!();
          const clipboard = starts[(startIndex + 1) % starts.length]!();
          const a = docWith(start);
          const b = peerOf(a);
          let docA = start;
          let docB = read(b);
          for (const step of stepsA) {
            const next = apply(docA, step, clipboard);
            writeMap(a, docA, next, 'test');
            docA = next;
          }
          for (const step of stepsB) {
            const next = apply(docB, step, clipboard);
            writeMap(b, docB, next, 'test');
            docB = next;
          }
          exchange(a, b);
          const mapA = readMap(a).map!;
          const mapB = readMap(b).map!;
          expect(normal(mapA)).toEqual(normal(mapB));
          expect(mapViolations(mapA)).toEqual([]);
          expect(JourneyMapSchema.safeParse(mapA).success).toBe(true);
        },
      ),
      { numRuns: 80 },
    );
  }, 60_000);

  it('keep both cards added to the same cell, in one order on both', () => {
    const start = fixture();
    const a = docWith(start);
    const b = peerOf(a);
    const withA = ops.addCard(start, { stageId: 's1', laneId: 'lt', index: 1, id: 'fromA', text: 'ลูกค้าโทรหา Call Center' });
    const withB = ops.addCard(start, { stageId: 's1', laneId: 'lt', index: 1, id: 'fromB', text: 'مشتری با مرکز تماس تماس می‌گیرد' });
    writeMap(a, start, withA, 'test');
    writeMap(b, start, withB, 'test');
    exchange(a, b);
    const mapA = read(a);
    expect(cell(mapA, 's1', 'lt')).toEqual(cell(read(b), 's1', 'lt'));
    expect(cell(mapA, 's1', 'lt')).toEqual(expect.arrayContaining(['t1', 'fromA', 'fromB', 't2', 't3']));
    expect(cell(mapA, 's1', 'lt')[0]).toBe('t1');
    expect(mapViolations(mapA)).toEqual([]);
  });

  it('keep a stage renamed on one and a card added to it on the other', () => {
    const start = fixture();
    const a = docWith(start);
    const b = peerOf(a);
    writeMap(a, start, ops.renameStage(start, 's2', 'Giai đoạn mua hàng'), 'test');
    writeMap(b, start, ops.addCard(start, { stageId: 's2', laneId: 'lt', id: 'new', text: 'Khách hàng gọi tổng đài' }), 'test');
    exchange(a, b);
    const map = read(b);
    expect(map.stages.find((s) => s.id === 's2')?.name).toBe('Giai đoạn mua hàng');
    expect(map.cards.find((c) => c.id === 'new')?.stageId).toBe('s2');
    expect(normal(read(a))).toEqual(normal(map));
  });

  it('keep both edits to different fields of one card', () => {
    const start = fixture();
    const a = docWith(start);
    const b = peerOf(a);
    writeMap(a, start, ops.updateCard(start, 'x1', { text: 'รอสายนานเกินไป' }), 'test');
    writeMap(b, start, ops.updateCard(start, 'x1', { severity: 'critical' }), 'test');
    exchange(a, b);
    expect(read(a).cards.find((c) => c.id === 'x1')).toMatchObject({ text: 'รอสายนานเกินไป', severity: 'critical' });
  });
});

describe('undo on a shared map', () => {
  it("takes back my edit and leaves my colleague's", () => {
    const start = fixture();
    const a = docWith(start);
    const b = peerOf(a);
    const mine = Symbol('mine');
    const undo = createUndoManager(a, mine);
    writeMap(a, start, ops.renameStage(start, 's1', 'Awareness'), mine);
    const seenByB = read(b);
    writeMap(b, seenByB, ops.addCard(seenByB, { stageId: 's1', laneId: 'lt', id: 'theirs', text: 'Sees an ad on Facebook' }), 'test');
    exchange(a, b);
    undo.undo();
    exchange(a, b);
    for (const ydoc of [a, b]) {
      const map = read(ydoc);
      expect(map.stages.find((s) => s.id === 's1')?.name).toBe(start.stages[0]!.name);
      expect(map.cards.find((c) => c.id === 'theirs')?.text).toBe('Sees an ad on Facebook');
    }
    undo.redo();
    expect(read(a).stages.find((s) => s.id === 's1')?.name).toBe('Awareness');
  });
});

describe("a peer's bad entities", () => {
  it('are skipped and reported; the rest of the map reads and nothing is deleted', () => {
    const start = fixture();
    const ydoc = docWith(start);
    ydoc.transact(() => {
      const cards = ydoc.getMap<unknown>('cards');
      const bad = new Y.Map<unknown>();
      cards.set('bad', bad);
      bad.set('id', 'bad');
      bad.set('kind', 'emotion');
      bad.set('stageId', 's1');
      bad.set('laneId', 'lt');
      bad.set('score', 99);
      cards.set('notAMap', 'hello');
      const orphan = new Y.Map<unknown>();
      cards.set('orphan', orphan);
      for (const [k, v] of Object.entries({ id: 'orphan', kind: 'text', stageId: 'gone', laneId: 'lt', text: 'x', pos: 'a0' })) orphan.set(k, v);
      (cards.get('t1') as Y.Map<unknown>).set('pos', 'a0~'); // not an order key: the card stays, its place is guessed
    }, 'hostile');
    const { map, problems } = readMap(ydoc);
    expect(problems).toEqual(
      expect.arrayContaining([
        { collection: 'cards', id: 'bad', reason: 'invalid' },
        { collection: 'cards', id: 'notAMap', reason: 'invalid' },
        { collection: 'cards', id: 'orphan', reason: 'orphan' },
      ]),
    );
    expect(map).not.toBeNull();
    expect(mapViolations(map!)).toEqual([]);
    expect(map!.cards.map((c) => c.id).sort()).toEqual(start.cards.map((c) => c.id).sort());
    expect(ydoc.getMap('cards').has('bad')).toBe(true);
  });

  it('a reader re-validates only what a transaction changed', () => {
    const start = fixture();
    const ydoc = docWith(start);
    const reader = createReader(ydoc);
    const first = reader.read().map!;
    (ydoc.getMap<Y.Map<unknown>>('cards').get('t2') as Y.Map<unknown>).set('text', 'Hành trình');
    const second = reader.read(first).map!;
    expect(second.cards.find((c) => c.id === 't2')?.text).toBe('Hành trình');
    expect(second.cards.find((c) => c.id === 't1')).toBe(first.cards.find((c) => c.id === 't1'));
    reader.destroy();
  });

  it('a document from a newer Journeyboard reads as a view, flagged newer', () => {
    const ydoc = docWith(fixture());
    ydoc.getMap('meta').set('schemaVersion', 99);
    const { map, newer } = readMap(ydoc);
    expect(newer).toBe(true);
    expect(map?.stages.map((s) => s.id)).toEqual(['s1', 's2', 's3']);
  });

  it('an empty Y.Doc holds no map', () => {
    expect(readMap(new Y.Doc())).toEqual({ map: null, problems: [], newer: false });
  });
});
