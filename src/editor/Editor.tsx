/**
 * The journey-map editor: a React Flow canvas of the map's grid, a toolbar, a side
 * panel and keyboard shortcuts. The document lives in the editor's store; every
 * committed change is handed to `onChange` (wire it to the autosave queue).
 */
import {
  ConnectionMode,
  ControlButton,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  useStore as useFlowStore,
  useStoreApi,
  type Connection as FlowConnection,
  type EdgeChange,
  type Node,
  type NodeChange,
  type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import { LANE_KINDS, type JourneyMap, type LaneKind } from '../model/schema';
import { readClipboard, writeClipboard } from './clipboard';
import { EditorStoreContext, useEditor, useEditorApi } from './context';
import { edgeTypes } from './edges';
import './editor.css';
import { LANE_KIND_LABEL_IDS } from './labels';
import { cellAt, computeLayout, dropIndex, emotionY, laneIndexAt, stageIndexAt, type MapLayout } from './layout';
import { firstCard, neighbourCard, type Direction4 } from './navigation';
import { FrozenHeaders } from './FrozenHeaders';
import { Overview } from './Overview';
import { focusEntity, nodeTypes } from './nodes';
import { viewMoveMs } from './motion';
import { findMatches } from './search';
import { BLOCK_ZOOM, READABLE_ZOOM, fitWidthViewport, openingViewport } from './viewport';
import { recallHistory, rememberHistory } from './historyMemory';
import { SidePanel } from './SidePanel';
import { createEditorStore, nextSelection, type EditorStore } from './store';
import { createFlowMapper, entityOfNode, type FlowEdge, type FlowNode } from './toFlow';

export interface SaveStatus {
  state: 'saved' | 'saving' | 'error';
  error?: string | null;
}

export interface EditorProps {
  /** The map to edit; the editor keeps its own copy from then on (remount with a `key` to open another). */
  map: JourneyMap;
  /** A map saved by a newer version: shown, never changed. */
  readOnly?: boolean;
  /** Called with the new document after every committed change (undo and redo included). */
  onChange?: (doc: JourneyMap) => void;
  /** The autosave status, shown as "Saved" / "Saving…" / the error. */
  saveStatus?: SaveStatus;
  /** Shown above the toolbar, inside the editor's store (so it may read and change the document). */
  head?: ReactNode;
}

export function Editor({ map, readOnly = false, onChange, saveStatus, head }: EditorProps) {
  const i18n = useI18n();
  const [store] = useState<EditorStore>(() => createEditorStore({ doc: map, i18n, readOnly, onChange, history: recallHistory(map) ?? undefined }));
  // Leaving the map keeps its undo steps for when it is opened again in this session.
  useEffect(
    () => () => {
      const s = store.getState();
      if (!s.readOnly) rememberHistory(s.doc, s.history);
    },
    [store],
  );
  useEffect(() => {
    if (store.getState().onChange !== onChange) store.setState({ onChange });
  }, [onChange, store]);
  useEffect(() => {
    if (store.getState().readOnly !== readOnly) store.setState({ readOnly });
  }, [readOnly, store]);
  useEffect(() => {
    if (store.getState().i18n !== i18n) store.setState({ i18n });
  }, [i18n, store]);
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorShell saveStatus={saveStatus} head={head} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

/** Caches the layout by the parts of the document it reads, and the language of the cards' words. */
function createLayoutMemo() {
  let last: { key: unknown[]; layout: MapLayout } | null = null;
  return (doc: JourneyMap, i18n: I18n): MapLayout => {
    const key = [doc.stages, doc.lanes, doc.cards, doc.direction, i18n, i18n.locale];
    if (last && last.key.every((k, i) => k === key[i])) return last.layout;
    const layout = computeLayout(doc, i18n);
    last = { key, layout };
    return layout;
  };
}

function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

function SaveIndicator({ status }: { status?: SaveStatus }) {
  const i18n = useI18n();
  if (!status) return null;
  const text =
    status.state === 'saved'
      ? i18n._('editor.save.saved')
      : status.state === 'saving'
        ? i18n._('editor.save.saving')
        : status.error
          ? i18n._('editor.save.failed', { error: status.error })
          : i18n._('editor.save.failedUnknown');
  return (
    <span className={`jb-save jb-save--${status.state}`} role="status" aria-label={i18n._('editor.save.name')}>
      {text}
    </span>
  );
}

function EditorShell({ saveStatus, head }: { saveStatus?: SaveStatus; head?: ReactNode }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const locale = i18n.locale;
  const rootRef = useRef<HTMLDivElement>(null);
  const [layoutMemo] = useState(createLayoutMemo);
  const layoutRef = useRef<MapLayout | null>(null);
  const flow = useReactFlow<FlowNode, FlowEdge>();
  const announcement = useEditor((s) => s.ui.announcement);
  const panel = useEditor((s) => s.ui.panel);

  // A new function when the language changes, so the canvas lays the cards' new words out again.
  const currentLayout = useCallback(() => {
    void locale;
    const layout = layoutMemo(api.getState().doc, i18n);
    layoutRef.current = layout;
    return layout;
  }, [api, layoutMemo, i18n, locale]);

  /** Centre an entity on screen when it is outside the visible part of the canvas. */
  const reveal = useCallback(
    (id: string) => {
      const s = api.getState();
      const layout = currentLayout();
      let point: XYPosition | null = null;
      const rect = layout.cards.get(id);
      if (rect) point = { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
      const col = layout.columnOf.get(id);
      if (col) point = { x: col.x + col.width / 2, y: layout.stageHeader.y + layout.stageHeader.height / 2 };
      const row = layout.rowOf.get(id);
      if (row) point = { x: layout.laneHeader.x + layout.laneHeader.width / 2, y: row.y + row.height / 2 };
      const card = s.doc.cards.find((c) => c.id === id);
      if (!point && card?.kind === 'emotion') {
        const r = layout.rowOf.get(card.laneId);
        const x = layout.emotionX.get(id);
        if (r && x !== undefined) point = { x, y: r.y + emotionY(card.score, r.height) };
      }
      const conn = s.doc.connections.find((k) => k.id === id);
      if (!point && conn) {
        const a = layout.cards.get(conn.from);
        const b = layout.cards.get(conn.to);
        if (a && b) point = { x: (a.x + b.x + a.width) / 2, y: (a.y + b.y + a.height) / 2 };
      }
      if (!point) return;
      const box = rootRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
      const screen = flow.flowToScreenPosition(point);
      const inside = box && screen.x > box.left + 40 && screen.x < box.right - 40 && screen.y > box.top + 40 && screen.y < box.bottom - 40;
      if (!inside) void flow.setCenter(point.x, point.y, { zoom: Math.max(flow.getZoom(), 0.75), duration: viewMoveMs(150) });
    },
    [api, currentLayout, flow],
  );

  const selectAndReveal = useCallback(
    (id: string) => {
      api.getState().select([id]);
      reveal(id);
    },
    [api, reveal],
  );

  const selectAndFocus = useCallback(
    (id: string) => {
      selectAndReveal(id);
      focusEntity(id);
    },
    [selectAndReveal],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent | ReactKeyboardEvent) => {
      const s = api.getState();
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const undoKey = mod && key === 'z' && !e.shiftKey;
      const redoKey = (mod && key === 'z' && e.shiftKey) || (e.ctrlKey && key === 'y');
      if (isTextField(e.target)) {
        // In a side-panel field the editor's history undoes, not the browser's: native undo
        // took one character back per press, and each press was saved as a new change.
        if ((undoKey || redoKey) && e.target instanceof Element && e.target.closest('.jb-panel')) {
          e.preventDefault();
          if (undoKey) s.undo();
          else s.redo();
        }
        return;
      }
      // Keys without a modifier belong to the control that has the focus (Enter on a toolbar
      // button presses it); they act on the map only from the canvas or from nowhere.
      const onMap = !(e.target instanceof Element) || e.target === document.body || !!e.target.closest('.jb-canvas');
      if (!mod && !onMap) return;
      if (undoKey) {
        e.preventDefault();
        s.undo();
      } else if (redoKey) {
        e.preventDefault();
        s.redo();
      } else if (mod && key === 'a') {
        e.preventDefault();
        s.selectAll();
      } else if (mod && key === 'c') {
        const payload = s.copySelection();
        if (payload) {
          e.preventDefault();
          void writeClipboard(payload);
        }
      } else if (mod && key === 'x') {
        if (s.readOnly) return;
        const payload = s.cutSelection();
        if (payload) {
          e.preventDefault();
          void writeClipboard(payload);
        }
      } else if (mod && key === 'v') {
        if (s.readOnly) return;
        e.preventDefault();
        void readClipboard().then((payload) => api.getState().paste(payload));
      } else if (mod && key === 'd') {
        e.preventDefault();
        s.duplicateSelection();
      } else if (e.key === 'Delete' || e.key === 'Backspace') {
        if (s.readOnly || s.ui.selected.size === 0) return;
        e.preventDefault();
        const [only] = [...s.ui.selected];
        if (s.ui.selected.size === 1 && only && s.doc.stages.some((x) => x.id === only)) s.deleteStage(only);
        else if (s.ui.selected.size === 1 && only && s.doc.lanes.some((x) => x.id === only)) s.deleteLane(only);
        else s.deleteSelection();
        rootRef.current?.querySelector<HTMLElement>('.jb-canvas')?.focus({ preventScroll: true });
      } else if (e.key === 'Enter' || e.key === 'F2') {
        if (s.ui.selected.size !== 1) return;
        const [only] = [...s.ui.selected];
        const card = s.doc.cards.find((c) => c.id === only);
        if (!only || card?.kind === 'emotion') return;
        if (e.target instanceof HTMLButtonElement && e.key === 'Enter' && !card) {
          // Enter on a header button: first press selects (the click), the next one edits.
          if (!s.ui.selected.has(e.target.dataset.focusId ?? '')) return;
        }
        e.preventDefault();
        s.startEditing(only);
      } else if (e.key === 'Escape') {
        s.clearSelection();
      } else if (e.key.startsWith('Arrow') && !mod) {
        const dir = e.key.slice(5).toLowerCase() as Direction4;
        const layout = currentLayout();
        const [only] = [...s.ui.selected];
        const from = only && layout.cards.has(only) ? only : null;
        const next = from ? neighbourCard(layout, from, dir) : firstCard(layout);
        if (next) {
          e.preventDefault();
          selectAndFocus(next);
        }
      }
    },
    [api, currentLayout, selectAndFocus],
  );

  // Shortcuts work while the focus is in the editor, or nowhere in particular (the body).
  useEffect(() => {
    const handler = (e: KeyboardEvent) => {
      const root = rootRef.current;
      if (!root || e.defaultPrevented) return;
      const target = e.target as globalThis.Node | null;
      if (target !== document.body && !(target && root.contains(target))) return;
      if (document.querySelector('dialog[open]')) return;
      onKeyDown(e);
    };
    window.addEventListener('keydown', handler);
    return () => window.removeEventListener('keydown', handler);
  }, [onKeyDown]);

  return (
    <div className={`jb-editor${panel ? ' has-panel' : ''}`} ref={rootRef}>
      {head}
      <Toolbar saveStatus={saveStatus} onJump={selectAndFocus} onFind={selectAndReveal} onReveal={reveal} />
      <div className="jb-body">
        <Notice />
        <Canvas layoutFor={currentLayout} />
        {panel && <SidePanel />}
      </div>
      <div className="jb-sr" aria-live="polite">
        {announcement}
      </div>
    </div>
  );
}

/** Why the last gesture did not do all it seemed to (cards that kept their lane on a drop). */
function Notice() {
  const api = useEditorApi();
  const i18n = useI18n();
  const notice = useEditor((s) => s.ui.notice);
  return (
    <div className="jb-notice" role="status">
      {notice && (
        <>
          <span dir="auto">{notice}</span>
          <button type="button" className="jb-notice__close" aria-label={i18n._('editor.notice.dismiss')} onClick={() => api.getState().notify(null)}>
            ×
          </button>
        </>
      )}
    </div>
  );
}

/**
 * onJump selects an entity and moves the focus to it (a new stage or lane); onFind selects and
 * shows a search match but leaves the focus in the search box, so Enter goes on to the next one.
 */
function Toolbar({
  saveStatus,
  onJump,
  onFind,
  onReveal,
}: {
  saveStatus?: SaveStatus;
  onJump(id: string): void;
  onFind(id: string): void;
  /** Brings an entity into view, nothing else (a new card, already selected and being edited). */
  onReveal(id: string): void;
}) {
  const api = useEditorApi();
  const i18n = useI18n();
  const readOnly = useEditor((s) => s.readOnly);
  const canUndo = useEditor((s) => (s.shared ? s.shared.canUndo : s.history.past.length > 0));
  const canRedo = useEditor((s) => (s.shared ? s.shared.canRedo : s.history.future.length > 0));
  const panel = useEditor((s) => s.ui.panel);
  const [laneKind, setLaneKind] = useState<LaneKind>('text');
  const [query, setQuery] = useState('');
  const [matchAt, setMatchAt] = useState(-1);
  const doc = useStore(api, (s) => (query ? s.doc : null));
  const matches = useMemo(() => (doc ? findMatches(doc, query) : []), [doc, query]);

  const jump = (step: 1 | -1) => {
    if (matches.length === 0) return;
    const next = (((matchAt + step) % matches.length) + matches.length) % matches.length;
    setMatchAt(next);
    const m = matches[next];
    if (m) onFind(m.id);
  };

  const addStage = () => {
    const id = api.getState().addStage();
    if (id) {
      onJump(id);
      api.getState().startEditing(id);
    }
  };
  const addLane = () => {
    const id = api.getState().addLane(laneKind);
    if (id) {
      onJump(id);
      api.getState().startEditing(id);
    }
  };

  return (
    <div className="jb-toolbar" role="toolbar" aria-label={i18n._('editor.toolbar.name')}>
      <div className="jb-toolbar__group">
        <button type="button" onClick={addStage} disabled={readOnly}>
          {i18n._('editor.toolbar.addStage')}
        </button>
        <span className="jb-toolbar__combo">
          <select aria-label={i18n._('editor.toolbar.laneKind')} value={laneKind} onChange={(e) => setLaneKind(e.target.value as LaneKind)} disabled={readOnly}>
            {LANE_KINDS.map((k) => (
              <option key={k} value={k}>
                {i18n._(LANE_KIND_LABEL_IDS[k])}
              </option>
            ))}
          </select>
          <button type="button" onClick={addLane} disabled={readOnly}>
            {i18n._('editor.toolbar.addLane')}
          </button>
        </span>
        <button
          type="button"
          onClick={() => {
            const id = api.getState().addCard();
            if (id) onReveal(id);
          }}
          disabled={readOnly}
        >
          {i18n._('editor.toolbar.addCard')}
        </button>
      </div>
      <div className="jb-toolbar__group">
        <button type="button" onClick={() => api.getState().undo()} disabled={readOnly || !canUndo} aria-keyshortcuts="Control+Z Meta+Z">
          {i18n._('editor.toolbar.undo')}
        </button>
        <button type="button" onClick={() => api.getState().redo()} disabled={readOnly || !canRedo} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">
          {i18n._('editor.toolbar.redo')}
        </button>
      </div>
      <div className="jb-toolbar__group jb-search" role="search">
        <input
          type="search"
          aria-label={i18n._('editor.search.label')}
          placeholder={i18n._('editor.search.label')}
          dir="auto"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setMatchAt(-1);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              jump(e.shiftKey ? -1 : 1);
            }
          }}
        />
        <button type="button" onClick={() => jump(-1)} disabled={matches.length === 0} aria-label={i18n._('editor.search.previous')}>
          ↑
        </button>
        <button type="button" onClick={() => jump(1)} disabled={matches.length === 0} aria-label={i18n._('editor.search.next')}>
          ↓
        </button>
        {query && (
          <span className="jb-search__count" aria-live="polite">
            {matches.length === 0
              ? i18n._('editor.search.none')
              : matchAt >= 0
                ? i18n._('editor.search.position', { current: i18n.number(matchAt + 1), total: i18n.number(matches.length) })
                : i18n._('editor.search.found', { count: matches.length })}
          </span>
        )}
      </div>
      <div className="jb-toolbar__group jb-toolbar__end">
        {readOnly && <span className="jb-readonly">{i18n._('editor.toolbar.readOnly')}</span>}
        <SaveIndicator status={saveStatus} />
        <button type="button" aria-pressed={panel !== null} onClick={() => api.getState().setPanel(panel ? null : 'details')}>
          {i18n._('editor.toolbar.detailsPanel')}
        </button>
      </div>
    </div>
  );
}

