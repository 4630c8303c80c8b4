/**
 * The editor's store: the open document, the UI state (selection, editing, panel,
 * temporary drag values) and the undo history, in separate slices. Every document
 * change goes through a pure operation of src/model and `commit`, which keeps one
 * snapshot per finished gesture, stamps updatedAt and hands the document to the
 * injected onChange (the page wires that to the autosave queue). What it says (announcements,
 * notices, the names of new stages and lanes) comes from the injected `i18n` (the interface's).
 */
import type { Locale } from '../i18n/locales';
import type { XYPosition } from '@xyflow/react';
import type { I18n } from '../i18n';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { newId } from '../model/ids';
import * as ops from '../model/operations';
import type { CardPatch, ChannelPatch, StagePatch } from '../model/operations';
import { addComment, setThreadResolved, type NewComment } from '../model/comments';
import type { ChannelId } from '../model/channels';
import type { Direction, JourneyMap, LaneKind } from '../model/schema';
import { payloadOf, setBuffer, type ClipboardPayload } from './clipboard';

export const HISTORY_LIMIT = 100;

export interface Cell {
  stageId: string;
  laneId: string;
}

export type PanelName = 'details' | null;

export interface UiSlice {
  /** Selected entity ids: cards, connections, stages, lanes. */
  selected: ReadonlySet<string>;
  /** The cell new cards and pastes go to. */
  cell: Cell | null;
  /** The entity whose text is being edited in place. */
  editingId: string | null;
  panel: PanelName;
  /** Temporary positions of dragged nodes (by node id); cleared on drop. */
  drag: ReadonlyMap<string, XYPosition>;
  emotionDrag: { cardId: string; score: number } | null;
  /** A message for the live region ("Deleted 2 cards", "Nothing to paste"). */
  announcement: string;
  /**
   * A visible note on the last gesture when it did not do all the user asked (cards
   * that kept their lane on a drop); cleared by the next change or dismissed.
   */
  notice: string | null;
}

export interface HistorySlice {
  past: JourneyMap[];
  future: JourneyMap[];
  /** Key of the last commit when it may be merged with the next (typing in one field). */
  lastKey: string | null;
}

export interface CommitOptions {
  /** Consecutive commits with the same key make one undo step (typing in a field). */
  coalesce?: string;
  /** Select these ids after the change. */
  select?: readonly string[];
}

/**
 * The undo history of a shared map (src/sync/session.ts, on Y.UndoManager): it undoes this
 * device's own edits only, never a colleague's, so the store's snapshots cannot serve there.
 */
export interface SharedHistory {
  undo(): void;
  redo(): void;
  canUndo: boolean;
  canRedo: boolean;
}

export interface EditorActions {
  commit(next: JourneyMap, options?: CommitOptions): boolean;
  /**
   * A document that arrived from elsewhere (a colleague's edit, this device's shared undo): shown
   * at once, without an undo step of its own and without going back through the shared document.
   */
  applyRemote(next: JourneyMap): void;
  undo(): void;
  redo(): void;
  /** Ends a typing session (a field lost the focus): the next commit is a new undo step even with the same key. */
  endTypingSession(): void;
  /**
   * Escape in an in-place editor: undoes what its drafts applied (the commits made with this
   * coalesce key, one undo step), so the text is as it was before the editor opened.
   */
  revertTyping(coalesce: string): void;

