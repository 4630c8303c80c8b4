/**
 * A shared map's connection to its sync server (Hocuspocus provider), and what the page shows of
 * it: connecting, online (synced, or N changes on their way), offline with N changes waiting, or
 * refused with the server's reason code (the page words it from the catalogue). Edits never wait
 * for it: they go into the Y.Doc, which is stored on the device, and the provider sends them when
 * it can, so edits made offline merge when the connection returns.
 */
import { HocuspocusProvider, WebSocketStatus, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { closeReason, encodeToken, isRefusal, parseServerMessage, type LinkSecrets, type Refusal, type Token } from './protocol';

export type SyncStatus =
  | { state: 'connecting'; pending: number }
  | { state: 'online'; pending: number }
  | { state: 'offline'; pending: number }
  | { state: 'refused'; reason: Refusal };

export interface Connection {
  status: StoreApi<SyncStatus>;
  /** The server's word on this device's rights, once authenticated: edit, or view only. */
  scope(): 'edit' | 'view' | null;
  /** Resolves when the document has been exchanged with the server once (null: refused first). */
  synced: Promise<boolean>;
  provider: HocuspocusProvider;
  /** The token for the next reconnect (after sharing: the edit link's secret). */
  setToken(token: Token): void;
  /** New links for the map (edit link holders only); the old ones stop working. Resolves true once the server took them. */
  reissue(secrets: LinkSecrets): Promise<boolean>;
  destroy(): void;
}

export interface ConnectOptions {
  server: string;
  mapId: string;
  ydoc: Y.Doc;
  /** What the server checks (src/sync/protocol.ts): the link secret, or a request to share the map. */
  token: Token;
  /** A WebSocket class where the platform has none (Node 20: the `ws` package). */
  WebSocketPolyfill?: unknown;
}


export function connect({ server, mapId, ydoc, token, WebSocketPolyfill }: ConnectOptions): Connection {
  const status = createStore<SyncStatus>(() => ({ state: 'connecting', pending: 0 }));
  let settle: (ok: boolean) => void = () => undefined;
  const synced = new Promise<boolean>((resolve) => (settle = resolve));
  const pending = () => provider.unsyncedChanges;
  const announce = () => {
    const awareness = provider.awareness;
    const state = awareness?.getLocalState();
    if (awareness && state) awareness.setLocalState({ ...state });
  };
  let answer: ((ok: boolean) => void) | null = null;
  const refuse = (reason: Refusal) => {
    status.setState({ state: 'refused', reason }, true);
    settle(false);
    // A refused link stays refused: no point in knocking again every few seconds.
    provider.disconnect();
  };
  const config = {
    url: server,
    name: mapId,
    document: ydoc,
    token: encodeToken(token),
    ...(WebSocketPolyfill ? { WebSocketPolyfill } : {}),
    onStatus: ({ status: s }) => {
      if (status.getState().state === 'refused') return;
      status.setState(s === WebSocketStatus.Connected ? { state: 'online', pending: pending() } : s === WebSocketStatus.Connecting ? { state: 'connecting', pending: pending() } : { state: 'offline', pending: pending() }, true);
    },
    // What this device set in its awareness while the socket was still opening did not always
    // reach the others (a colleague missing from "Here now", a presenter nobody could follow, seen
    // in the browser tests): it is said again once the connection is authenticated and synced.
    onAuthenticated: () => announce(),
    onSynced: ({ state }) => {
      announce();
      if (state) settle(true);
    },
    onUnsyncedChanges: ({ number }) => {
      const current = status.getState();
      if (current.state !== 'refused') status.setState({ ...current, pending: number }, true);
    },
    onAuthenticationFailed: ({ reason }) => refuse(isRefusal(reason) ? reason : 'bad-token'),
    onClose: ({ event }) => {
      // The server closes one document of a shared socket with a message that names the reason.
      const reason = isRefusal(event.reason) ? event.reason : closeReason(event.code);
      if (reason) refuse(reason);
    },
    onStateless: ({ payload }) => {
      const message = parseServerMessage(payload);
      if (message && answer) answer(message.type === 'reissued');
    },
  } as HocuspocusProviderConfiguration;
  const provider = new HocuspocusProvider(config);
  const setToken = (next: Token) => {
    provider.configuration.token = encodeToken(next);
  };
  return {
    status,
    scope: () => (provider.authorizedScope === undefined ? null : provider.authorizedScope === 'readonly' ? 'view' : 'edit'),
    synced,
    provider,
    setToken,
    reissue: (secrets) =>
      new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => done(false), 10_000);
        const done = (ok: boolean) => {
          clearTimeout(timer);
          answer = null;
          if (ok) setToken({ secret: secrets.editSecret });
          resolve(ok);
        };
        answer = done;
        provider.sendStateless(JSON.stringify({ type: 'reissue', secrets }));
      }),
    destroy: () => provider.destroy(),
  };
}