function Canvas({ layoutFor }: { layoutFor(): MapLayout }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const locale = i18n.locale;
  const [mapper] = useState(createFlowMapper);
  const doc = useEditor((s) => s.doc);
  const selected = useEditor((s) => s.ui.selected);
  const drag = useEditor((s) => s.ui.drag);
  const emotionDrag = useEditor((s) => s.ui.emotionDrag);
  const readOnly = useEditor((s) => s.readOnly);

  // layoutFor() is memoised by (stages, lanes, cards, direction), so this reruns only when those change.
  const layout = useMemo(() => {
    void doc;
    return layoutFor();
  }, [doc, layoutFor]);
  const { nodes, edges } = useMemo(() => {
    void locale;
    return mapper(doc, layout, { selected, drag, emotionDrag, readOnly }, i18n);
  }, [mapper, doc, layout, selected, drag, emotionDrag, readOnly, i18n, locale]);
  // React Flow's own words (its controls, what a screen reader hears on a focused node or edge).
  const ariaLabelConfig = useMemo(() => {
    void locale;
    return {
      'controls.ariaLabel': i18n._('editor.canvas.controls'),
      'controls.zoomIn.ariaLabel': i18n._('editor.canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': i18n._('editor.canvas.zoomOut'),
      'controls.fitView.ariaLabel': i18n._('editor.canvas.fitView'),
      'node.a11yDescription.default': i18n._('editor.canvas.nodeHelp'),
      'edge.a11yDescription.default': i18n._('editor.canvas.edgeHelp'),
    };
  }, [i18n, locale]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowNode>[]) => {
      const s = api.getState();
      let nextDrag: Map<string, XYPosition> | null = null;
      let sel: { added: string[]; removed: string[] } | null = null;
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) {
          nextDrag ??= new Map(s.ui.drag);
          nextDrag.set(c.id, c.position);
        } else if (c.type === 'select') {
          sel ??= { added: [], removed: [] };
          const { id } = entityOfNode(c.id);
          (c.selected ? sel.added : sel.removed).push(id);
        }
      }
      if (nextDrag) s.setDrag(nextDrag);
      // React Flow knows only its nodes and edges: the emotion points (drawn inside a node) follow nextSelection's rule.
      if (sel) s.select([...nextSelection(s.doc, s.ui.selected, sel.added, sel.removed)]);
    },
    [api],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<FlowEdge>[]) => {
      const s = api.getState();
      let sel: { added: string[]; removed: string[] } | null = null;
      for (const c of changes) {
        if (c.type !== 'select') continue;
        sel ??= { added: [], removed: [] };
        (c.selected ? sel.added : sel.removed).push(c.id);
      }
      if (sel) s.select([...nextSelection(s.doc, s.ui.selected, sel.added, sel.removed)]);
    },
    [api],
  );

  const onNodeDragStop = useCallback(
    (_e: unknown, node: Node, dragged: Node[]) => {
      const s = api.getState();
      const layout = layoutFor();
      const entity = entityOfNode(node.id);
      const pos = s.ui.drag.get(node.id) ?? node.position;
      if (entity.type === 'card') {
        const ids = dragged.filter((n) => entityOfNode(n.id).type === 'card').map((n) => n.id);
        const width = node.width ?? 0;
        const cell = cellAt(layout, pos.x + width / 2, pos.y + 16);
        // The grabbed card lands in the cell under it; the others keep their offset to it, as the drag showed them.
        if (cell) s.shiftCards(ids.length ? ids : [node.id], node.id, { ...cell, index: dropIndex(layout, cell.stageId, cell.laneId, pos.y, new Set(ids)) });
        else s.notify(i18n._('editor.notice.droppedOutside', { count: Math.max(1, ids.length) }));
      } else if (entity.type === 'stage') {
        const col = layout.columnOf.get(entity.id);
        s.moveStage(entity.id, stageIndexAt(layout, pos.x + (col?.width ?? 0) / 2));
      } else if (entity.type === 'lane') {
        const row = layout.rowOf.get(entity.id);
        s.moveLane(entity.id, laneIndexAt(layout, pos.y + (row?.height ?? 0) / 2));
      }
      s.clearDrag();
    },
    [api, layoutFor, i18n],
  );

  const onNodeClick = useCallback(
    (e: React.MouseEvent, node: Node) => {
      const entity = entityOfNode(node.id);
      const s = api.getState();
      if (entity.type === 'cell') {
        const [stageId, laneId] = [(node.data as { stageId: string }).stageId, (node.data as { laneId: string }).laneId];
        s.setCell({ stageId, laneId });
        if (!e.shiftKey) s.clearSelection();
      } else if (entity.type === 'card') {
        focusEntity(entity.id);
      }
    },
    [api],
  );

  const onNodeDoubleClick = useCallback(
    (_e: React.MouseEvent, node: Node) => {
      const entity = entityOfNode(node.id);
      const s = api.getState();
      if (entity.type === 'card' || entity.type === 'stage' || entity.type === 'lane') {
        s.select([entity.id]);
        s.startEditing(entity.id);
      } else if (entity.type === 'cell') {
        const data = node.data as { stageId: string; laneId: string };
        s.addCard({ stageId: data.stageId, laneId: data.laneId });
      }
    },
    [api],
  );

  const onConnect = useCallback(
    (c: FlowConnection) => {
      if (c.source && c.target && c.source !== c.target) api.getState().addConnection(c.source, c.target);
    },
    [api],
  );

  // A click on a frozen stage or lane name selects it, as a click on its header does.
  const pickHeader = useCallback((id: string) => api.getState().select([id]), [api]);

  const isValidConnection = useCallback(
    (c: FlowConnection | FlowEdge) => c.source !== c.target && entityOfNode(c.target).type === 'card',
    [],
  );

  return (
    // The canvas is a plane of x/y positions whatever the interface's direction: a right-to-left map
    // is laid out mirrored by computeLayout, and each card carries its own dir.
    <div className="jb-canvas" dir="ltr" tabIndex={0} role="application" aria-label={i18n._('editor.canvas.name')}>
      <ReactFlow<FlowNode, FlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onNodeClick={onNodeClick}
        onNodeDoubleClick={onNodeDoubleClick}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        connectionMode={ConnectionMode.Loose}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
        disableKeyboardA11y
        zoomOnDoubleClick={false}
        onlyRenderVisibleElements
        minZoom={0.05}
        maxZoom={2.5}
        defaultViewport={OFF_SCREEN}
        ariaLabelConfig={ariaLabelConfig}
      >
        <OpeningView layout={layout} />
        <LevelOfDetail />
        <ReadableWhileEditing layout={layout} />
        <FrozenHeaders layout={layout} stages={doc.stages} lanes={doc.lanes} onPick={pickHeader} />
        <Overview layout={layout} />
        <Controls showInteractive={false} position={layout.direction === 'rtl' ? 'bottom-right' : 'bottom-left'}>
          <FitWidthButton layout={layout} />
        </Controls>
      </ReactFlow>
    </div>
  );
}

