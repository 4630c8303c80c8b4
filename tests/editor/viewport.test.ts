import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/editor/layout';
import { READABLE_ZOOM, fitWidthViewport, laneViewport, openingViewport, stageViewport } from '../../src/editor/viewport';
import { restoreMap } from '../../src/model/restore';
import { fixture } from '../fixtures';
import { i18n } from '../../src/i18n';

function layoutOf(direction: 'ltr' | 'rtl') {
  const r = restoreMap(fixture('v1/map.json'));
  if (r.kind !== 'ok') throw new Error(r.kind);
  return computeLayout({ ...r.doc, direction }, i18n);
}

describe('opening view and fit', () => {
  it('a map that fits readably opens whole and centred; a bigger one at its first stage, readable', () => {
    const layout = layoutOf('ltr');
    const big = { width: layout.width * 2, height: layout.height * 2 };
    const whole = openingViewport(layout, big);
    expect(whole.zoom).toBe(1);
    expect(whole.x + (layout.width * whole.zoom) / 2).toBeCloseTo(big.width / 2);
    const small = { width: 600, height: 400 };
    const start = openingViewport(layout, small);
    expect(start.zoom).toBe(READABLE_ZOOM);
    expect(start).toMatchObject({ x: 16, y: 16 });
  });

  it('on a right-to-left map the first stage is at the right edge', () => {
    const layout = layoutOf('rtl');
    const v = openingViewport(layout, { width: 600, height: 400 });
    expect(layout.width * v.zoom + v.x).toBeCloseTo(600 - 16);
  });

  it('fit width: the stages across the canvas from the top, whatever the height', () => {
    const layout = layoutOf('ltr');
    const v = fitWidthViewport(layout, { width: 500, height: 100 });
    expect(layout.width * v.zoom).toBeCloseTo(500 - 32);
    expect(v.y).toBe(16);
  });
});

describe('zoom to a stage or a lane', () => {
  const canvas = { width: 900, height: 600 };
  it('a stage: its column across the canvas and centred, its header at the top', () => {
    const v = stageViewport({ x: 1000, y: 40, width: 260 }, canvas);
    expect(v.zoom).toBe(1.5);
    expect(1000 * v.zoom + v.x + (260 * v.zoom) / 2).toBeCloseTo(450);
    expect(40 * v.zoom + v.y).toBeCloseTo(16);
    // A very wide column is still shown readable, not shrunk below 12 px text.
    expect(stageViewport({ x: 0, y: 0, width: 5000 }, canvas).zoom).toBe(READABLE_ZOOM);
  });
  it('a lane: its row down the canvas and centred, its header at the start edge (the right on a right-to-left map)', () => {
    const header = { x: 1600, y: 300, width: 160, height: 400 };
    const v = laneViewport(header, 'rtl', canvas);
    expect((header.x + header.width) * v.zoom + v.x).toBeCloseTo(900 - 16);
    expect((header.y + header.height / 2) * v.zoom + v.y).toBeCloseTo(300);
    const l = laneViewport({ ...header, x: 0 }, 'ltr', canvas);
    expect(0 * l.zoom + l.x).toBeCloseTo(16);
  });
});
