/**
 * Colleagues on a shared map: who is here (the head's list, which also says in words what each
 * has selected or is typing in), their pointers on the canvas and an outline in their colour
 * around what they have selected. This device tells the others the same about itself. Lives
 * inside the editor (its store and React Flow's), loaded only for a shared map.
 */
import { useEffect, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useReactFlow, useStore as useFlowStore, useStoreApi, ViewportPortal } from '@xyflow/react';
import { useEditor, useEditorApi } from '../../editor/context';
import { laneNodeId, stageNodeId } from '../../editor/toFlow';
import { mapHref } from '../route';
import type { I18n } from '../../i18n';
import { useI18n } from '../../i18n/react';
import type { JourneyMap } from '../../model/schema';
import { readPeers, type Peer } from '../../sync/presence';
import { rememberedMe } from '../../sync/settings';

/** The pointer is sent at most this often (ms): smooth enough to follow, light on the wire. */
const POINTER_EVERY_MS = 50;

type Awareness = NonNullable<HocuspocusProvider['awareness']>;

function usePeers(awareness: Awareness): Peer[] {
  const [peers, setPeers] = useState<Peer[]>([]);
  useEffect(() => {
    // 'change' fires when a state really changed (not on the periodic renewals).
    const read = () => setPeers(readPeers(awareness.getStates(), awareness.clientID));
    read();
    awareness.on('change', read);
    return () => awareness.off('change', read);
  }, [awareness]);
  return peers;
}

/** What a peer's selection or typing is about, in words: the card's text, the stage's or lane's name. */
function entityName(doc: JourneyMap, id: string, i18n: I18n): string {
  const card = doc.cards.find((c) => c.id === id);
  const text = card?.text ?? doc.stages.find((s) => s.id === id)?.name ?? doc.lanes.find((l) => l.id === id)?.title;
  if (text === undefined) return i18n._('share.presence.something');
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 40 ? `${line.slice(0, 39)}…` : line || i18n._('share.presence.untitled');
}

/** Tells the others where this device's pointer is, what it has selected and where it types. */
function useTellOthers(awareness: Awareness) {
  const api = useEditorApi();
  const flow = useReactFlow();
  const flowStore = useStoreApi();

  useEffect(() => {
    awareness.setLocalStateField('user', rememberedMe());
    const tell = () => {
      const { ui } = api.getState();
      awareness.setLocalStateField('selection', [...ui.selected]);
      awareness.setLocalStateField('editing', ui.editingId);
    };
    tell();
    const unsubscribe = api.subscribe((s, prev) => {
      if (s.ui.selected !== prev.ui.selected || s.ui.editingId !== prev.ui.editingId) tell();
    });
    return unsubscribe;
  }, [api, awareness]);

  useEffect(() => {
    const dom = flowStore.getState().domNode;
    if (!dom) return;
    let last = 0;
    const move = (e: PointerEvent) => {
      const now = performance.now();
      if (now - last < POINTER_EVERY_MS) return;
      last = now;
      const p = flow.screenToFlowPosition({ x: e.clientX, y: e.clientY });
      awareness.setLocalStateField('cursor', { x: Math.round(p.x), y: Math.round(p.y) });
    };
    const leave = () => awareness.setLocalStateField('cursor', null);
    dom.addEventListener('pointermove', move);
    dom.addEventListener('pointerleave', leave);
    return () => {
      dom.removeEventListener('pointermove', move);
      dom.removeEventListener('pointerleave', leave);
    };
  }, [awareness, flow, flowStore]);
}

export function Presence({ awareness }: { awareness: Awareness }) {
  const i18n = useI18n();
  const doc = useEditor((s) => s.doc);
  const peers = usePeers(awareness);
  useTellOthers(awareness);
  const nameOf = (p: Peer) => p.user.name || i18n._('share.presence.anonymous');

  return (
    <>
      {peers.length > 0 && (
        <ul className="jb-presence" aria-label={i18n._('share.presence.here')}>
          {peers.map((p) => (
            <li key={p.clientId}>
              <span className="jb-presence__dot" style={{ background: p.user.color }} aria-hidden="true" />
              <bdi>{nameOf(p)}</bdi>{' '}
              {p.presenting ? (
                <>
                  <span className="jb-presence__doing">{i18n._('share.presence.presenting')}</span>{' '}
                  <a href={`${mapHref(doc.id, 'present')}?follow`}>{i18n._('share.presence.follow', { name: nameOf(p) })}</a>
                </>
              ) : p.editing ? (
                <span className="jb-presence__doing">{i18n._('share.presence.typing', { what: entityName(doc, p.editing, i18n) })}</span>
              ) : p.selection.length > 0 ? (
                <span className="jb-presence__doing">{i18n._('share.presence.selected', { what: entityName(doc, p.selection[0]!, i18n), count: p.selection.length })}</span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ViewportPortal>
        {peers.map((p) => (
          <PeerMarks key={p.clientId} peer={p} name={nameOf(p)} />
        ))}
      </ViewportPortal>
    </>
  );
}

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

const sameBoxes = (a: Box[], b: Box[]) =>
  a.length === b.length && a.every((p, i) => p.id === b[i]!.id && p.x === b[i]!.x && p.y === b[i]!.y && p.width === b[i]!.width && p.height === b[i]!.height);

/** One colleague's outlines and pointer, in canvas coordinates. */
function PeerMarks({ peer, name }: { peer: Peer; name: string }) {
  const i18n = useI18n();
  const boxes = useFlowStore(
    (s) =>
      peer.selection.flatMap((id) => {
        const node = s.nodeLookup.get(id) ?? s.nodeLookup.get(stageNodeId(id)) ?? s.nodeLookup.get(laneNodeId(id));
        if (!node?.measured.width || !node.measured.height) return [];
        const { x, y } = node.internals.positionAbsolute;
        return [{ id, x, y, width: node.measured.width, height: node.measured.height }];
      }),
    // A new array on every store change; redrawn only when a box really moved.
    sameBoxes,
  );
  return (
    <>
      {boxes.map((box) => (
        <div
          key={box.id}
          className="jb-peer-outline"
          aria-hidden="true"
          style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height, borderColor: peer.user.color }}
        >
          <span style={{ background: peer.user.color }}>{name}</span>
        </div>
      ))}
      {peer.cursor && (
        <div className="jb-peer-pointer" role="img" aria-label={i18n._('share.presence.pointer', { name })} style={{ transform: `translate(${peer.cursor.x}px, ${peer.cursor.y}px)` }}>
          <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
            <path d="M1 1 L1 17 L5.5 13 L9 19 L11.5 18 L8 12 L14 12 Z" fill={peer.user.color} stroke="#fff" strokeWidth="1.2" />
          </svg>
          <span style={{ background: peer.user.color }}>{name}</span>
        </div>
      )}
    </>
  );
}
