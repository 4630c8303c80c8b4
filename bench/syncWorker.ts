/**
 * One process of bench clients (forked by bench/sync.ts): real devices each have a core of
 * their own, so 50 clients in one Node process would time that process's queue, not the
 * sync. It joins its share of the clients, edits on "go", and reports what arrived.
 */
import * as Y from 'yjs';
import type { JourneyMap } from '../src/model/schema';
import { eventually, nodeClient } from '../tests/sync/nodeClients';
import { addCards, cardId, timeArrivals } from './syncEdits';

export interface WorkerStart {
  type: 'start';
  url: string;
  mapId: string;
  secret: string;
  map: JourneyMap;
  indices: number[];
  clients: number;
  edits: number;
  interval: number;
}
export interface WorkerDone {
  type: 'done';
  latencies: number[];
  /** Cards some client of this process never received. */
  missing: string[];
  vectors: string[];
}

const send = (m: unknown) => process.send!(m);
let start: WorkerStart;
const latencies: number[] = [];
let clients: ReturnType<typeof nodeClient>[] = [];

process.on('message', (message: WorkerStart | { type: 'go' }) => {
  void (async () => {
    if (message.type === 'start') {
      start = message;
      clients = start.indices.map(() => nodeClient(start.url, start.mapId, { secret: start.secret }));
      await Promise.all(clients.map((c) => c.connection.synced));
      clients.forEach((c) => timeArrivals(c, latencies));
      send({ type: 'ready' });
      return;
    }
    const { indices, map, edits, interval } = start;
    await Promise.all(clients.map((c, i) => addCards(c, indices[i]!, map, edits, interval, (interval * indices[i]!) / start.clients)));
    const expected = Array.from({ length: start.clients }, (_, c) => Array.from({ length: edits }, (_, e) => cardId(c, e))).flat();
    const holdsAll = () => clients.every((c) => expected.every((id) => c.ydoc.getMap('cards').has(id)));
    await eventually(holdsAll, 60_000).catch(() => undefined);
    const missing = expected.filter((id) => clients.some((c) => !c.ydoc.getMap('cards').has(id)));
    const vectors = clients.map((c) => Buffer.from(Y.encodeStateVector(c.ydoc)).toString('base64'));
    send({ type: 'done', latencies, missing, vectors } satisfies WorkerDone);
    clients.forEach((c) => c.close());
  })();
});
