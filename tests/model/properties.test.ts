// @vitest-environment node
/**
 * Random sequences of operations, with ids drawn from the current document (so they
 * mostly hit real stages, lanes and cards) and now and then a bogus one. After every
 * step the map keeps every invariant and still parses, the frozen input is intact,
 * and a step that changes nothing returns the very same object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_IDS } from '../../src/model/channels';
import { createPersona } from '../../src/model/factory';
import { mapViolations } from '../../src/model/invariants';
import * as ops from '../../src/model/operations';
import {
  PERSONA_LIST_FIELDS,
  addListItem,
  moveListItem,
  removeListItem,
  updateListItem,
  updatePersona,
} from '../../src/model/personaOps';
import { SAMPLES } from '../../src/model/samples';
import { JourneyMapSchema, LANE_KINDS, PersonaSchema, SEVERITIES, type JourneyMap, type Persona } from '../../src/model/schema';
import { TEMPLATES } from '../../src/model/templates';
import { deepFreeze, fixture } from './helpers';

const OPS = [
  'addStage',
  'updateStage',
  'moveStage',
  'deleteStage',
  'addLane',
  'renameLane',
  'setLaneKind',
  'moveLane',
  'deleteLane',
  'addCard',
  'updateCard',
  'moveCard',
  'moveCards',
  'shiftCards',
  'deleteCards',
  'duplicateCards',
  'pasteCards',
  'addConnection',
  'updateConnectionLabel',
  'deleteConnection',
  'connectionPersona',
  'meta',
  'setChannelTarget',
  'persona',
] as const;

const stepArb = fc.record({
  op: fc.constantFrom(...OPS),
  i: fc.nat(60),
  j: fc.nat(60),
  k: fc.nat(60),
  n: fc.integer({ min: -3, max: 12 }),
  many: fc.array(fc.nat(60), { maxLength: 5 }),
  text: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('ติดต่อ', 'تماس', 'Hành trình'), fc.constant('x'.repeat(600))),
  bogus: fc.nat(9).map((x) => x === 0),
  flag: fc.boolean(),
});
type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

const starts: (() => JourneyMap)[] = [fixture, ...TEMPLATES.map((t) => t.build), ...SAMPLES.map((s) => s.build)];

function pick(list: readonly { id: string }[], i: number, bogus: boolean): string {
  const item = list[i % Math.max(list.length, 1)];
  return bogus || !item ? `ghost-${i}` : item.id;
}

function apply(d: JourneyMap, s: Step, clipboard: JourneyMap): JourneyMap {
  const stage = (i = s.i) => pick(d.stages, i, s.bogus);
  const lane = (i = s.j) => pick(d.lanes, i, s.bogus);
  const cardId = (i = s.k) => pick(d.cards, i, s.bogus);
  const cards = () => s.many.map((m) => pick(d.cards, m, false));
  switch (s.op) {
    case 'addStage':
      return ops.addStage(d, { name: s.text, index: s.n, ...(s.flag ? { id: cardId() } : {}) });
    case 'updateStage':
      return ops.updateStage(d, stage(), {
        loopsTo: s.flag ? stage(s.j) : null,
        color: s.n > 8 ? 'red' : s.n > 4 ? '#a1b2c3' : null,
        notes: s.text,
      });
    case 'moveStage':
      return ops.moveStage(d, stage(), s.n);
    case 'deleteStage':
      return ops.deleteStage(d, stage());
    case 'addLane':
      return ops.addLane(d, { kind: LANE_KINDS[s.i % LANE_KINDS.length]!, title: s.text, index: s.n });
    case 'renameLane':
      return ops.renameLane(d, lane(), s.text);
    case 'setLaneKind':
      return ops.setLaneKind(d, lane(), LANE_KINDS[s.k % LANE_KINDS.length]!);
    case 'moveLane':
      return ops.moveLane(d, lane(), s.n);
    case 'deleteLane':
      return ops.deleteLane(d, lane());
    case 'addCard':
      return ops.addCard(d, {
        stageId: stage(),
        laneId: lane(),
        index: s.n,
        text: s.text,
        score: s.n - 2,
        severity: SEVERITIES[s.k % SEVERITIES.length],
        channel: CHANNEL_IDS[s.k % CHANNEL_IDS.length],
        touchpointId: s.flag ? cardId() : null,
        value: s.n,
      });
    case 'updateCard':
      return ops.updateCard(d, cardId(), {
        text: s.flag ? s.text : undefined,
        score: s.n > 10 ? 3 : (Math.abs(s.n) % 5) - 2,
        touchpointId: s.flag ? cardId(s.i) : null,
        status: s.n > 10 ? ('bogus' as 'idea') : 'planned',
        target: s.n,
      });
    case 'moveCard': {
      const id = cardId();
      // Mostly aim at a lane the card fits, so the move really happens.
      const kind = d.cards.find((c) => c.id === id)?.kind;
      const fitting = d.lanes.filter((l) => l.kind === kind);
      const laneId = s.flag && fitting.length > 0 ? pick(fitting, s.j, false) : lane();
      return ops.moveCard(d, id, { stageId: stage(), laneId, index: s.n });
    }
    case 'moveCards':
      return ops.moveCards(d, cards(), { stageId: stage(), laneId: lane(), index: s.n });
    case 'shiftCards':
      return ops.shiftCards(d, cards(), cardId(), { stageId: stage(), laneId: lane(), index: s.n }).doc;
    case 'deleteCards':
      return ops.deleteCards(d, s.flag ? cards() : [cardId()]);
    case 'duplicateCards':
      return ops.duplicateCards(d, cards());
    case 'pasteCards': {
      const source = s.flag ? d : clipboard;
      const picked = s.many.map((m) => source.cards[m % Math.max(source.cards.length, 1)]).filter((c) => c !== undefined);
      return ops.pasteCards(d, picked, source.connections, { stageId: stage(), laneId: lane(), index: s.n });
    }
    case 'addConnection':
      return ops.addConnection(d, { from: cardId(), to: cardId(s.i), label: s.text });
    case 'updateConnectionLabel':
      return ops.updateConnectionLabel(d, pick(d.connections, s.i, s.bogus), s.text);
    case 'deleteConnection':
      return ops.deleteConnection(d, pick(d.connections, s.i, s.bogus));
    case 'connectionPersona': {
      // Mostly a linked persona, sometimes one the map does not link, sometimes none.
      const persona = s.n < 0 ? null : s.flag ? (d.personaIds[s.j % Math.max(d.personaIds.length, 1)] ?? null) : `p${s.j % 4}`;
      return ops.setConnectionPersona(d, pick(d.connections, s.i, s.bogus), persona);
    }
    case 'meta':
      return s.n % 2 === 0 ? ops.setDirection(d, s.flag ? 'rtl' : 'ltr') : ops.updateMapMeta(d, { title: s.text });
    case 'setChannelTarget':
      return ops.setChannelTarget(d, CHANNEL_IDS[s.i % CHANNEL_IDS.length]!, { responseTargetMinutes: s.n });
    case 'persona':
      return s.flag ? ops.linkPersona(d, `p${s.i % 3}`) : ops.unlinkPersona(d, `p${s.i % 3}`);
  }
}

describe('operation sequences keep every invariant', () => {
  // 150 runs of up to 40 steps, each step validated with Zod: about 3 s on an idle machine,
  // past Vitest's 5 s default on a loaded 2-core one. The work is bounded: a generous timeout.
  it('for random sequences on every starting map', () => {
    fc.assert(
      fc.property(fc.nat(starts.length - 1), fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' }), (startIndex, steps) => {
        let doc = deepFreeze(starts[startIndex]!());
        const clipboard = starts[(startIndex + 1) % starts.length]!();
        for (const step of steps) {
          const before = JSON.stringify(doc);
          const next = apply(doc, step, clipboard);
          // The frozen input would have thrown on mutation; check its content too.
          expect(JSON.stringify(doc)).toBe(before);
          expect(mapViolations(next), step.op).toEqual([]);
          expect(JourneyMapSchema.safeParse(next).success, step.op).toBe(true);
          expect(next.updatedAt).toBe(doc.updatedAt);
          if (JSON.stringify(next) === before) expect(next, `${step.op} changed nothing but made a new doc`).toBe(doc);
          doc = deepFreeze(next);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('persona list operations', () => {
  const listStep = fc.record({
    op: fc.constantFrom('add', 'update', 'remove', 'move', 'patch'),
    field: fc.constantFrom(...PERSONA_LIST_FIELDS),
    a: fc.integer({ min: -2, max: 6 }),
    b: fc.integer({ min: -2, max: 6 }),
    text: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('y'.repeat(2100))),
  });

  it('keep a valid persona and never mutate it', () => {
    fc.assert(
      fc.property(fc.array(listStep, { maxLength: 30 }), (steps) => {
        let p: Persona = deepFreeze(createPersona({ name: 'Kevin Smith' }));
        for (const s of steps) {
          const before = JSON.stringify(p);
          const next =
            s.op === 'add'
              ? addListItem(p, s.field, s.text, s.a)
              : s.op === 'update'
                ? updateListItem(p, s.field, s.a, s.text)
                : s.op === 'remove'
                  ? removeListItem(p, s.field, s.a)
                  : s.op === 'move'
                    ? moveListItem(p, s.field, s.a, s.b)
                    : updatePersona(p, { age: s.a * 30, quote: s.text });
          expect(JSON.stringify(p)).toBe(before);
          expect(PersonaSchema.safeParse(next).success).toBe(true);
          if (JSON.stringify(next) === before) expect(next).toBe(p);
          p = deepFreeze(next);
        }
      }),
      { numRuns: 150 },
    );
  });
});
