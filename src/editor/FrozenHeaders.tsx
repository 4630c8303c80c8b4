import { memo } from 'react';
import { useI18n } from '../i18n/react';
import type { Lane, Stage } from '../model/schema';
import type { MapLayout } from './layout';
import { useFlowView } from './flowView';
import { frozenHeaders } from './frozenHeaders';

/**
 * The stage row and lane column kept in view while the map is panned, as a spreadsheet keeps
 * its frozen row and column: once the real headers (nodes on the canvas, which React Flow
 * stops drawing when they leave the view) scroll away, a strip at the canvas edge names the
 * stage of each visible column and the lane of each visible row, at a readable size whatever
 * the zoom. The real headers stay the accessible controls; this strip repeats them for the eye
 * (aria-hidden), and a click on a name selects that stage or lane, as a click on its header does.
 */
export const FrozenHeaders = memo(function FrozenHeaders({
  layout,
  stages,
  lanes,
  onPick,
}: {
  layout: MapLayout;
  stages: readonly Stage[];
  lanes: readonly Lane[];
  onPick(id: string): void;
}) {
  // Re-renders on every pan frame: a few dozen boxes at most, only those in view.
  const view = useFlowView();
  const i18n = useI18n();
  const strips = frozenHeaders(layout, view);
  if (!strips.stages && !strips.lanes) return null;
  const side = layout.direction === 'rtl' ? 'right' : 'left';
  return (
    <div className="jb-frozen" aria-hidden="true" dir={layout.direction}>
      {strips.lanes && (
        <div className="jb-frozen__column" style={{ inlineSize: strips.lanes.width, [side]: 0 }}>
          {strips.lanes.items.map(({ index, start, size }) => {
            const lane = lanes[index];
            if (!lane) return null;
            return (
              <div
                key={lane.id}
                className={`jb-frozen__lane jb-lane--${lane.kind}`}
                style={{ insetBlockStart: start, blockSize: size }}
                onClick={() => onPick(lane.id)}
                title={lane.title}
              >
                <span className="jb-frozen__name" dir="auto">
                  {lane.title}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {strips.stages && (
        <div className="jb-frozen__row" style={{ blockSize: strips.stages.height }}>
          {strips.stages.items.map(({ index, start, size }) => {
            const stage = stages[index];
            if (!stage) return null;
            return (
              <div
                key={stage.id}
                className="jb-frozen__stage"
                style={{ [side]: start, inlineSize: size, borderBlockStartColor: stage.color ?? undefined }}
                onClick={() => onPick(stage.id)}
                title={stage.name}
              >
                <span className="jb-stage__index">{i18n.number(index + 1)}</span>
                <span className="jb-frozen__name" dir="auto">
                  {stage.name}
                </span>
              </div>
            );
          })}
        </div>
      )}
      {strips.stages && strips.lanes && (
        <div className="jb-frozen__corner" style={{ inlineSize: strips.lanes.width, blockSize: strips.stages.height, [side]: 0 }} />
      )}
    </div>
  );
});
