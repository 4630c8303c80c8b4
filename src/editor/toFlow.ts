/**
 * Document + UI state → React Flow nodes and edges. Pure, apart from a per-entity
 * cache held by the mapper: a node (or edge) whose inputs did not change is the very
 * same object as last time, so React Flow skips it and its memoised component does
 * not re-render. Node `data` holds plain values only (no callbacks); components reach
 * the store through context. The few words it writes (the arrows' accessible names, a loop's
 * label) come from the `i18n` instance it is given.
 */
import type { I18n } from '../i18n';
import { mapLocale } from '../i18n/mapLocale';
import type { Edge, EdgeMarker, Node, NodeHandle, Position, XYPosition } from '@xyflow/react';
import { channelById } from '../model/channels';
import type { Card, JourneyMap, LaneKind } from '../model/schema';
import { cardData, touchpointLabel, type CardData } from './cardFace';
import { buildObstacleIndex, type ObstacleIndex } from './edgeLabel';
import { cellKey, emotionY, type MapLayout, type Rect } from './layout';
import { openCommentCounts } from '../model/comments';

export type StageHeaderData = {
  stageId: string;
  index: number;
  name: string;
  description: string;
  color: string | null;
  loopsToName: string | null;
  direction: 'ltr' | 'rtl';
};
export type LaneHeaderData = { laneId: string; index: number; title: string; kind: LaneKind; direction: 'ltr' | 'rtl' };
export type { CardData };
export type CellData = { stageId: string; laneId: string; stageName: string; laneTitle: string; kind: LaneKind };
export type EmotionPoint = { cardId: string; x: number; y: number; score: number; text: string; stageName: string; selected: boolean };
export type EmotionData = {
  laneId: string;
  title: string;
  width: number;
  height: number;
  points: EmotionPoint[];
  /** Column boundaries (x inside the node), for the stage separators. */
  columns: { x: number; width: number }[];
};
export type ConnectionEdgeData = {
  connectionId: string;
  label: string;
  /** What the arrow's label must leave clear (edgeLabel.ts): one index per layout, shared by every arrow. */
  obstacles: ObstacleIndex;
};
export type LoopEdgeData = { stageId: string; label: string; topY: number };

export type StageHeaderNode = Node<StageHeaderData, 'stageHeader'>;
export type LaneHeaderNode = Node<LaneHeaderData, 'laneHeader'>;
export type CellNode = Node<CellData, 'cell'>;
export type CardNode = Node<CardData, 'card'>;
export type EmotionNode = Node<EmotionData, 'emotion'>;
export type FlowNode = StageHeaderNode | LaneHeaderNode | CellNode | CardNode | EmotionNode;
export type ConnectionEdge = Edge<ConnectionEdgeData, 'connection'>;
export type LoopEdge = Edge<LoopEdgeData, 'loop'>;
export type FlowEdge = ConnectionEdge | LoopEdge;

/**
 * Stacking on the canvas, bottom to top. Arrows pass under the cards, not over them: where an
 * arrow crosses a card (one along a row of cards) the card stays whole and keeps its clicks;
 * the arrow's label is placed clear of every card (edgeLabel.ts).
 */
export const Z = { cell: 0, emotion: 1, connection: 2, card: 3, header: 4, loop: 5, draggedHeader: 10, draggedCard: 20 } as const;

/**
 * Where each node's handles are (as nodes.tsx draws them: React Flow centres a handle on its
 * side; .jb-handle is 12 px). Given up front, React Flow knows a node's connection points
 * without mounting it: otherwise it mounts every node once to measure them (all 5,000 cards of
 * a big map at open, though only those in view are then kept).
 */
const HANDLE_PX = 12;
function cardHandles(width: number, height: number): NodeHandle[] {
  const y = height / 2 - HANDLE_PX / 2;
  return [
    { id: 'l', type: 'source', position: 'left' as Position, x: -HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX },
    { id: 'r', type: 'source', position: 'right' as Position, x: width - HANDLE_PX / 2, y, width: HANDLE_PX, height: HANDLE_PX },
  ];
}
function stageHandles(width: number): NodeHandle[] {
  const top = { position: 'top' as Position, x: width / 2 - HANDLE_PX / 2, y: -HANDLE_PX / 2, width: HANDLE_PX, height: HANDLE_PX };
  return [
    { id: 'top', type: 'source', ...top },
    { id: 'top-in', type: 'target', ...top },
  ];
}

/** MarkerType.ArrowClosed, written out so this module imports no React code. */
const ARROW = { type: 'arrowclosed', width: 18, height: 18 } as EdgeMarker;

