/** The stage × lane cells of a map: one key per cell, and the cards of each in their order. */
import type { Card } from './schema';

/** One map key per cell (NUL cannot occur in an id the schema accepts as typed text). */
export const cellKey = (stageId: string, laneId: string) => `${stageId}\u0000${laneId}`;

/** The cards of each cell, by cellKey, in their order inside the cell. */
export function cardsByCell(cards: Iterable<Card>): Map<string, Card[]> {
  const cells = new Map<string, Card[]>();
  for (const card of cards) {
    const key = cellKey(card.stageId, card.laneId);
    const list = cells.get(key);
    if (list) list.push(card);
    else cells.set(key, [card]);
  }
  for (const list of cells.values()) list.sort((a, b) => a.order - b.order);
  return cells;
}
