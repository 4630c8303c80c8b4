/**
 * The canvas's node components. Each is memoised and reads only plain `data` and
 * primitive slices of the store, so editing one card re-renders that card.
 */
import { Handle, Position, useReactFlow, useStoreApi, type NodeProps, type NodeTypes, type Viewport } from '@xyflow/react';
import { memo, useId, useMemo, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import { cardFace } from './cardFace';
import { ChannelIcon } from './ChannelIcon';
import { LANE_KIND_LABEL_IDS, SEVERITY_LABEL_IDS } from './labels';
import { useEditor, useEditorApi } from './context';
import { InlineText } from './InlineText';
import { scoreAtY } from './layout';
import type { CardNode, CellNode, EmotionNode, LaneHeaderNode, StageHeaderNode } from './toFlow';
import { viewMoveMs } from './motion';
import { laneViewport, stageViewport } from './viewport';

let pendingFocus: number | null = null;
/** About a second at 60 Hz: a scroll to an off-screen card takes 150 ms, then React renders it. */
const FOCUS_FRAMES = 60;

/**
 * Focus an editor element by entity id (after a click, a keyboard action or an edit)
 * once React has rendered it. The canvas renders only the nodes on screen, so a card
 * that a jump scrolls to appears some frames later: look for it each frame, for a
 * bounded number of frames. Only the latest request counts, and it gives up when the
 * focus went somewhere else meanwhile: each click of a double-click asks to focus
 * the card, and stealing the focus from the in-place editor it opened would close it.
 */
export function focusEntity(id: string): void {
  if (pendingFocus !== null) cancelAnimationFrame(pendingFocus);
  const from = document.activeElement;
  let frames = FOCUS_FRAMES;
  const attempt = () => {
    pendingFocus = null;
    const active = document.activeElement;
    const elsewhere = active && active !== from && active !== document.body && !active.classList.contains('jb-canvas');
    if (elsewhere) return;
    const el = document.querySelector<HTMLElement>(`[data-focus-id="${CSS.escape(id)}"]`);
    if (el) el.focus({ preventScroll: true });
    else if (--frames > 0) pendingFocus = requestAnimationFrame(attempt);
  };
  pendingFocus = requestAnimationFrame(attempt);
}

const CardView = memo(function CardView({ id, data, selected }: NodeProps<CardNode>) {
  const editing = useEditor((s) => s.ui.editingId === id);
  const readOnly = useEditor((s) => s.readOnly);
  const api = useEditorApi();
  const i18n = useI18n();
  const locale = i18n.locale;
  const kindLabel = i18n._(LANE_KIND_LABEL_IDS[data.kind]);
  // The same instance speaks another language after a switch: the locale is what changes.
  const face = useMemo(() => {
    void locale;
    return cardFace(i18n, data);
  }, [i18n, locale, data]);
  const classes = ['jb-card', `jb-card--${data.kind}`];
  if (selected) classes.push('is-selected');
  if (editing) classes.push('is-editing');
  if (data.severity) classes.push(`jb-sev--${data.severity}`);
  if (data.onTarget !== null) classes.push(data.onTarget ? 'is-on-target' : 'is-off-target');

  // What a screen reader says: the kind, what the card's head and figures show, its text;
  // a KPI card is read with its metric and its value against the target.
  const label = [
    kindLabel,
    data.channelName,
    data.severity ? i18n._('editor.card.severityName', { severity: severityWord(i18n, data.severity) }) : null,
    face.kpi && face.head ? `${face.head.text} ${face.kpi.value} ${face.kpi.target}${face.kpi.mark ?? ''}` : null,
    data.text || i18n._('editor.card.emptyName'),
    data.comments > 0 ? i18n._('editor.card.comments', { count: data.comments }) : null,
    selected ? i18n._('editor.card.selectedName') : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <div
      className={classes.join(' ')}
      data-focus-id={id}
      data-kind={data.kind}
      dir={data.direction}
      tabIndex={selected ? 0 : -1}
      role="group"
      aria-roledescription={i18n._('editor.card.roleDescription')}
      aria-label={label}
    >
      <Handle type="source" position={Position.Left} id="l" className="jb-handle" isConnectable={!readOnly} />
      <Handle type="source" position={Position.Right} id="r" className="jb-handle" isConnectable={!readOnly} />
      {data.comments > 0 && (
        // Named in the card's label; the figure is the interface's (chrome, not the map's content).
        <span className="jb-card__comments" aria-hidden="true">
          <svg width="12" height="12" viewBox="0 0 12 12">
            <path d="M1.5 1.5h9v6.5h-5l-2.5 2.5v-2.5h-1.5z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
          </svg>
          {i18n.number(data.comments)}
        </span>
      )}
      <div className="jb-card__body">
        <div className="jb-card__head">
          {face.head?.type === 'channel' && (
            <span className="jb-channel" dir="auto">
              <ChannelIcon id={data.channelId} />
              <span>{face.head.text}</span>
            </span>
          )}
          {face.head && face.head.type !== 'channel' && face.head.type !== 'kind' && (
            <span className={`jb-badge${face.head.type === 'severity' ? ` jb-badge--sev-${data.severity}` : face.head.type === 'status' ? ` jb-badge--status-${data.status}` : ''}`} dir="auto">
              {face.head.text}
            </span>
          )}
          {face.head?.type === 'kind' && (
            <span className="jb-kind" dir="auto">
              {face.head.text}
            </span>
          )}
        </div>
        {editing ? (
          <InlineText
            value={data.text}
            label={i18n._('editor.card.editText')}
            multiline
            onDraft={(text, coalesce) => api.getState().updateCard(id, { text }, coalesce)}
            onCommit={(text, coalesce) => {
              api.getState().updateCard(id, { text }, coalesce);
              api.getState().stopEditing();
              focusEntity(id);
            }}
            onCancel={(coalesce) => {
              api.getState().revertTyping(coalesce);
              api.getState().stopEditing();
              focusEntity(id);
            }}
          />
        ) : (
          <p className={`jb-card__text${face.empty ? ' is-empty' : ''}`} dir="auto">
            {face.text}
          </p>
        )}
        {face.fields.length > 0 && (
          <dl className="jb-fields">
            {face.fields.map((f) => (
              <div key={f.label}>
                <dt>{f.label}</dt>
                <dd dir="auto">{f.value}</dd>
              </div>
            ))}
          </dl>
        )}
        {face.link && (
          <p className="jb-link" dir="auto">
            <span aria-hidden="true">↳ </span>
            {face.link}
          </p>
        )}
        {face.kpi && (
          <p className="jb-kpi" dir="auto">
            <strong>{face.kpi.value}</strong> <span>{face.kpi.target}</span>
            {face.kpi.mark && <span className="jb-kpi__mark">{face.kpi.mark}</span>}
          </p>
        )}
      </div>
    </div>
  );
});

// The stage and lane headers are drawn as React Flow nodes, each inside its own node wrapper, so
// they cannot sit in the rows of a grid: a columnheader or rowheader role there has no row to
// belong to (axe's aria-required-parent). Each header is its button, named with its number and
// title (a lane's with its kind too).
/** The small "zoom to" button at a header's end: shown on hover, focus and selection. */
function ZoomToButton({ label, viewport }: { label: string; viewport(canvas: { width: number; height: number }): Viewport }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  return (
    <button
      type="button"
      className="jb-header-zoom nodrag"
      aria-label={label}
      title={label}
      onClick={() => {
        const { width, height } = store.getState();
        void flow.setViewport(viewport({ width, height }), { duration: viewMoveMs(250) });
      }}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <circle cx="6.5" cy="6.5" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10 10l4.5 4.5M4.5 6.5h4M6.5 4.5v4" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </button>
  );
}

const StageHeaderView = memo(function StageHeaderView({ data, selected, positionAbsoluteX, positionAbsoluteY, width }: NodeProps<StageHeaderNode>) {
  const editing = useEditor((s) => s.ui.editingId === data.stageId);
  const api = useEditorApi();
  const i18n = useI18n();
  const number = i18n.number(data.index + 1);
  const descId = useId();
  const loopId = useId();
  // The stage's description and loop are read with its button, as they are seen under it.
  const describedBy = [data.description ? descId : null, data.loopsToName !== null ? loopId : null].filter(Boolean).join(' ');
  return (
    <div
      className={`jb-stage${selected ? ' is-selected' : ''}`}
      style={data.color ? { borderBlockStartColor: data.color } : undefined}
    >
      <Handle type="source" id="top" position={Position.Top} className="jb-handle-hidden" isConnectable={false} />
      <Handle type="target" id="top-in" position={Position.Top} className="jb-handle-hidden" isConnectable={false} />
      {editing ? (
        <InlineText
          value={data.name}
          label={i18n._('editor.stage.rename')}
          onDraft={(name, coalesce) => {
            if (name.trim()) api.getState().updateStage(data.stageId, { name }, coalesce);
          }}
          onCommit={(name, coalesce) => {
            if (name.trim()) api.getState().updateStage(data.stageId, { name }, coalesce);
            api.getState().stopEditing();
            focusEntity(data.stageId);
          }}
          onCancel={(coalesce) => {
            api.getState().revertTyping(coalesce);
            api.getState().stopEditing();
            focusEntity(data.stageId);
          }}
        />
      ) : (
        <button
          type="button"
          className="jb-header-button"
          data-focus-id={data.stageId}
          aria-label={i18n._('editor.stage.headerName', { number, name: data.name })}
          aria-describedby={describedBy || undefined}
          aria-pressed={selected}
          onClick={(e) => api.getState().select([data.stageId], e.shiftKey)}
        >
          <span className="jb-stage__index" aria-hidden="true">
            {number}
          </span>
          {/* A space between the number and the name, so the words seen ("1 Awareness") are in the
              button's name ("Stage 1: Awareness") for speech input; a flex container does not draw it. */}{' '}
          <span className="jb-stage__name" dir="auto">
            {data.name}
          </span>
        </button>
      )}
      <ZoomToButton
        label={i18n._('editor.stage.zoomTo', { number })}
        viewport={(canvas) => stageViewport({ x: positionAbsoluteX, y: positionAbsoluteY, width: width ?? 0 }, canvas)}
      />
      {data.description && (
        <p className="jb-stage__desc" dir="auto" id={descId}>
          {data.description}
        </p>
      )}
      {data.loopsToName !== null && (
        <p className="jb-stage__loop" dir="auto" id={loopId}>
          <span aria-hidden="true">{data.direction === 'rtl' ? '↪' : '↩'}</span> {i18n._('editor.stage.loopsBackTo', { stage: data.loopsToName })}
        </p>
      )}
    </div>
  );
});

const LaneHeaderView = memo(function LaneHeaderView({ data, selected, positionAbsoluteX, positionAbsoluteY, width, height }: NodeProps<LaneHeaderNode>) {
  const editing = useEditor((s) => s.ui.editingId === data.laneId);
  const api = useEditorApi();
  const i18n = useI18n();
  const number = i18n.number(data.index + 1);
  const kind = i18n._(LANE_KIND_LABEL_IDS[data.kind]);
  return (
    <div className={`jb-lane jb-lane--${data.kind}${selected ? ' is-selected' : ''}`}>
      {editing ? (
        <InlineText
          value={data.title}
          label={i18n._('editor.lane.rename')}
          onDraft={(title, coalesce) => {
            if (title.trim()) api.getState().renameLane(data.laneId, title, coalesce);
          }}
          onCommit={(title, coalesce) => {
            if (title.trim()) api.getState().renameLane(data.laneId, title, coalesce);
            api.getState().stopEditing();
            focusEntity(data.laneId);
          }}
          onCancel={(coalesce) => {
            api.getState().revertTyping(coalesce);
            api.getState().stopEditing();
            focusEntity(data.laneId);
          }}
        />
      ) : (
        <button
          type="button"
          className="jb-header-button"
          data-focus-id={data.laneId}
          aria-label={i18n._('editor.lane.headerName', { number, title: data.title, kind })}
          aria-pressed={selected}
          onClick={(e) => api.getState().select([data.laneId], e.shiftKey)}
        >
          <span className="jb-lane__title" dir="auto">
            {data.title}
          </span>
        </button>
      )}
      <span className="jb-lane__kind">{kind}</span>
      <ZoomToButton
        label={i18n._('editor.lane.zoomTo', { number })}
        viewport={(canvas) => laneViewport({ x: positionAbsoluteX, y: positionAbsoluteY, width: width ?? 0, height: height ?? 0 }, data.direction, canvas)}
      />
    </div>
  );
});

const CellView = memo(function CellView({ data }: NodeProps<CellNode>) {
  const readOnly = useEditor((s) => s.readOnly);
  const current = useEditor((s) => s.ui.cell?.stageId === data.stageId && s.ui.cell?.laneId === data.laneId);
  const api = useEditorApi();
  const i18n = useI18n();
  const place = { stage: data.stageName, lane: data.laneTitle };
  return (
    <div className={`jb-cell${current ? ' is-current' : ''}`}>
      {!readOnly && (
        <button
          type="button"
          className="jb-cell__add nodrag"
          aria-label={i18n._('editor.cell.addCardName', place)}
          title={i18n._('editor.cell.addCardTitle', place)}
          onClick={(e) => {
            e.stopPropagation();
            api.getState().addCard({ stageId: data.stageId, laneId: data.laneId });
          }}
        >
          +
        </button>
      )}
    </div>
  );
});

const SCORE_WORD_IDS: Record<number, string> = {
  [-2]: /*i18n*/ 'editor.emotion.score.veryNegative',
  [-1]: /*i18n*/ 'editor.emotion.score.negative',
  0: /*i18n*/ 'editor.emotion.score.neutral',
  1: /*i18n*/ 'editor.emotion.score.positive',
  2: /*i18n*/ 'editor.emotion.score.veryPositive',
};

/** An emotion score as the panel lists it and a screen reader says it: "+2 (very positive)". */
export function scoreText(i18n: I18n, score: number): string {
  const id = SCORE_WORD_IDS[score];
  return i18n._('editor.emotion.scoreText', { score: i18n.number(score, { signDisplay: 'exceptZero' }), word: id ? i18n._(id) : '' });
}

/** A severity code's word ("critical" → "Critical"), or the code when the table has none. */
function severityWord(i18n: I18n, severity: string): string {
  const id = (SEVERITY_LABEL_IDS as Record<string, string>)[severity];
  return id ? i18n._(id) : severity;
}

function smoothPath(points: { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  let d = `M ${first!.x} ${first!.y}`;
  let prev = first!;
  for (const p of rest) {
    const mx = (prev.x + p.x) / 2;
    d += ` C ${mx} ${prev.y}, ${mx} ${p.y}, ${p.x} ${p.y}`;
    prev = p;
  }
  return d;
}

const EmotionView = memo(function EmotionView({ data }: NodeProps<EmotionNode>) {
  const api = useEditorApi();
  const i18n = useI18n();
  const readOnly = useEditor((s) => s.readOnly);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef<string | null>(null);
  const { width, height, points } = data;
  const mid = height / 2;
  const ordered = [...points].sort((a, b) => a.x - b.x);

  const scoreAt = (clientY: number): number => {
    const svg = svgRef.current;
    if (!svg) return 0;
    const rect = svg.getBoundingClientRect();
    const scale = rect.height / height || 1;
    return scoreAtY((clientY - rect.top) / scale, height);
  };

  const onPointerDown = (e: PointerEvent<SVGGElement>, cardId: string) => {
    e.stopPropagation();
    api.getState().select([cardId]);
    if (readOnly) return;
    dragging.current = cardId;
    e.currentTarget.setPointerCapture(e.pointerId);
    (e.currentTarget as unknown as HTMLElement).focus?.({ preventScroll: true });
  };
  const onPointerMove = (e: PointerEvent<SVGGElement>, cardId: string) => {
    if (dragging.current !== cardId) return;
    const score = scoreAt(e.clientY);
    const cur = api.getState().ui.emotionDrag;
    if (!cur || cur.cardId !== cardId || cur.score !== score) api.getState().setEmotionDrag({ cardId, score });
  };
  const onPointerUp = (e: PointerEvent<SVGGElement>, cardId: string) => {
    if (dragging.current !== cardId) return;
    dragging.current = null;
    const drag = api.getState().ui.emotionDrag;
    if (drag && drag.cardId === cardId) api.getState().setEmotionScore(cardId, drag.score);
    else api.getState().setEmotionDrag(null);
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<SVGGElement>, cardId: string, score: number) => {
    let next: number | null = null;
    if (e.key === 'ArrowUp' || e.key === 'ArrowRight' || e.key === 'PageUp') next = score + 1;
    else if (e.key === 'ArrowDown' || e.key === 'ArrowLeft' || e.key === 'PageDown') next = score - 1;
    else if (e.key === 'Home') next = 2;
    else if (e.key === 'End') next = -2;
    if (next === null) return;
    e.preventDefault();
    e.stopPropagation();
    if (!readOnly) api.getState().setEmotionScore(cardId, Math.max(-2, Math.min(2, next)));
  };

  return (
    <div className="jb-emotion" aria-label={i18n._('editor.emotion.curveName', { title: data.title })} role="group">
      <svg ref={svgRef} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="jb-emotion__svg">
        <rect x={0} y={0} width={width} height={mid} className="jb-zone jb-zone--pos" />
        <rect x={0} y={mid} width={width} height={height - mid} className="jb-zone jb-zone--neg" />
        <line x1={0} x2={width} y1={mid} y2={mid} className="jb-neutral" />
        <text x={6} y={16} className="jb-zone-label">
          +
        </text>
        <text x={6} y={height - 6} className="jb-zone-label">
          −
        </text>
        {ordered.length > 1 && <path d={smoothPath(ordered)} className="jb-curve" />}
        {points.map((p) => (
          <g
            key={p.cardId}
            className={`jb-point nodrag nopan${p.selected ? ' is-selected' : ''}`}
            data-focus-id={p.cardId}
            tabIndex={0}
            role="slider"
            aria-label={p.text ? i18n._('editor.emotion.pointNameWithNote', { stage: p.stageName, note: p.text }) : i18n._('editor.emotion.pointName', { stage: p.stageName })}
            aria-valuemin={-2}
            aria-valuemax={2}
            aria-valuenow={p.score}
            aria-valuetext={scoreText(i18n, p.score)}
            aria-readonly={readOnly || undefined}
            onPointerDown={(e) => onPointerDown(e, p.cardId)}
            onPointerMove={(e) => onPointerMove(e, p.cardId)}
            onPointerUp={(e) => onPointerUp(e, p.cardId)}
            onPointerCancel={() => {
              dragging.current = null;
              api.getState().setEmotionDrag(null);
            }}
            onKeyDown={(e) => onKeyDown(e, p.cardId, p.score)}
            onFocus={() => api.getState().select([p.cardId])}
          >
            <circle cx={p.x} cy={p.y} r={16} className="jb-point__hit" />
            {/* A selected point wears a ring wide enough to see on a fitted map: what is selected is what copy and delete take. */}
            {p.selected && <circle cx={p.x} cy={p.y} r={14} className="jb-point__ring" style={{ fill: 'none', stroke: 'var(--jb-focus)', strokeWidth: 4, pointerEvents: 'none' }} />}
            <circle cx={p.x} cy={p.y} r={8} className={`jb-point__dot jb-score--${p.score < 0 ? 'neg' : p.score > 0 ? 'pos' : 'zero'}`} />
            {p.text && (
              <text x={p.x} y={p.y + (p.score >= 0 ? 26 : -16)} textAnchor="middle" className="jb-point__label">
                {p.text.length > 28 ? `${p.text.slice(0, 27)}…` : p.text}
              </text>
            )}
          </g>
        ))}
      </svg>
    </div>
  );
});

/** Module-level, so React Flow never sees a new object. */
export const nodeTypes: NodeTypes = {
  card: CardView,
  stageHeader: StageHeaderView,
  laneHeader: LaneHeaderView,
  cell: CellView,
  emotion: EmotionView,
};
