import { useStore, type ReactFlowState } from '@xyflow/react';

/** React Flow's view: screen = flow * zoom + (x, y), on a canvas of width x height screen pixels. */
export interface FlowView {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
}

const selectView = (s: ReactFlowState): FlowView => ({ x: s.transform[0], y: s.transform[1], zoom: s.transform[2], width: s.width, height: s.height });
const sameView = (a: FlowView, b: FlowView) => a.x === b.x && a.y === b.y && a.zoom === b.zoom && a.width === b.width && a.height === b.height;

/** The current view; the caller re-renders when it changes (every frame of a pan or zoom). */
export function useFlowView(): FlowView {
  return useStore(selectView, sameView);
}
