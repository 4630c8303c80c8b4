/**
 * Journeyboard clients outside a browser, for the server's tests and the sync bench: the app's
 * own connection (src/sync/connection.ts) on a Y.Doc of their own, over the `ws` package (Node
 * 20 has no WebSocket of its own).
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import { connect, type Connection, type SyncStatus } from '../../src/sync/connection';
import type { Token } from '../../src/sync/protocol';

export interface NodeClient {
  ydoc: Y.Doc;
  connection: Connection;
  /** Resolves with the status once `done` says so (or rejects after `ms`). */
  until(done: (status: SyncStatus) => boolean, ms?: number): Promise<SyncStatus>;
  close(): void;
}

export function nodeClient(server: string, mapId: string, token: Token, ydoc = new Y.Doc()): NodeClient {
  const connection = connect({ server, mapId, ydoc, token, WebSocketPolyfill: WebSocket });
  return {
    ydoc,
    connection,
    until(done, ms = 10_000) {
      return new Promise((resolve, reject) => {
        const check = (s: SyncStatus) => {
          if (!done(s)) return false;
          clearTimeout(timer);
          unsubscribe();
          resolve(s);
          return true;
        };
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error(`status stayed ${JSON.stringify(connection.status.getState())}`));
        }, ms);
        const unsubscribe = connection.status.subscribe(check);
        check(connection.status.getState());
      });
    },
    close: () => connection.destroy(),
  };
}

/** Resolves once `check` holds, polling (sync is asynchronous, across sockets and processes). */
export async function eventually(check: () => boolean, ms = 10_000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`${what} did not hold within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
