/**
 * Arrow-key movement between cards, by geometry: the nearest card in that
 * direction on screen (so it follows the map's direction, RTL included).
 */
import type { MapLayout, Rect } from './layout';

export type Direction4 = 'up' | 'down' | 'left' | 'right';

const centre = (r: Rect) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 });

export function neighbourCard(layout: MapLayout, fromId: string, dir: Direction4): string | null {
  const from = layout.cards.get(fromId);
  if (!from) return null;
  const f = centre(from);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, r] of layout.cards) {
    if (id === fromId) continue;
    const c = centre(r);
    const dx = c.x - f.x;
    const dy = c.y - f.y;
    let primary: number;
    let secondary: number;
    if (dir === 'right') [primary, secondary] = [dx, dy];
    else if (dir === 'left') [primary, secondary] = [-dx, dy];
    else if (dir === 'down') [primary, secondary] = [dy, dx];
    else [primary, secondary] = [-dy, dx];
    if (primary <= 1) continue;
    const score = primary + 3 * Math.abs(secondary);
    if (score < bestScore) {
      bestScore = score;
      best = id;
    }
  }
  return best;
}

/** The first card in reading order (top row, start column). */
export function firstCard(layout: MapLayout): string | null {
  let best: string | null = null;
  let bestKey = Infinity;
  for (const [id, r] of layout.cards) {
    const x = layout.direction === 'rtl' ? layout.width - r.x : r.x;
    const key = r.y * 100000 + x;
    if (key < bestKey) {
      bestKey = key;
      best = id;
    }
  }
  return best;
}
