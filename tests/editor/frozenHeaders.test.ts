import { describe, expect, it } from 'vitest';
import { FROZEN_COLUMN_PX, FROZEN_ROW_PX, frozenHeaders } from '../../src/editor/frozenHeaders';
import { computeLayout } from '../../src/editor/layout';
import { fixture } from '../fixtures';
import { restoreMap } from '../../src/model/restore';
import { i18n } from '../../src/i18n';

function layoutOf(direction: 'ltr' | 'rtl') {
  const r = restoreMap(fixture('v1/map.json'));
  if (r.kind !== 'ok') throw new Error(r.kind);
  return computeLayout({ ...r.doc, direction }, i18n);
}

describe('frozen headers', () => {
  const view = { x: 0, y: 0, zoom: 1, width: 800, height: 600 };

  it('none while the real headers are in view', () => {
    expect(frozenHeaders(layoutOf('ltr'), view)).toEqual({ stages: null, lanes: null });
  });

  it('panned down and right: the row names the stage of each visible column, the column the lane of each visible row', () => {
    const layout = layoutOf('ltr');
    const zoom = 0.5;
    // The lane column and the header row have just scrolled away (50 and 20 px of them left).
    const x = -(layout.laneHeader.x + layout.laneHeader.width) * zoom + 50;
    const y = -(layout.stageHeader.y + layout.stageHeader.height) * zoom + 20;
    const strips = frozenHeaders(layout, { ...view, x, y, zoom });
    expect(strips.stages?.height).toBe(FROZEN_ROW_PX);
    expect(strips.lanes?.width).toBe(FROZEN_COLUMN_PX);
    // The first column has begun to pass under the frozen lane column: its box (and so its name)
    // starts at the lane column's edge.
    const first = layout.columns[0]!;
    const firstEnd = (first.x + first.width) * zoom + x;
    expect(first.x * zoom + x).toBeLessThan(FROZEN_COLUMN_PX);
    expect(strips.stages?.items[0]).toEqual({ index: 0, start: FROZEN_COLUMN_PX, size: firstEnd - FROZEN_COLUMN_PX });
    const second = layout.columns[1]!;
    expect(strips.stages?.items[1]).toEqual({ index: 1, start: second.x * zoom + x, size: second.width * zoom });
    expect(strips.stages?.items.map((i) => i.index)).toEqual(layout.columns.filter((c) => (c.x + c.width) * zoom + x > FROZEN_COLUMN_PX && c.x * zoom + x < 800).map((c) => c.index));
    // Likewise the first lane starts under the frozen stage row.
    const row = layout.rows[0]!;
    const rowEnd = (row.y + row.height) * zoom + y;
    expect(strips.lanes?.items[0]).toEqual({ index: 0, start: FROZEN_ROW_PX, size: rowEnd - FROZEN_ROW_PX });
  });

  it('on a right-to-left map the lane column freezes at the right, stages measured from the right edge', () => {
    const layout = layoutOf('rtl');
    const zoom = 1;
    // The lane column (at the right of the map) has just left the view at the right.
    const x = 800 - layout.laneHeader.x - 5;
    const strips = frozenHeaders(layout, { ...view, x, zoom });
    expect(strips.lanes).not.toBeNull();
    expect(strips.stages).toBeNull();
    const down = frozenHeaders(layout, { ...view, x, zoom, y: -(layout.stageHeader.y + layout.stageHeader.height) - 1 });
    // Measured from the right edge; the first stage is the rightmost column, partly under the lane column.
    const col = layout.columns[1]!;
    expect(down.stages?.items.find((i) => i.index === 1)).toEqual({ index: 1, start: 800 - ((col.x + col.width) * zoom + x), size: col.width });
    expect(down.stages?.items.every((i) => i.start >= FROZEN_COLUMN_PX)).toBe(true);
  });

  it('a header row scrolled off by less than the strip is left as it is (never two rows at once)', () => {
    const layout = layoutOf('ltr');
    const strips = frozenHeaders(layout, { ...view, y: -1 });
    expect(strips.stages).toBeNull();
  });
});
