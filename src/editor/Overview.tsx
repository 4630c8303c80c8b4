import { memo, useRef, useState, type PointerEvent } from 'react';
import { Panel, useReactFlow } from '@xyflow/react';
import { useI18n } from '../i18n/react';
import { useFlowView } from './flowView';
import { cellKey, type MapLayout } from './layout';

/**
 * The map overview (in place of React Flow's MiniMap): the grid drawn as cells, not as one
 * shape per card, so it costs the same at 50 cards as at 5,000; each cell shaded by its lane's
 * kind and darker with more cards; the part on screen outlined. A click or a drag in it moves the
 * view there. It sits in the corner away from the lane column (bottom left on a right-to-left
 * map) and folds away with its button, so it never has to cover cards.
 */
export const Overview = memo(function Overview({ layout }: { layout: MapLayout }) {
  const i18n = useI18n();
  const [open, setOpen] = useState(true);
  const rtl = layout.direction === 'rtl';
  return (
    <Panel position={rtl ? 'bottom-left' : 'bottom-right'} className="jb-overview">
      <button
        type="button"
        className="jb-overview__toggle"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {open ? i18n._('editor.overview.hide') : i18n._('editor.overview.show')}
      </button>
      {open && <OverviewMap layout={layout} />}
    </Panel>
  );
});

/** The overview's size on screen: the map's shape within this box. */
const MAX_W = 200;
const MAX_H = 140;

function OverviewMap({ layout }: { layout: MapLayout }) {
  const flow = useReactFlow();
  const i18n = useI18n();
  const view = useFlowView();
  const svg = useRef<SVGSVGElement>(null);
  const scale = Math.min(MAX_W / layout.width, MAX_H / layout.height);
  const [w, h] = [layout.width * scale, layout.height * scale];

  const moveTo = (e: PointerEvent<SVGSVGElement>) => {
    const box = svg.current?.getBoundingClientRect();
    if (!box) return;
    const x = ((e.clientX - box.left) / box.width) * layout.width;
    const y = ((e.clientY - box.top) / box.height) * layout.height;
    void flow.setCenter(x, y, { zoom: view.zoom });
  };
  const headerBottom = layout.stageHeader.y + layout.stageHeader.height;
  const frame = { x: -view.x / view.zoom, y: -view.y / view.zoom, width: view.width / view.zoom, height: view.height / view.zoom };
  return (
    <svg
      ref={svg}
      className="jb-overview__map"
      width={w}
      height={h}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      role="img"
      aria-label={i18n._('editor.overview.name')}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        moveTo(e);
      }}
      onPointerMove={(e) => {
        if (e.currentTarget.hasPointerCapture(e.pointerId)) moveTo(e);
      }}
    >
      <rect className="jb-overview__header" x={0} y={layout.stageHeader.y} width={layout.width} height={layout.stageHeader.height} />
      <rect className="jb-overview__header" x={layout.laneHeader.x} y={headerBottom} width={layout.laneHeader.width} height={layout.height - headerBottom} />
      {layout.rows.map((row) =>
        layout.columns.map((col) => {
          const cards = layout.cells.get(cellKey(col.stageId, row.laneId))?.length ?? 0;
          return (
            <rect
              key={`${row.laneId}:${col.stageId}`}
              className={`jb-overview__cell jb-overview__cell--${row.kind}`}
              x={col.x}
              y={row.y}
              width={col.width}
              height={row.height}
              fillOpacity={cards === 0 ? 0.08 : Math.min(0.25 + cards * 0.12, 0.8)}
            />
          );
        }),
      )}
      <rect className="jb-overview__frame" x={frame.x} y={frame.y} width={frame.width} height={frame.height} vectorEffect="non-scaling-stroke" />
    </svg>
  );
}
