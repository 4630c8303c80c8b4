/**
 * The rules every document keeps. Operations preserve them; restore checks them on
 * everything that comes from storage or a file. Each violation is a message for the
 * interface to word (src/i18n/message.ts), with the path where it was found.
 */
import type { Message } from '../i18n/message';
import type { JourneyMap } from './schema';
import { cellKey } from './cells';

export interface Violation {
  path: string;
  message: Message;
}

export function mapViolations(doc: JourneyMap): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const unique = (id: string, path: string) => {
    if (seen.has(id)) out.push({ path, message: /*i18n*/ { id: 'model.invariant.idTwice', values: { id } } });
    seen.add(id);
  };

  const stageIndex = new Map<string, number>();
  doc.stages.forEach((s, i) => {
    unique(s.id, `stages[${i}].id`);
    stageIndex.set(s.id, i);
  });
  const laneKind = new Map<string, string>();
  doc.lanes.forEach((l, i) => {
    unique(l.id, `lanes[${i}].id`);
    laneKind.set(l.id, l.kind);
  });
  doc.stages.forEach((s, i) => {
    if (s.loopsTo === undefined) return;
    const target = stageIndex.get(s.loopsTo);
    if (target === undefined) out.push({ path: `stages[${i}].loopsTo`, message: /*i18n*/ { id: 'model.invariant.loopToMissingStage' } });
    else if (target >= i) out.push({ path: `stages[${i}].loopsTo`, message: /*i18n*/ { id: 'model.invariant.loopNotBack' } });
  });

  const cardIds = new Map<string, string>();
  const cells = new Map<string, number[]>();
  doc.cards.forEach((c, i) => {
    unique(c.id, `cards[${i}].id`);
    cardIds.set(c.id, c.kind);
    if (!stageIndex.has(c.stageId)) out.push({ path: `cards[${i}].stageId`, message: /*i18n*/ { id: 'model.invariant.cardStageMissing' } });
    const kind = laneKind.get(c.laneId);
    if (kind === undefined) out.push({ path: `cards[${i}].laneId`, message: /*i18n*/ { id: 'model.invariant.cardLaneMissing' } });
    else if (kind !== c.kind) out.push({ path: `cards[${i}].kind`, message: /*i18n*/ { id: 'model.invariant.cardInWrongLane', values: { cardKind: c.kind, laneKind: kind } } });
    const key = cellKey(c.stageId, c.laneId);
    const orders = cells.get(key) ?? [];
    orders.push(c.order);
    cells.set(key, orders);
  });
  for (const [key, orders] of cells) {
    const sorted = [...orders].sort((a, b) => a - b);
    if (sorted.some((o, i) => o !== i)) {
      const [stageId, laneId] = key.split('\u0000');
      out.push({ path: 'cards', message: /*i18n*/ { id: 'model.invariant.cardsNotOrdered', values: { stageId, laneId, last: orders.length - 1 } } });
    }
  }
  doc.cards.forEach((c, i) => {
    if (c.kind === 'pain' && c.touchpointId !== undefined && cardIds.get(c.touchpointId) !== 'touchpoint') {
      out.push({ path: `cards[${i}].touchpointId`, message: /*i18n*/ { id: 'model.invariant.touchpointMissing' } });
    }
  });

  const linked = new Set(doc.personaIds);
  doc.connections.forEach((k, i) => {
    unique(k.id, `connections[${i}].id`);
    if (k.personaId !== undefined && !linked.has(k.personaId)) {
      out.push({ path: `connections[${i}].personaId`, message: /*i18n*/ { id: 'model.invariant.pathPersonaNotLinked' } });
    }
    if (!cardIds.has(k.from)) out.push({ path: `connections[${i}].from`, message: /*i18n*/ { id: 'model.invariant.connectionFromMissing' } });
    if (!cardIds.has(k.to)) out.push({ path: `connections[${i}].to`, message: /*i18n*/ { id: 'model.invariant.connectionToMissing' } });
    if (k.from === k.to) out.push({ path: `connections[${i}]`, message: /*i18n*/ { id: 'model.invariant.connectionToItself' } });
  });

  const comments = doc.comments ?? [];
  const threads = new Map(comments.filter((c) => c.parentId === undefined).map((c) => [c.id, c]));
  comments.forEach((c, i) => {
    unique(c.id, `comments[${i}].id`);
    if (c.targetId !== undefined && !cardIds.has(c.targetId) && !stageIndex.has(c.targetId)) {
      out.push({ path: `comments[${i}].targetId`, message: /*i18n*/ { id: 'model.invariant.commentTargetMissing' } });
    }
    if (c.parentId !== undefined) {
      const thread = threads.get(c.parentId);
      if (!thread || thread.targetId !== c.targetId) out.push({ path: `comments[${i}].parentId`, message: /*i18n*/ { id: 'model.invariant.commentThreadMissing' } });
    }
  });

  const personaSeen = new Set<string>();
  doc.personaIds.forEach((p, i) => {
    if (personaSeen.has(p)) out.push({ path: `personaIds[${i}]`, message: /*i18n*/ { id: 'model.invariant.personaTwice', values: { id: p } } });
    personaSeen.add(p);
  });

  const channelSeen = new Set<string>();
  doc.channels.forEach((ch, i) => {
    if (channelSeen.has(ch.id)) out.push({ path: `channels[${i}].id`, message: /*i18n*/ { id: 'model.invariant.channelTwice', values: { id: ch.id } } });
    channelSeen.add(ch.id);
  });
  return out;
}