// Until the canvas has a size (the next frame), nothing is in view, so nothing is drawn twice.
const OFF_SCREEN = { x: -1e6, y: -1e6, zoom: READABLE_ZOOM };

/** Opens the view once the canvas has its size: readable, at the first stage (src/editor/viewport.ts). */
function OpeningView({ layout }: { layout: MapLayout }) {
  const flow = useReactFlow();
  const width = useFlowStore((s) => s.width);
  const height = useFlowStore((s) => s.height);
  const store = useStoreApi();
  const opened = useRef(false);
  useLayoutEffect(() => {
    if (opened.current || width <= 0 || height <= 0) return;
    opened.current = true;
    // A view the user chose before the canvas had its size (Fit view pressed at once) wins.
    const [x, y] = store.getState().transform;
    if (x !== OFF_SCREEN.x || y !== OFF_SCREEN.y) return;
    void flow.setViewport(openingViewport(layout, { width, height }));
  }, [flow, store, layout, width, height]);
  return null;
}

/**
 * Editing a card seen as a block (zoomed out below BLOCK_ZOOM, where its text is not drawn) brings it
 * to a readable size first: typing into a box too small to read, or into one not drawn at all, would
 * be typing blind.
 */
function ReadableWhileEditing({ layout }: { layout: MapLayout }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const editingId = useEditor((s) => s.ui.editingId);
  useLayoutEffect(() => {
    if (!editingId) return;
    const rect = layout.cards.get(editingId);
    if (!rect || store.getState().transform[2] >= BLOCK_ZOOM) return;
    void flow.setCenter(rect.x + rect.width / 2, rect.y + rect.height / 2, { zoom: READABLE_ZOOM, duration: viewMoveMs(150) });
  }, [editingId, layout, flow, store]);
  return null;
}