export interface FlowUi {
  /** Selected ids: cards, connections, stages, lanes (raw entity ids). */
  selected: ReadonlySet<string>;
  /** Temporary positions of nodes being dragged, by node id. */
  drag: ReadonlyMap<string, XYPosition>;
  /** A temporary score of an emotion point being dragged. */
  emotionDrag: { cardId: string; score: number } | null;
  readOnly: boolean;
}

export interface FlowResult {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export const stageNodeId = (id: string) => `stage:${id}`;
export const laneNodeId = (id: string) => `lane:${id}`;
export const cellNodeId = (stageId: string, laneId: string) => `cell:${stageId}:${laneId}`;
export const emotionNodeId = (laneId: string) => `emotion:${laneId}`;
export const loopEdgeId = (stageId: string) => `loop:${stageId}`;

/** The entity id behind a node id (a card's node id is the card id). */
export function entityOfNode(nodeId: string): { type: 'stage' | 'lane' | 'cell' | 'emotion' | 'card'; id: string } {
  const at = nodeId.indexOf(':');
  if (at > 0) {
    const prefix = nodeId.slice(0, at);
    if (prefix === 'stage' || prefix === 'lane' || prefix === 'cell' || prefix === 'emotion') return { type: prefix, id: nodeId.slice(at + 1) };
  }
  return { type: 'card', id: nodeId };
}

function sameDeps(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

interface Entry<T> {
  deps: unknown[];
  value: T;
}

/** Keeps one object per id while its inputs stay the same. */
class IdentityCache<T> {
  private entries = new Map<string, Entry<T>>();
  private seen = new Set<string>();

  get(id: string, deps: unknown[], build: () => T): T {
    this.seen.add(id);
    const hit = this.entries.get(id);
    if (hit && sameDeps(hit.deps, deps)) return hit.value;
    const value = build();
    this.entries.set(id, { deps, value });
    return value;
  }

  /** Forget the ids not asked for since the last sweep. */
  sweep(): void {
    for (const id of this.entries.keys()) if (!this.seen.has(id)) this.entries.delete(id);
    this.seen.clear();
  }
}

/**
 * Makes a mapper with its own cache: call it with each new (doc, layout, ui, i18n); it
 * returns nodes and edges, reusing the objects of unchanged entities.
 */
export function createFlowMapper() {
  const nodeCache = new IdentityCache<FlowNode>();
  const edgeCache = new IdentityCache<FlowEdge>();
  let obstacles: { layout: MapLayout; readOnly: boolean; rects: Rect[]; index: ObstacleIndex } | null = null;
  // The cards' open-comment counts, again only when the comments change.
  let commentCounts: { comments: JourneyMap['comments']; counts: Map<string, number> } | null = null;

  return function toFlow(doc: JourneyMap, layout: MapLayout, ui: FlowUi, i18n: I18n): FlowResult {
    const nodes: FlowNode[] = [];
    const edges: FlowEdge[] = [];
    const { selected, drag, readOnly } = ui;
    const direction = layout.direction;
    const language = mapLocale(doc);
    if (!commentCounts || commentCounts.comments !== doc.comments) commentCounts = { comments: doc.comments, counts: openCommentCounts(doc) };
    const counts = commentCounts.counts;
    const stageName = new Map(doc.stages.map((s) => [s.id, s.name]));
    const headerY = layout.stageHeader.y;
    const headerH = layout.stageHeader.height;
    const locale = i18n.locale;

    // Cells (behind everything).
    for (const row of layout.rows) {
      const lane = doc.lanes[row.index];
      if (!lane) continue;
      for (const col of layout.columns) {
        const stage = doc.stages[col.index];
        if (!stage) continue;
        const id = cellNodeId(stage.id, lane.id);
        nodes.push(
          nodeCache.get(id, [col.x, col.width, row.y, row.height, stage.name, lane.title, lane.kind, readOnly], () => ({
            id,
            type: 'cell',
            position: { x: col.x, y: row.y },
            width: col.width,
            height: row.height,
            measured: { width: col.width, height: row.height },
            draggable: false,
            selectable: false,
            connectable: false,
            focusable: false,
            zIndex: Z.cell,
            data: { stageId: stage.id, laneId: lane.id, stageName: stage.name, laneTitle: lane.title, kind: lane.kind },
          })),
        );
      }
    }

    // Stage headers.
    for (const col of layout.columns) {
      const stage = doc.stages[col.index];
      if (!stage) continue;
      const id = stageNodeId(stage.id);
      const d = drag.get(id);
      const loopsToName = stage.loopsTo !== undefined ? (stageName.get(stage.loopsTo) ?? null) : null;
      const isSel = selected.has(stage.id);
      nodes.push(
        nodeCache.get(id, [stage, col.x, col.width, col.index, headerY, headerH, loopsToName, isSel, d?.x, readOnly, direction], () => ({
          id,
          type: 'stageHeader',
          position: { x: d?.x ?? col.x, y: headerY },
          width: col.width,
          height: headerH,
          measured: { width: col.width, height: headerH },
          handles: stageHandles(col.width),
          selected: isSel,
          draggable: !readOnly,
          connectable: false,
          zIndex: d ? Z.draggedHeader : Z.header,
          data: {
            stageId: stage.id,
            index: col.index,
            name: stage.name,
            description: stage.description,
            color: stage.color ?? null,
            loopsToName,
            direction,
          },
        })),
      );
    }

    // Lane headers, and the emotion curves.
    for (const row of layout.rows) {
      const lane = doc.lanes[row.index];
      if (!lane) continue;
      const id = laneNodeId(lane.id);
      const d = drag.get(id);
      const isSel = selected.has(lane.id);
      nodes.push(
        nodeCache.get(id, [lane, row.y, row.height, row.index, layout.laneHeader.x, isSel, d?.y, readOnly, direction], () => ({
          id,
          type: 'laneHeader',
          position: { x: layout.laneHeader.x, y: d?.y ?? row.y },
          width: layout.laneHeader.width,
          height: row.height,
          measured: { width: layout.laneHeader.width, height: row.height },
          selected: isSel,
          draggable: !readOnly,
          connectable: false,
          zIndex: d ? Z.draggedHeader : Z.header,
          data: { laneId: lane.id, index: row.index, title: lane.title, kind: lane.kind, direction },
        })),
      );
    }

    // Emotion curves: one node per emotion lane, across every stage.
    const gridX = layout.columns.length ? Math.min(...layout.columns.map((c) => c.x)) : layout.laneHeader.x;
    const gridW = layout.width - layout.laneHeader.width;
    const cardById = new Map<string, Card>();
    for (const c of doc.cards) cardById.set(c.id, c);
    for (const row of layout.rows) {
      if (row.kind !== 'emotion' || layout.columns.length === 0) continue;
      const lane = doc.lanes[row.index];
      if (!lane) continue;
      const pointCards: Card[] = [];
      // Stage order, then cell order.
      for (const s of doc.stages) {
        for (const cid of layout.cells.get(cellKey(s.id, lane.id)) ?? []) {
          const c = cardById.get(cid);
          if (c) pointCards.push(c);
        }
      }
      const dragScore = ui.emotionDrag;
      const deps: unknown[] = [lane.title, row.y, row.height, gridX, gridW, dragScore?.cardId, dragScore?.score];
      for (const c of pointCards) deps.push(c, layout.emotionX.get(c.id), selected.has(c.id), stageName.get(c.stageId));
      for (const col of layout.columns) deps.push(col.x, col.width);
      const id = emotionNodeId(lane.id);
      nodes.push(
        nodeCache.get(id, deps, () => ({
          id,
          type: 'emotion',
          position: { x: gridX, y: row.y },
          width: gridW,
          height: row.height,
          measured: { width: gridW, height: row.height },
          draggable: false,
          selectable: false,
          connectable: false,
          focusable: false,
          zIndex: Z.emotion,
          data: {
            laneId: lane.id,
            title: lane.title,
            width: gridW,
            height: row.height,
            columns: [...layout.columns]
              .sort((a, b) => a.x - b.x)
              .map((c) => ({ x: c.x - gridX, width: c.width })),
            points: pointCards.map((c) => {
              const score = dragScore?.cardId === c.id ? dragScore.score : c.kind === 'emotion' ? c.score : 0;
              return {
                cardId: c.id,
                x: (layout.emotionX.get(c.id) ?? gridX) - gridX,
                y: emotionY(score, row.height),
                score,
                text: c.text,
                stageName: stageName.get(c.stageId) ?? '',
                selected: selected.has(c.id),
              };
            }),
          },
        })),
      );
    }

    // Cards.
    for (const card of doc.cards) {
      const rect = layout.cards.get(card.id);
      if (!rect || card.kind === 'emotion') continue;
      const d = drag.get(card.id);
      const channel = card.kind === 'touchpoint' && card.channel ? channelById(doc.channels, card.channel) : undefined;
      const link = card.kind === 'pain' && card.touchpointId ? cardById.get(card.touchpointId) : undefined;
      const linkText = touchpointLabel(link);
      const isSel = selected.has(card.id);
      const comments = counts.get(card.id) ?? 0;
      nodes.push(
        nodeCache.get(card.id, [card, rect.x, rect.y, rect.width, rect.height, channel, linkText, isSel, d?.x, d?.y, readOnly, direction, language, comments], () => ({
          id: card.id,
          type: 'card',
          position: d ?? { x: rect.x, y: rect.y },
          width: rect.width,
          height: rect.height,
          measured: { width: rect.width, height: rect.height },
          handles: cardHandles(rect.width, rect.height),
          selected: isSel,
          draggable: !readOnly,
          connectable: !readOnly,
          zIndex: d ? Z.draggedCard : Z.card,
          data: cardData(card, channel, linkText, direction, language, comments),
        })),
      );
    }

    // What a connection's label must leave uncovered: the card boxes, the emotion points (their
    // hit circle), each cell's "add card" button and the header row and column. Built once per
    // layout: a selection change or a drag keeps it, and so keeps every edge object.
    if (!obstacles || obstacles.layout !== layout || obstacles.readOnly !== readOnly) {
      const rects: Rect[] = [...layout.cards.values()];
      for (const [id, x] of layout.emotionX) {
        const c = cardById.get(id);
        const row = c && layout.rowOf.get(c.laneId);
        if (c?.kind === 'emotion' && row) rects.push({ x: x - 16, y: row.y + emotionY(c.score, row.height) - 16, width: 32, height: 32 });
      }
      // .jb-cell__add: 1.6rem, 4 px from the cell's foot, 6 px from its inline end.
      if (!readOnly)
        for (const col of layout.columns)
          for (const row of layout.rows)
            rects.push({ x: direction === 'rtl' ? col.x + 6 : col.x + col.width - 32, y: row.y + row.height - 30, width: 26, height: 26 });
      rects.push({ x: 0, y: headerY, width: layout.width, height: headerH });
      rects.push({ x: layout.laneHeader.x, y: 0, width: layout.laneHeader.width, height: layout.height });
      // Same boxes as before (an edit that moved nothing): keep the index, and so every edge object.
      const same =
        obstacles !== null &&
        obstacles.rects.length === rects.length &&
        rects.every((r, i) => {
          const o = obstacles!.rects[i]!;
          return o.x === r.x && o.y === r.y && o.width === r.width && o.height === r.height;
        });
      obstacles = { layout, readOnly, rects, index: same ? obstacles!.index : buildObstacleIndex(rects) };
    }
    const obstacleIndex = obstacles.index;

    // Connections between cards drawn as boxes.
    for (const k of doc.connections) {
      const a = layout.cards.get(k.from);
      const b = layout.cards.get(k.to);
      if (!a || !b) continue;
      const ax = a.x + a.width / 2;
      const bx = b.x + b.width / 2;
      const forward = bx > ax + 1;
      const backward = bx < ax - 1;
      const sourceHandle = forward ? 'r' : backward ? 'l' : 'r';
      const targetHandle = forward ? 'l' : backward ? 'r' : 'r';
      const isSel = selected.has(k.id);
      edges.push(
        edgeCache.get(k.id, [k, sourceHandle, targetHandle, isSel, obstacleIndex, locale], () => ({
          id: k.id,
          type: 'connection',
          source: k.from,
          target: k.to,
          sourceHandle,
          targetHandle,
          selected: isSel,
          zIndex: Z.connection,
          markerEnd: ARROW,
          ariaLabel: k.label ? i18n._('editor.arrow.nameWithLabel', { label: k.label }) : i18n._('editor.arrow.name'),
          data: { connectionId: k.id, label: k.label, obstacles: obstacleIndex },
        })),
      );
    }

    // Loops: from a stage header back to an earlier one, above the header row.
    for (const s of doc.stages) {
      if (s.loopsTo === undefined || !layout.columnOf.has(s.loopsTo)) continue;
      const id = loopEdgeId(s.id);
      const target = stageName.get(s.loopsTo) ?? '';
      const label = i18n._('editor.stage.loopsBackTo', { stage: target });
      edges.push(
        edgeCache.get(id, [s.loopsTo, s.name, label, headerY], () => ({
          id,
          type: 'loop',
          source: stageNodeId(s.id),
          target: stageNodeId(s.loopsTo as string),
          sourceHandle: 'top',
          targetHandle: 'top-in',
          selectable: false,
          focusable: false,
          zIndex: Z.loop,
          markerEnd: ARROW,
          ariaLabel: i18n._('editor.loop.name', { stage: s.name, target }),
          data: { stageId: s.id, label, topY: Math.max(8, headerY - 44) },
        })),
      );
    }

    nodeCache.sweep();
    edgeCache.sweep();
    return { nodes, edges };
  };
}

export type FlowMapper = ReturnType<typeof createFlowMapper>;