  addStage(name?: string, index?: number): string | null;
  updateStage(id: string, patch: StagePatch, coalesce?: string): void;
  moveStage(id: string, index: number): void;
  deleteStage(id: string): void;
  addLane(kind: LaneKind, title?: string, index?: number): string | null;
  renameLane(id: string, title: string, coalesce?: string): void;
  setLaneKind(id: string, kind: LaneKind): void;
  moveLane(id: string, index: number): void;
  deleteLane(id: string): void;
  /** Adds a card to the cell (default: the current cell), selects it and, for text, starts editing. */
  addCard(cell?: Cell | null, patch?: CardPatch): string | null;
  updateCard(id: string, patch: CardPatch, coalesce?: string): void;
  setEmotionScore(id: string, score: number): void;
  moveCards(ids: readonly string[], target: Cell & { index?: number }): void;
  /** Drop of a dragged selection: `anchorId` (the grabbed card) lands in `target`, the others keep their offset to it. */
  shiftCards(ids: readonly string[], anchorId: string, target: Cell & { index?: number }): void;
  deleteSelection(): void;
  duplicateSelection(): void;
  /** Copies the selected cards to the in-app buffer; returns the payload for the system clipboard. */
  copySelection(): ClipboardPayload | null;
  cutSelection(): ClipboardPayload | null;
  paste(payload: ClipboardPayload | null, target?: Cell | null): void;
  addConnection(from: string, to: string, label?: string): string | null;
  updateConnectionLabel(id: string, label: string, coalesce?: string): void;
  /** Whose path the arrow is (one of the map's personas), or null: everyone's. One undo step. */
  setConnectionPersona(id: string, personaId: string | null): void;
  deleteConnection(id: string): void;
  setDirection(direction: Direction): void;
  setLanguage(language: Locale): void;
  setChannelTarget(id: ChannelId, patch: ChannelPatch, coalesce?: string): void;
  updateMapMeta(patch: { title?: string; description?: string }, coalesce?: string): void;
  linkPersona(personaId: string): void;
  unlinkPersona(personaId: string): void;
  /** A comment, or a reply (input.parentId); false when there was nothing to add. */
  addComment(input: NewComment): boolean;
  setThreadResolved(threadId: string, resolved: boolean): void;

  select(ids: readonly string[], additive?: boolean): void;
  toggleSelect(id: string): void;
  selectAll(): void;
  clearSelection(): void;
  setCell(cell: Cell | null): void;
  startEditing(id: string): void;
  stopEditing(): void;
  setPanel(panel: PanelName): void;
  setDrag(positions: ReadonlyMap<string, XYPosition>): void;
  clearDrag(): void;
  setEmotionDrag(value: { cardId: string; score: number } | null): void;
  announce(message: string): void;
  /** Shows a visible notice (a polite live region of its own); null dismisses it. */
  notify(message: string | null): void;
}

export interface EditorState extends EditorActions {
  doc: JourneyMap;
  /** Receives every committed document (the page wires it to autosave); replaceable with setState. */
  onChange: ((doc: JourneyMap) => void) | undefined;
  /** The words of announcements, notices and new names (the interface's instance); replaceable with setState. */
  i18n: I18n;
  readOnly: boolean;
  ui: UiSlice;
  history: HistorySlice;
  /** Set while the map is shared: undo and redo go there instead of the snapshots. */
  shared: SharedHistory | null;
}

export interface EditorStoreOptions {
  doc: JourneyMap;
  /** Where the store's words come from: the interface's instance (useI18n() in the editor). */
  i18n: I18n;
  readOnly?: boolean;
  onChange?: (doc: JourneyMap) => void;
  now?: () => Date;
  historyLimit?: number;
  /** Undo and redo steps to start with (the map's history from earlier in this session). */
  history?: { past: JourneyMap[]; future: JourneyMap[] };
}

export type EditorStore = StoreApi<EditorState>;

const EMPTY_SET: ReadonlySet<string> = new Set();
const EMPTY_MAP: ReadonlyMap<string, XYPosition> = new Map();

const LANE_TITLE_IDS: Record<LaneKind, string> = {
  text: /*i18n*/ 'editor.lane.defaultTitle.text',
  touchpoint: /*i18n*/ 'editor.lane.defaultTitle.touchpoint',
  emotion: /*i18n*/ 'editor.lane.defaultTitle.emotion',
  pain: /*i18n*/ 'editor.lane.defaultTitle.pain',
  opportunity: /*i18n*/ 'editor.lane.defaultTitle.opportunity',
  kpi: /*i18n*/ 'editor.lane.defaultTitle.kpi',
};

/** The title a new lane of this kind gets. */
export function defaultLaneTitle(i18n: I18n, kind: LaneKind): string {
  return i18n._(LANE_TITLE_IDS[kind]);
}

