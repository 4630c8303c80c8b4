/**
 * Where the view opens and what "Fit" does, from the layout and the canvas size (pure).
 *
 * A map opens readable: card text (14 px in editor.css) at least 12 px on screen, so the zoom
 * is at least READABLE_ZOOM. A map that fits the canvas at that zoom opens whole, centred, as
 * before; a bigger one opens at the first stage with its header row in view: the top left, or
 * the top right on a right-to-left map. "Fit" fits the stages' width (never the whole of a tall
 * map into a stamp), and the top of the map, the same way.
 */
import type { Viewport } from '@xyflow/react';
import type { MapLayout } from './layout';

/** Card text is 14 px: at this zoom it is 12 px on screen. */
export const READABLE_ZOOM = 12 / 14;
/**
 * Below this zoom card text is 3.5 px on screen, which nobody reads: cards are drawn as blocks
 * in their lane's colour (severity and KPI status kept), without text or handles (editor.css,
 * .jb-lod-blocks), which costs far less to paint on every frame of a pan.
 */
export const BLOCK_ZOOM = 0.25;
/** Never larger than life when fitting. */
const MAX_FIT_ZOOM = 1;
/** Room left around the map, in screen pixels. */
const PAD = 16;

export interface CanvasSize {
  width: number;
  height: number;
}

/** The zoom and offset that show the whole map centred, or null when it does not fit readably. */
function whole(layout: MapLayout, canvas: CanvasSize, minZoom: number): Viewport | null {
  const zoom = Math.min((canvas.width - 2 * PAD) / layout.width, (canvas.height - 2 * PAD) / layout.height, MAX_FIT_ZOOM);
  if (!(zoom >= minZoom)) return null;
  return { zoom, x: (canvas.width - layout.width * zoom) / 2, y: (canvas.height - layout.height * zoom) / 2 };
}

/** The map's start (its first stage and header row) at the canvas's top start corner, at `zoom`. */
function atStart(layout: MapLayout, canvas: CanvasSize, zoom: number): Viewport {
  const x = layout.direction === 'rtl' ? canvas.width - PAD - layout.width * zoom : PAD;
  return { zoom, x, y: PAD };
}

export function openingViewport(layout: MapLayout, canvas: CanvasSize): Viewport {
  return whole(layout, canvas, READABLE_ZOOM) ?? atStart(layout, canvas, READABLE_ZOOM);
}

/** "Fit": the whole map when it fits at the zoom that fits its width; else its width, from the top. */
export function fitWidthViewport(layout: MapLayout, canvas: CanvasSize, minZoom = 0.05): Viewport {
  const zoom = Math.max(minZoom, Math.min((canvas.width - 2 * PAD) / layout.width, MAX_FIT_ZOOM));
  return whole(layout, canvas, zoom) ?? atStart(layout, canvas, zoom);
}

/** Zooming to a stage or a lane never goes beyond this. */
const MAX_FOCUS_ZOOM = 1.5;
const clampZoom = (z: number) => Math.min(MAX_FOCUS_ZOOM, Math.max(READABLE_ZOOM, z));

/** "Zoom to stage": its column across the canvas, centred, from its header down. */
export function stageViewport(header: { x: number; y: number; width: number }, canvas: CanvasSize): Viewport {
  const zoom = clampZoom((canvas.width - 2 * PAD) / header.width);
  return { zoom, x: canvas.width / 2 - (header.x + header.width / 2) * zoom, y: PAD - header.y * zoom };
}

/** "Zoom to lane": its row down the canvas, centred, from its header (at the left, or the right on a right-to-left map) on. */
export function laneViewport(header: { x: number; y: number; width: number; height: number }, direction: 'ltr' | 'rtl', canvas: CanvasSize): Viewport {
  const zoom = clampZoom((canvas.height - 2 * PAD) / header.height);
  const x = direction === 'rtl' ? canvas.width - PAD - (header.x + header.width) * zoom : PAD - header.x * zoom;
  return { zoom, x, y: canvas.height / 2 - (header.y + header.height / 2) * zoom };
}