/**
 * Cards as blocks below BLOCK_ZOOM: one class on the canvas, toggled when the zoom crosses the
 * threshold, so no card re-renders (CSS does the rest); this re-renders only at the crossing.
 */
function LevelOfDetail() {
  const blocks = useFlowStore((s) => s.transform[2] < BLOCK_ZOOM);
  const root = useFlowStore((s) => s.domNode);
  useLayoutEffect(() => {
    root?.classList.toggle('jb-lod-blocks', blocks);
  }, [root, blocks]);
  return null;
}

/** "Fit width": the stages across the canvas, from the top (the whole map when it fits). */
function FitWidthButton({ layout }: { layout: MapLayout }) {
  const flow = useReactFlow();
  const store = useStoreApi();
  const i18n = useI18n();
  const label = i18n._('editor.canvas.fitWidth');
  const fit = () => {
    const { width, height, minZoom } = store.getState();
    void flow.setViewport(fitWidthViewport(layout, { width, height }, minZoom), { duration: viewMoveMs(200) });
  };
  return (
    <ControlButton onClick={fit} aria-label={label} title={label}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M1 8h14M1 8l3-3M1 8l3 3M15 8l-3-3M15 8l-3 3" fill="none" stroke="currentColor" strokeWidth="1.6" />
      </svg>
    </ControlButton>
  );
}

