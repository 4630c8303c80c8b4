/**
 * A shared map on this device: its Y.Doc (kept in IndexedDB, so it opens and takes edits with
 * no connection), and its connection to the team's server. Three ways in: open one shared
 * before, share a map for the first time, or join one from a link. No React here; the page
 * binds the editor to the Y.Doc (./session.ts) once `ready` says the Y.Doc holds the map.
 */
import * as Y from 'yjs';
import type { JourneyMap } from '../model/schema';
import { loadMap, saveMap, snapshotMap, type ShareRecord, type Sharing } from '../storage';
import { connect, type Connection } from './connection';
import { newLinkSecrets, type JoinLink } from './links';
import type { Refusal, Token } from './protocol';
import { relayTabs } from './tabRelay';
import { readMap, writeMap } from './yMap';

/** Why sharing or joining did not happen: the server's refusal, or ours. */
export type ShareProblem = Refusal | 'unreachable' | 'empty' | 'storage';

export interface SharedMapSession {
  share: ShareRecord;
  ydoc: Y.Doc;
  connection: Connection;
  /** Resolves once the Y.Doc holds the map (from this device, or from the server): bind then, never before. */
  ready: Promise<void>;
  close(): void;
}

/** How long sharing or joining waits for the server before saying it cannot reach it. */
export const REACH_TIMEOUT_MS = 10_000;
const STORED = Symbol('journeyboard:stored-state');
/** The Y state is written this long after the last change, and at close. */
const SAVE_DELAY_MS = 400;

/**
 * Keeps the map's Y state on the device: written a moment after each change and at close. Other
 * tabs of the map may write it too, so each write first takes in what is stored (a union: Yjs
 * updates merge), and the tabs pass each other their updates as they happen (BroadcastChannel),
 * online or not: two tabs are two peers, neither loses the other's edits.
 */
function persist(ydoc: Y.Doc, mapId: string, sharing: Sharing): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = async () => {
    timer = null;
    try {
      const stored = await sharing.loadSyncState(mapId);
      if (stored) Y.applyUpdate(ydoc, stored.update, STORED);
      await sharing.saveSyncState(mapId, Y.encodeStateAsUpdate(ydoc));
    } catch {
      // Retried with the next change; the server and the other tabs hold the edits meanwhile.
    }
  };
  const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`journeyboard-map:${mapId}`) : null;
  const unrelay = tabs ? relayTabs(ydoc, tabs) : () => undefined;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === STORED) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };
  ydoc.on('update', onUpdate);
  return () => {
    ydoc.off('update', onUpdate);
    unrelay();
    tabs?.close();
    if (timer) {
      clearTimeout(timer);
      void save();
    }
  };
}

function session(share: ShareRecord, ydoc: Y.Doc, connection: Connection, sharing: Sharing, ready: Promise<void>): SharedMapSession {
  const stop = persist(ydoc, share.mapId, sharing);
  return {
    share,
    ydoc,
    connection,
    ready,
    close() {
      stop();
      connection.destroy();
    },
  };
}

/** A map this device shared or joined before: its stored Y state first, then the server's. */
export function openSharedMap(share: ShareRecord, sharing: Sharing): SharedMapSession {
  const ydoc = new Y.Doc();
  let connection: Connection | null = null;
  const ready = sharing
    .loadSyncState(share.mapId)
    .catch(() => undefined)
    .then(async (stored) => {
      if (stored) Y.applyUpdate(ydoc, stored.update, STORED);
      if (readMap(ydoc).map) return;
      // Nothing usable on the device: the server's copy is the map (never this device's older JSON).
      await connection?.synced;
    });
  connection = connect({ server: share.server, mapId: share.mapId, ydoc, token: { secret: share.secret } });
  return session(share, ydoc, connection, sharing, ready);
}

async function reach(connection: Connection): Promise<ShareProblem | null> {
  const timeout = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), REACH_TIMEOUT_MS));
  const result = await Promise.race([connection.synced, timeout]);
  if (result === true) return null;
  const status = connection.status.getState();
  return status.state === 'refused' ? status.reason : 'unreachable';
}

export type Outcome = { ok: true; session: SharedMapSession } | { ok: false; problem: ShareProblem };

/** Shares `map` on `server`: the map goes up as it is here, and this device holds both links. */
export async function shareMap(map: JourneyMap, server: string, teamKey: string, sharing: Sharing): Promise<Outcome> {
  // The map as it was before the team touched it, kept on this device.
  await snapshotMap(map.id, 'before-share').catch(() => undefined);
  const secrets = newLinkSecrets();
  const ydoc = new Y.Doc();
  writeMap(ydoc, null, map, STORED);
  const token: Token = { create: secrets, ...(teamKey.trim() ? { teamKey: teamKey.trim() } : {}) };
  const connection = connect({ server, mapId: map.id, ydoc, token });
  const problem = await reach(connection);
  if (problem) {
    connection.destroy();
    return { ok: false, problem };
  }
  connection.setToken({ secret: secrets.editSecret });
  const share: ShareRecord = { mapId: map.id, server, role: 'edit', secret: secrets.editSecret, ...secrets, createdAt: new Date().toISOString() };
  try {
    await sharing.saveShare(share);
    await sharing.saveSyncState(map.id, Y.encodeStateAsUpdate(ydoc));
  } catch {
    connection.destroy();
    return { ok: false, problem: 'storage' };
  }
  return { ok: true, session: session(share, ydoc, connection, sharing, Promise.resolve()) };
}

/** Joins the map behind a link: it is stored on this device, shared, and opens like any other. */
export async function joinMap(link: JoinLink, sharing: Sharing): Promise<{ ok: true; mapId: string } | { ok: false; problem: ShareProblem }> {
  const ydoc = new Y.Doc();
  const connection = connect({ server: link.server, mapId: link.mapId, ydoc, token: { secret: link.secret } });
  try {
    const problem = await reach(connection);
    if (problem) return { ok: false, problem };
    const { map } = readMap(ydoc);
    if (!map || map.id !== link.mapId) return { ok: false, problem: 'empty' };
    const role = connection.scope() ?? 'view';
    try {
      // Joining again replaces this device's copy with the team's: the old one is kept first.
      const here = await loadMap(map.id).catch(() => null);
      if (here && here.kind !== 'missing') await snapshotMap(map.id, 'before-join');
      await saveMap(map);
      await sharing.saveSyncState(map.id, Y.encodeStateAsUpdate(ydoc));
      await sharing.saveShare({ mapId: map.id, server: link.server, role, secret: link.secret, ...(role === 'edit' ? { editSecret: link.secret } : {}), createdAt: new Date().toISOString() });
    } catch {
      return { ok: false, problem: 'storage' };
    }
    return { ok: true, mapId: map.id };
  } finally {
    connection.destroy();
  }
}
