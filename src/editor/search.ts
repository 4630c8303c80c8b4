/** Text search inside a map: cards (text, owner), stage names, lane titles, arrow labels. */
import type { JourneyMap } from '../model/schema';

export interface SearchMatch {
  kind: 'card' | 'stage' | 'lane' | 'connection';
  id: string;
}

const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase();

export function findMatches(doc: JourneyMap, query: string): SearchMatch[] {
  const q = norm(query.trim());
  if (!q) return [];
  const out: SearchMatch[] = [];
  const stageIndex = new Map(doc.stages.map((s, i) => [s.id, i]));
  const laneIndex = new Map(doc.lanes.map((l, i) => [l.id, i]));
  for (const s of doc.stages) if (norm(s.name).includes(q) || norm(s.description).includes(q)) out.push({ kind: 'stage', id: s.id });
  for (const l of doc.lanes) if (norm(l.title).includes(q)) out.push({ kind: 'lane', id: l.id });
  const cards = doc.cards
    .filter((c) => norm(c.text).includes(q) || ('owner' in c && norm(c.owner).includes(q)))
    .sort(
      (a, b) =>
        (laneIndex.get(a.laneId) ?? 0) - (laneIndex.get(b.laneId) ?? 0) ||
        (stageIndex.get(a.stageId) ?? 0) - (stageIndex.get(b.stageId) ?? 0) ||
        a.order - b.order,
    );
  for (const c of cards) out.push({ kind: 'card', id: c.id });
  for (const k of doc.connections) if (k.label && norm(k.label).includes(q)) out.push({ kind: 'connection', id: k.id });
  return out;
}
