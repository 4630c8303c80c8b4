/**
 * The rules every document keeps. Operations preserve them; restore checks them on
 * everything that comes from storage or a file. Each violation is a sentence a user
 * (or a test) can read, with the path where it was found.
 */
import type { JourneyMap } from './schema';
import { cellKey } from './cells';

export interface Violation {
  path: string;
  message: string;
}

export function mapViolations(doc: JourneyMap): Violation[] {
  const out: Violation[] = [];
  const seen = new Set<string>();
  const unique = (id: string, path: string) => {
    if (seen.has(id)) out.push({ path, message: `id "${id}" is used twice` });
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
    if (target === undefined) out.push({ path: `stages[${i}].loopsTo`, message: 'loops to a stage that does not exist' });
    else if (target >= i) out.push({ path: `stages[${i}].loopsTo`, message: 'a loop must go back to an earlier stage' });
  });

  const cardIds = new Map<string, string>();
  const cells = new Map<string, number[]>();
  doc.cards.forEach((c, i) => {
    unique(c.id, `cards[${i}].id`);
    cardIds.set(c.id, c.kind);
    if (!stageIndex.has(c.stageId)) out.push({ path: `cards[${i}].stageId`, message: 'the card is in a stage that does not exist' });
    const kind = laneKind.get(c.laneId);
    if (kind === undefined) out.push({ path: `cards[${i}].laneId`, message: 'the card is in a lane that does not exist' });
    else if (kind !== c.kind) out.push({ path: `cards[${i}].kind`, message: `a ${c.kind} card cannot sit in a ${kind} lane` });
    const key = cellKey(c.stageId, c.laneId);
    const orders = cells.get(key) ?? [];
    orders.push(c.order);
    cells.set(key, orders);
  });
  for (const [key, orders] of cells) {
    const sorted = [...orders].sort((a, b) => a - b);
    if (sorted.some((o, i) => o !== i)) {
      const [stageId, laneId] = key.split('\u0000');
      out.push({ path: 'cards', message: `cards in stage ${stageId} / lane ${laneId} are not ordered 0..${orders.length - 1}` });
    }
  }
  doc.cards.forEach((c, i) => {
    if (c.kind === 'pain' && c.touchpointId !== undefined && cardIds.get(c.touchpointId) !== 'touchpoint') {
      out.push({ path: `cards[${i}].touchpointId`, message: 'links to a touchpoint that does not exist' });
    }
  });

  const linked = new Set(doc.personaIds);
  doc.connections.forEach((k, i) => {
    unique(k.id, `connections[${i}].id`);
    if (k.personaId !== undefined && !linked.has(k.personaId)) {
      out.push({ path: `connections[${i}].personaId`, message: 'is the path of a persona that is not linked to this map' });
    }
    if (!cardIds.has(k.from)) out.push({ path: `connections[${i}].from`, message: 'starts at a card that does not exist' });
    if (!cardIds.has(k.to)) out.push({ path: `connections[${i}].to`, message: 'ends at a card that does not exist' });
    if (k.from === k.to) out.push({ path: `connections[${i}]`, message: 'connects a card to itself' });
  });

  const personaSeen = new Set<string>();
  doc.personaIds.forEach((p, i) => {
    if (personaSeen.has(p)) out.push({ path: `personaIds[${i}]`, message: `persona "${p}" is linked twice` });
    personaSeen.add(p);
  });

  const channelSeen = new Set<string>();
  doc.channels.forEach((ch, i) => {
    if (channelSeen.has(ch.id)) out.push({ path: `channels[${i}].id`, message: `channel "${ch.id}" is listed twice` });
    channelSeen.add(ch.id);
  });
  return out;
}
