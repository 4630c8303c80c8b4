/** Edge components: labelled arrows between cards, and loop arrows between stages. */
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import { memo } from 'react';
import { useEditor, useEditorApi } from './context';
import { InlineText } from './InlineText';
import type { ConnectionEdge, LoopEdge } from './toFlow';

const ConnectionView = memo(function ConnectionView(props: EdgeProps<ConnectionEdge>) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const editing = useEditor((s) => s.ui.editingId === id);
  const readOnly = useEditor((s) => s.readOnly);
  const api = useEditorApi();
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const label = data?.label ?? '';
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={`jb-edge${selected ? ' is-selected' : ''}`} interactionWidth={16} />
      <EdgeLabelRenderer>
        <div
          className="jb-edge-label nodrag nopan"
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
        >
          {editing ? (
            <InlineText
              value={label}
              label="Edit arrow label"
              onCommit={(text) => {
                api.getState().updateConnectionLabel(id, text);
                api.getState().stopEditing();
              }}
              onCancel={() => api.getState().stopEditing()}
            />
          ) : (
            (label || selected) && (
              <button
                type="button"
                className={`jb-edge-label__button${selected ? ' is-selected' : ''}`}
                data-focus-id={id}
                dir="auto"
                aria-label={label ? `Arrow: ${label}` : 'Arrow without label'}
                onClick={(e) => api.getState().select([id], e.shiftKey)}
                onDoubleClick={() => !readOnly && api.getState().startEditing(id)}
              >
                {label || 'Add label'}
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
