/**
 * The sync server: Hocuspocus 3 (4 needs Node 22) with our checks around it. It authenticates
 * every connection against the map's link hashes, gives view links a read-only connection
 * (Hocuspocus drops their updates), closes a connection that floods, grows a document past its
 * limit, or keeps using a revoked link, and keeps documents in the given store. With a Redis
 * address, any number of instances serve one map together (Hocuspocus's Redis extension).
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import * as Y from 'yjs';
import { CLOSE_CODES, parseClientMessage, type CloseReason, type ServerMessage } from '../src/sync/protocol';
import { Refused, authorize, hashSecret, roleOf, type Grant } from './auth';
import { DEFAULT_LIMITS, tokenBucket, type Bucket, type Limits } from './limits';
import type { Store } from './store';

export interface SyncServerOptions {
  store: Store;
  port: number;
  address?: string;
  /** When set, only clients that know it may share a new map here. */
  teamKey?: string | null;
  /** redis://host:port: run as one of several instances. */
  redisUrl?: string | null;
  /** This instance's name among several (logs, Redis). */
  name?: string;
  limits?: Partial<Limits>;
  /** How often (ms) a connection's link is checked again, so a revoked link stops on every instance. */
  recheckMs?: number;
}

export interface SyncServer {
  /** ws://address:port, once listening. */
  url: string;
  hocuspocus: Server['hocuspocus'];
  destroy(): Promise<void>;
}

/** Thrown from a hook: Hocuspocus closes the connection with this code and reason. */
const closeWith = (reason: CloseReason) => Object.assign(new Error(reason), { code: CLOSE_CODES[reason], reason });

interface ConnectionContext {
  grant?: Grant;
}

function redisOptions(url: string, name: string): ConstructorParameters<typeof Redis>[0] {
  const parsed = new URL(url);
  const db = Number(parsed.pathname.replace(/^\//, '') || 0);
  return {
    host: parsed.hostname,
    port: Number(parsed.port || 6379),
    identifier: name,
    prefix: 'journeyboard',
    options: { ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}), db },
  };
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const { store } = options;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const recheckMs = options.recheckMs ?? 5000;
  const teamKeyHash = options.teamKey ? hashSecret(options.teamKey) : null;
  const name = options.name ?? 'journeyboard';
  const buckets = new Map<string, Bucket>();
  const checkedAt = new Map<string, number>();
  /** Bytes received per document since its size was last measured: measuring is a full encode. */
  const grown = new Map<string, number>();

  const extensions: Extension[] = [
    new Database({
      fetch: ({ documentName }) => store.fetchDocument(documentName),
      store: ({ documentName, state }) => store.storeDocument(documentName, state),
    }),
  ];
  if (options.redisUrl) extensions.push(new Redis(redisOptions(options.redisUrl, name)));

  const server = new Server(
    {
      name,
      port: options.port,
      address: options.address ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      extensions,
      async onAuthenticate({ documentName, token, connectionConfig }) {
        try {
          const grant = await authorize(store, documentName, token, teamKeyHash);
          connectionConfig.readOnly = grant.role === 'view';
          return { grant } satisfies ConnectionContext;
        } catch (err) {
          // Hocuspocus sends `reason` to the client; anything else is our fault, not the client's.
          if (err instanceof Refused) throw { reason: err.reason };
          console.error('authentication failed', err);
          throw { reason: 'bad-token' };
        }
      },
      async beforeHandleMessage({ socketId, update, document, documentName, context }) {
        const now = Date.now();
        let bucket = buckets.get(socketId);
        if (!bucket) buckets.set(socketId, (bucket = tokenBucket(limits.messagesPerSecond, limits.burst, now)));
        if (!bucket.take(now)) throw closeWith('rate-limited');

        const grant = (context as ConnectionContext).grant;
        if (grant && now - (checkedAt.get(socketId) ?? 0) > recheckMs) {
          checkedAt.set(socketId, now);
          if (roleOf(await store.getShare(documentName), grant.secretHash) !== grant.role) throw closeWith('revoked');
        }

        const bytes = (grown.get(documentName) ?? 0) + update.length;
        if (bytes > limits.maxDocumentBytes / 4) {
          const size = Y.encodeStateAsUpdate(document).length;
          if (size + update.length > limits.maxDocumentBytes) throw closeWith('too-large');
          grown.set(documentName, 0);
        } else grown.set(documentName, bytes);
      },
      async onStateless({ connection, documentName, document, payload }) {
        const message = parseClientMessage(payload);
        const grant = (connection.context as ConnectionContext).grant;
        if (!message || !grant) return;
        const answer = (m: ServerMessage) => connection.sendStateless(JSON.stringify(m));
        if (grant.role !== 'edit') return answer({ type: 'refused', reason: 'wrong-secret' });
        const editHash = hashSecret(message.secrets.editSecret);
        await store.replaceShare(documentName, { editHash, viewHash: hashSecret(message.secrets.viewSecret) });
        grant.secretHash = editHash;
        answer({ type: 'reissued' });
        // Everyone else here came with a link that no longer works.
        for (const other of document.getConnections()) if (other !== connection) other.close({ code: CLOSE_CODES.revoked, reason: 'revoked' });
      },
      async onDisconnect({ socketId }) {
        buckets.delete(socketId);
        checkedAt.delete(socketId);
      },
      async afterUnloadDocument({ documentName }) {
        grown.delete(documentName);
      },
    },
    { maxPayload: limits.maxMessageBytes },
  );
  await server.listen();
  return {
    url: server.webSocketURL,
    hocuspocus: server.hocuspocus,
    async destroy() {
      await server.destroy();
      await store.close();
    },
  };
}
