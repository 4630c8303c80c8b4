/**
 * Random editing steps for property tests: ids drawn from the current document (so steps mostly
 * hit real stages, lanes and cards) and now and then a bogus one. Used by the model's own
 * invariant tests and by the shared document's (tests/sync), which must follow the same steps.
 */
import fc from 'fast-check';
import { CHANNEL_IDS } from '../../src/model/channels';
import * as ops from '../../src/model/operations';
import { addComment, setThreadResolved } from '../../src/model/comments';
import { SAMPLES } from '../../src/model/samples';
import { LANE_KINDS, SEVERITIES, type JourneyMap } from '../../src/model/schema';
import { TEMPLATES } from '../../src/model/templates';
import { fixture } from './helpers';

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
  'comment',
  'reply',
  'resolve',
  'setChannelTarget',
  'persona',
] as const;

export const stepArb = fc.record({
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
export type Step = typeof stepArb extends fc.Arbitrary<infer S> ? S : never;

export const starts: (() => JourneyMap)[] = [fixture, ...TEMPLATES.map((t) => t.build), ...SAMPLES.map((s) => s.build)];

function pick(list: readonly { id: string }[], i: number, bogus: boolean): string {
  const item = list[i % Math.max(list.length, 1)];
  return bogus || !item ? `ghost-${i}` : item.id;
}

export function apply(d: JourneyMap, s: Step, clipboard: JourneyMap): JourneyMap {
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
    case 'comment':
      // On a card, a stage (or a bogus target) or the map itself.
      return addComment(d, { targetId: s.n < 0 ? undefined : s.flag ? cardId() : stage(), author: s.text.slice(0, 8), text: s.text || 'ok' }, `2025-01-0${(s.i % 9) + 1}T00:00:00.000Z`);
    case 'reply':
      return addComment(d, { parentId: pick(d.comments ?? [], s.i, s.bogus), author: 'r', text: s.text || 'reply' });
    case 'resolve':
      return setThreadResolved(d, pick(d.comments ?? [], s.i, s.bogus), s.flag);
    case 'meta':
      return s.n % 2 === 0 ? ops.setDirection(d, s.flag ? 'rtl' : 'ltr') : ops.updateMapMeta(d, { title: s.text });
    case 'setChannelTarget':
      return ops.setChannelTarget(d, CHANNEL_IDS[s.i % CHANNEL_IDS.length]!, { responseTargetMinutes: s.n });
    case 'persona':
      return s.flag ? ops.linkPersona(d, `p${s.i % 3}`) : ops.unlinkPersona(d, `p${s.i % 3}`);
  }
}

