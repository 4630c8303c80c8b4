/** Edge components: labelled arrows between cards, and loop arrows between stages. */
import { BaseEdge, EdgeLabelRenderer, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useI18n } from '../i18n/react';
import { useEditor, useEditorApi } from './context';
import { labelSize, placeLabel } from './edgeLabel';
import { InlineText } from './InlineText';
import type { ConnectionEdge, LoopEdge } from './toFlow';

const ConnectionView = memo(function ConnectionView(props: EdgeProps<ConnectionEdge>) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const editing = useEditor((s) => s.ui.editingId === id);
  const readOnly = useEditor((s) => s.readOnly);
  const api = useEditorApi();
  const i18n = useI18n();
  const label = data?.label ?? '';
  const addLabel = i18n._('editor.arrow.addLabel');
  const shown = label || (selected ? addLabel : '');
  const obstacles = data?.obstacles;
  // The curve React Flow would draw, and a place on it (or just beside it) where the label covers no card.
  const place = useMemo(
    () => placeLabel({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition }, labelSize(shown), obstacles ?? []),
    [sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, shown, obstacles],
  );
  const aside = Math.abs(place.x - place.anchor.x) + Math.abs(place.y - place.anchor.y) > 1;
  return (
    <>
      <BaseEdge id={id} path={place.path} markerEnd={markerEnd} className={`jb-edge${selected ? ' is-selected' : ''}`} interactionWidth={16} />
      {/* A label that stepped aside from its curve is tied to it by a short line. */}
      {shown && aside && !editing && (
        <path d={`M${place.anchor.x},${place.anchor.y} L${place.x},${place.y}`} className="jb-edge" style={{ strokeWidth: 1, strokeDasharray: '3 3', fill: 'none', pointerEvents: 'none' }} />
      )}
      <EdgeLabelRenderer>
        <div
          className="jb-edge-label nodrag nopan"
          // No place clear of the cards (a crowded map): the label goes under the cards, so they keep their clicks.
          style={{ transform: `translate(-50%, -50%) translate(${place.x}px, ${place.y}px)`, zIndex: place.clear ? undefined : 2 }}
        >
          {editing ? (
            <InlineText
              value={label}
              label={i18n._('editor.arrow.editLabel')}
              onDraft={(text, coalesce) => api.getState().updateConnectionLabel(id, text, coalesce)}
              onCommit={(text, coalesce) => {
                api.getState().updateConnectionLabel(id, text, coalesce);
                api.getState().stopEditing();
              }}
              onCancel={(coalesce) => {
                api.getState().revertTyping(coalesce);
                api.getState().stopEditing();
              }}
            />
          ) : (
            (label || selected) && (
              <button
                type="button"
                className={`jb-edge-label__button${selected ? ' is-selected' : ''}`}
                data-focus-id={id}
                dir="auto"
                aria-label={label ? i18n._('editor.arrow.buttonName', { label }) : i18n._('editor.arrow.buttonNameUnlabelled')}
                onClick={(e) => api.getState().select([id], e.shiftKey)}
                onDoubleClick={() => !readOnly && api.getState().startEditing(id)}
              >
                {label || addLabel}
              </button>
            )
          )}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

const LoopView = memo(function LoopView(props: EdgeProps<LoopEdge>) {
  const { id, data, sourceX, sourceY, targetX, targetY, markerEnd } = props;
  const top = data?.topY ?? Math.min(sourceY, targetY) - 40;
  const r = 12;
  const dir = targetX < sourceX ? -1 : 1;
  const path = [
    `M ${sourceX} ${sourceY}`,
    `V ${top + r}`,
    `Q ${sourceX} ${top} ${sourceX + dir * r} ${top}`,
    `H ${targetX - dir * r}`,
    `Q ${targetX} ${top} ${targetX} ${top + r}`,
    `V ${targetY}`,
  ].join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className="jb-loop" />
      <EdgeLabelRenderer>
        <div className="jb-loop-label" dir="auto" style={{ transform: `translate(-50%, -50%) translate(${(sourceX + targetX) / 2}px, ${top}px)` }}>
          ↺ {data?.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});

export const edgeTypes: EdgeTypes = {
  connection: ConnectionView,
  loop: LoopView,
};
