/**
 * Where the frozen stage row and lane column go (FrozenHeaders.tsx draws them): pure, from the
 * layout and the view, in screen pixels of the canvas. The row shows once the real header row
 * has scrolled off the top but for less than the row's own height (so the two never show side by
 * side, and a map that opens in full keeps its real headers); the column likewise, at its side
 * (the left, or the right on a right-to-left map). Only the boxes in view are listed.
 */
import type { FlowView } from './flowView';
import type { MapLayout } from './layout';

/** Screen sizes of the strips: readable at any zoom, like a spreadsheet's frozen headers. */
export const FROZEN_ROW_PX = 36;
export const FROZEN_COLUMN_PX = 144;


/** One stage or lane in a strip: its index, and its extent along the strip from the strip's start edge. */
export interface FrozenItem {
  index: number;
  start: number;
  size: number;
}

export interface FrozenStrips {
  stages: { height: number; items: FrozenItem[] } | null;
  lanes: { width: number; items: FrozenItem[] } | null;
}

export function frozenHeaders(layout: MapLayout, view: FlowView): FrozenStrips {
  const { x, y, zoom, width, height } = view;
  if (!(zoom > 0) || width <= 0 || height <= 0) return { stages: null, lanes: null };
  const rtl = layout.direction === 'rtl';

  let stages: FrozenStrips['stages'] = null;
  const rowTop = layout.stageHeader.y * zoom + y;
  const rowBottom = rowTop + layout.stageHeader.height * zoom;
  if (rowTop < 0 && rowBottom < FROZEN_ROW_PX) {
    const items: FrozenItem[] = [];
    for (const col of layout.columns) {
      const left = col.x * zoom + x;
      const size = col.width * zoom;
      // Measured from the inline start: the right edge on a right-to-left map.
      const start = rtl ? width - (left + size) : left;
      if (start < width && start + size > 0) items.push({ index: col.index, start, size });
    }
    stages = { height: FROZEN_ROW_PX, items };
  }

  let lanes: FrozenStrips['lanes'] = null;
  const laneLeft = layout.laneHeader.x * zoom + x;
  const laneRight = laneLeft + layout.laneHeader.width * zoom;
  if (rtl ? laneRight > width && laneLeft > width - FROZEN_COLUMN_PX : laneLeft < 0 && laneRight < FROZEN_COLUMN_PX) {
    const items: FrozenItem[] = [];
    for (const row of layout.rows) {
      const start = row.y * zoom + y;
      const size = row.height * zoom;
      if (start < height && start + size > 0) items.push({ index: row.index, start, size });
    }
    lanes = { width: FROZEN_COLUMN_PX, items };
  }
  // Each box starts where the view (less the other strip) starts, so its name is always in sight.
  if (stages) stages.items = clampItems(stages.items, lanes ? FROZEN_COLUMN_PX : 0);
  if (lanes) lanes.items = clampItems(lanes.items, stages ? FROZEN_ROW_PX : 0);
  return { stages, lanes };
}

function clampItems(items: FrozenItem[], from: number): FrozenItem[] {
  return items
    .map((item) => (item.start >= from ? item : { ...item, start: from, size: item.start + item.size - from }))
    .filter((item) => item.size > 0);
}