function entityIds(doc: JourneyMap): Set<string> {
  const ids = new Set<string>();
  for (const s of doc.stages) ids.add(s.id);
  for (const l of doc.lanes) ids.add(l.id);
  for (const c of doc.cards) ids.add(c.id);
  for (const k of doc.connections) ids.add(k.id);
  return ids;
}

function pruneUi(ui: UiSlice, doc: JourneyMap): UiSlice {
  const ids = entityIds(doc);
  const selected = [...ui.selected].filter((id) => ids.has(id));
  const cellOk = ui.cell && ids.has(ui.cell.stageId) && ids.has(ui.cell.laneId);
  return {
    ...ui,
    selected: selected.length === ui.selected.size ? ui.selected : new Set(selected),
    cell: cellOk ? ui.cell : null,
    editingId: ui.editingId && ids.has(ui.editingId) ? ui.editingId : null,
    drag: EMPTY_MAP,
    emotionDrag: null,
    notice: null,
  };
}

/**
 * The selection after the user adds `added` and removes `removed` (a click, a Shift+click, a
 * box). An emotion point is picked on its own: adding anything else to the selection drops
 * the points that were in it, as their ring is hard to see on a fitted map, and a point
 * left selected unseen was copied, pasted and deleted with the cards (issue 15).
 */
export function nextSelection(doc: JourneyMap, selected: ReadonlySet<string>, added: readonly string[], removed: readonly string[] = []): Set<string> {
  const points = new Set(doc.cards.filter((c) => c.kind === 'emotion').map((c) => c.id));
  const addsOther = added.some((id) => !points.has(id));
  const next = new Set<string>();
  for (const id of selected) if (!(addsOther && points.has(id))) next.add(id);
  for (const id of removed) next.delete(id);
  for (const id of added) next.add(id);
  return next;
}

export function createEditorStore(options: EditorStoreOptions): EditorStore {
  const now = options.now ?? (() => new Date());
  const limit = options.historyLimit ?? HISTORY_LIMIT;

  return createStore<EditorState>()((set, get) => {
    const apply = (fn: (doc: JourneyMap) => JourneyMap, opts?: CommitOptions): boolean => get().commit(fn(get().doc), opts);

    /**
     * Undo or redo on a shared map: its own history takes the step (the document comes back
     * through applyRemote), the store only announces it. False when the map is not shared.
     */
    const sharedStep = (step: 'undo' | 'redo', announcement: string): boolean => {
      const { shared, readOnly } = get();
      if (!shared) return false;
      if (!readOnly && (step === 'undo' ? shared.canUndo : shared.canRedo)) {
        shared[step]();
        set((s) => ({ ui: { ...s.ui, announcement: s.i18n._(announcement) } }));
      }
      return true;
    };

    /** The cell to add or paste into: the given one, the current one, the selected card's, or the first. */
    const targetCell = (cell?: Cell | null): Cell | null => {
      const { doc, ui } = get();
      const valid = (c: Cell | null | undefined): c is Cell =>
        !!c && doc.stages.some((s) => s.id === c.stageId) && doc.lanes.some((l) => l.id === c.laneId);
      if (valid(cell)) return cell;
      // A lane or stage just added (or picked) is where the next card goes: in its first cell, or
      // the one it shares with the last cell clicked.
      const only = ui.selected.size === 1 ? [...ui.selected][0] : undefined;
      const lastCell = valid(ui.cell) ? ui.cell : null;
      if (only && doc.lanes.some((l) => l.id === only)) {
        const stageId = lastCell?.stageId ?? doc.stages[0]?.id;
        if (stageId) return { stageId, laneId: only };
      }
      if (only && doc.stages.some((st) => st.id === only)) {
        const laneId = lastCell?.laneId ?? doc.lanes[0]?.id;
        if (laneId) return { stageId: only, laneId };
      }
      if (lastCell) return lastCell;
      const first = doc.stages[0];
      const lane = doc.lanes[0];
      return first && lane ? { stageId: first.id, laneId: lane.id } : null;
    };

    const selectedCards = (): string[] => {
      const { doc, ui } = get();
      return doc.cards.filter((c) => ui.selected.has(c.id)).map((c) => c.id);
    };

    return {
      doc: options.doc,
      onChange: options.onChange,
      i18n: options.i18n,
      readOnly: options.readOnly ?? false,
      ui: {
        selected: EMPTY_SET,
        cell: null,
        editingId: null,
        panel: 'details',
        drag: EMPTY_MAP,
        emotionDrag: null,
        announcement: '',
        notice: null,
      },
      history: { past: options.history?.past ?? [], future: options.history?.future ?? [], lastKey: null },
      shared: null,

      commit(next, opts) {
        const { doc, readOnly, history, ui } = get();
        if (readOnly || next === doc) {
          if (opts?.select) set({ ui: { ...ui, selected: new Set(opts.select) } });
          return false;
        }
        const stamped = ops.touch(next, now());
        const merge = opts?.coalesce !== undefined && opts.coalesce === history.lastKey;
        // A shared map's steps live in its shared history; the snapshots would undo colleagues' edits too.
        const past = get().shared ? history.past : merge ? history.past : [...history.past, doc].slice(-limit);
        let nextUi = pruneUi(ui, stamped);
        if (opts?.select) nextUi = { ...nextUi, selected: new Set(opts.select) };
        set({ doc: stamped, history: { past, future: [], lastKey: opts?.coalesce ?? null }, ui: nextUi });
        get().onChange?.(stamped);
        return true;
      },

      applyRemote(next) {
        const { doc, ui } = get();
        if (next === doc) return;
        set({ doc: next, ui: pruneUi(ui, next) });
        get().onChange?.(next);
      },

      undo() {
        if (sharedStep('undo', 'editor.announce.undone')) return;
        const { doc, history, readOnly, ui, i18n } = get();
        const prev = history.past.at(-1);
        if (readOnly || !prev) return;
        const stamped = ops.touch(prev, now());
        set({
          doc: stamped,
          history: { past: history.past.slice(0, -1), future: [...history.future, doc], lastKey: null },
          ui: { ...pruneUi(ui, stamped), announcement: i18n._('editor.announce.undone') },
        });
        get().onChange?.(stamped);
      },

      redo() {
        if (sharedStep('redo', 'editor.announce.redone')) return;
        const { doc, history, readOnly, ui, i18n } = get();
        const next = history.future.at(-1);
        if (readOnly || !next) return;
        const stamped = ops.touch(next, now());
        set({
          doc: stamped,
          history: { past: [...history.past, doc].slice(-limit), future: history.future.slice(0, -1), lastKey: null },
          ui: { ...pruneUi(ui, stamped), announcement: i18n._('editor.announce.redone') },
        });
        get().onChange?.(stamped);
      },

      revertTyping(coalesce) {
        const { history, readOnly, ui } = get();
        const before = history.past.at(-1);
        if (readOnly || history.lastKey !== coalesce || !before) return;
        const stamped = ops.touch(before, now());
        set({ doc: stamped, history: { ...history, past: history.past.slice(0, -1), lastKey: null }, ui: pruneUi(ui, stamped) });
        get().onChange?.(stamped);
      },

      endTypingSession() {
        set((s) => (s.history.lastKey === null ? s : { history: { ...s.history, lastKey: null } }));
      },

      addStage(name, index) {
        const id = newId();
        const { i18n } = get();
        const n = get().doc.stages.length + 1;
        const stageName = name ?? i18n._('editor.stage.defaultName', { number: i18n.number(n) });
        return apply((d) => ops.addStage(d, { id, name: stageName, index }), { select: [id] }) ? id : null;
      },
      updateStage(id, patch, coalesce) {
        apply((d) => ops.updateStage(d, id, patch), { coalesce });
      },
      moveStage(id, index) {
        apply((d) => ops.moveStage(d, id, index));
      },
      deleteStage(id) {
        apply((d) => ops.deleteStage(d, id));
      },
      addLane(kind, title, index) {
        const id = newId();
        const laneTitle = title ?? defaultLaneTitle(get().i18n, kind);
        return apply((d) => ops.addLane(d, { id, kind, title: laneTitle, index }), { select: [id] }) ? id : null;
      },
      renameLane(id, title, coalesce) {
        apply((d) => ops.renameLane(d, id, title), { coalesce });
      },
      setLaneKind(id, kind) {
        apply((d) => ops.setLaneKind(d, id, kind));
      },
      moveLane(id, index) {
        apply((d) => ops.moveLane(d, id, index));
      },
      deleteLane(id) {
        apply((d) => ops.deleteLane(d, id));
      },

      addCard(cell, patch) {
        const target = targetCell(cell);
        if (!target) {
          const { i18n } = get();
          get().announce(i18n._('editor.announce.needStageAndLane'));
          return null;
        }
        const id = newId();
        const ok = apply((d) => ops.addCard(d, { ...patch, id, stageId: target.stageId, laneId: target.laneId }), { select: [id] });
        if (!ok) return null;
        const lane = get().doc.lanes.find((l) => l.id === target.laneId);
        set((s) => ({ ui: { ...s.ui, cell: target, editingId: lane && lane.kind !== 'emotion' ? id : null } }));
        return id;
      },
      updateCard(id, patch, coalesce) {
        apply((d) => ops.updateCard(d, id, patch), { coalesce });
      },
      setEmotionScore(id, score) {
        const clamped = Math.max(-2, Math.min(2, Math.round(score)));
        apply((d) => ops.updateCard(d, id, { score: clamped }));
        set((s) => ({ ui: { ...s.ui, emotionDrag: null } }));
      },
      moveCards(ids, target) {
        apply((d) => ops.moveCards(d, ids, target));
        set((s) => ({ ui: { ...s.ui, drag: EMPTY_MAP, cell: { stageId: target.stageId, laneId: target.laneId } } }));
      },
      shiftCards(ids, anchorId, target) {
        const result = ops.shiftCards(get().doc, ids, anchorId, target);
        const moved = get().commit(result.doc);
        set((s) => ({ ui: { ...s.ui, drag: EMPTY_MAP, cell: moved ? { stageId: target.stageId, laneId: target.laneId } : s.ui.cell } }));
        const { i18n } = get();
        const notes: string[] = [];
        const kept = result.keptLane.length;
        if (kept) notes.push(i18n._('editor.notice.keptLane', { count: kept }));
        const off = result.offGrid.length;
        if (off) notes.push(i18n._('editor.notice.offGrid', { count: off }));
        if (notes.length) get().notify(notes.join(' '));
      },
      deleteSelection() {
        const { doc, ui } = get();
        const cards = selectedCards();
        let next = ops.deleteCards(doc, cards);
        let conns = 0;
        for (const k of doc.connections) {
          if (ui.selected.has(k.id)) {
            const after = ops.deleteConnection(next, k.id);
            if (after !== next) conns += 1;
            next = after;
          }
        }
        if (get().commit(next, { select: [] })) {
          const { i18n } = get();
          const counts = { cards: cards.length, arrows: conns };
          get().announce(
            cards.length && conns
              ? i18n._('editor.announce.deletedCardsAndArrows', counts)
              : conns
                ? i18n._('editor.announce.deletedArrows', counts)
                : i18n._('editor.announce.deletedCards', counts),
          );
        }
      },
      duplicateSelection() {
        const before = get().doc;
        const next = ops.duplicateCards(before, selectedCards());
        get().commit(next, { select: ops.addedCardIds(before, next) });
      },
      copySelection() {
        const payload = payloadOf(get().doc, new Set(selectedCards()));
        if (payload) {
          setBuffer(payload);
          const { i18n } = get();
          get().announce(i18n._('editor.announce.copied', { count: payload.cards.length }));
        }
        return payload;
      },
      cutSelection() {
        const payload = get().copySelection();
        if (payload) {
          get().commit(ops.deleteCards(get().doc, payload.cards.map((c) => c.id)), { select: [] });
          const { i18n } = get();
          get().announce(i18n._('editor.announce.cut', { count: payload.cards.length }));
        }
        return payload;
      },
      paste(payload, target) {
        const { i18n } = get();
        if (!payload || payload.cards.length === 0) {
          get().announce(i18n._('editor.announce.nothingToPaste'));
          return;
        }
        const cell = targetCell(target);
        if (!cell) return;
        const before = get().doc;
        const next = ops.pasteCards(before, payload.cards, payload.connections, cell);
        const added = ops.addedCardIds(before, next);
        if (get().commit(next, { select: added })) get().announce(i18n._('editor.announce.pasted', { count: added.length }));
        else get().announce(i18n._('editor.announce.noLaneOfTheirKind'));
      },
      addConnection(from, to, label) {
        const id = newId();
        return apply((d) => ops.addConnection(d, { id, from, to, label }), { select: [id] }) ? id : null;
      },
      updateConnectionLabel(id, label, coalesce) {
        apply((d) => ops.updateConnectionLabel(d, id, label), { coalesce });
      },
      setConnectionPersona(id, personaId) {
        apply((d) => ops.setConnectionPersona(d, id, personaId));
      },
      deleteConnection(id) {
        apply((d) => ops.deleteConnection(d, id));
      },
      setLanguage(language) {
        apply((d) => ops.setLanguage(d, language));
      },
      setDirection(direction) {
        apply((d) => ops.setDirection(d, direction));
      },
      setChannelTarget(id, patch, coalesce) {
        apply((d) => ops.setChannelTarget(d, id, patch), { coalesce });
      },
      updateMapMeta(patch, coalesce) {
        apply((d) => ops.updateMapMeta(d, patch), { coalesce });
      },
      linkPersona(personaId) {
        apply((d) => ops.linkPersona(d, personaId));
      },
      addComment(input) {
        return apply((d) => addComment(d, input, now()));
      },
      setThreadResolved(threadId, resolved) {
        apply((d) => setThreadResolved(d, threadId, resolved));
      },
      unlinkPersona(personaId) {
        apply((d) => ops.unlinkPersona(d, personaId));
      },

      select(ids, additive) {
        const { ui, doc } = get();
        const selected = additive ? nextSelection(doc, ui.selected, ids) : new Set(ids);
        const lastCard = [...ids].reverse().map((id) => doc.cards.find((c) => c.id === id)).find(Boolean);
        const sameCell = !lastCard || (ui.cell?.stageId === lastCard.stageId && ui.cell?.laneId === lastCard.laneId);
        const cell = sameCell ? ui.cell : { stageId: lastCard.stageId, laneId: lastCard.laneId };
        const same = selected.size === ui.selected.size && [...selected].every((id) => ui.selected.has(id));
        if (same && cell === ui.cell) return;
        set({ ui: { ...ui, selected: same ? ui.selected : selected, cell } });
      },
      toggleSelect(id) {
        const { ui, doc } = get();
        const selected = ui.selected.has(id) ? nextSelection(doc, ui.selected, [], [id]) : nextSelection(doc, ui.selected, [id]);
        set({ ui: { ...ui, selected } });
      },
      selectAll() {
        const { doc, ui } = get();
        set({ ui: { ...ui, selected: new Set(doc.cards.map((c) => c.id)) } });
      },
      clearSelection() {
        const { ui } = get();
        if (ui.selected.size) set({ ui: { ...ui, selected: EMPTY_SET } });
      },
      setCell(cell) {
        const { ui } = get();
        if (ui.cell?.stageId === cell?.stageId && ui.cell?.laneId === cell?.laneId) return;
        set({ ui: { ...ui, cell } });
      },
      startEditing(id) {
        if (get().readOnly) return;
        set((s) => ({ ui: { ...s.ui, editingId: id } }));
      },
      stopEditing() {
        set((s) => (s.ui.editingId === null ? s : { ui: { ...s.ui, editingId: null } }));
      },
      setPanel(panel) {
        set((s) => ({ ui: { ...s.ui, panel } }));
      },
      setDrag(positions) {
        set((s) => ({ ui: { ...s.ui, drag: positions } }));
      },
      clearDrag() {
        set((s) => (s.ui.drag.size === 0 ? s : { ui: { ...s.ui, drag: EMPTY_MAP } }));
      },
      setEmotionDrag(value) {
        set((s) => ({ ui: { ...s.ui, emotionDrag: value } }));
      },
      announce(message) {
        set((s) => ({ ui: { ...s.ui, announcement: message } }));
      },
      notify(message) {
        set((s) => (s.ui.notice === message ? s : { ui: { ...s.ui, notice: message } }));
      },
    };
  });
}
