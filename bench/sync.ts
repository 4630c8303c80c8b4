/**
 * `npm run bench:sync`: many Journeyboard clients (the app's own connection and Y.Doc code, in
 * Node) on one local sync server process. Two runs:
 *
 *   one map   50 clients x 200 edits each on one shared map, one edit every 500 ms per client
 *             (100 edits a second into the room, each delivered to 49 others): every edit
 *             reaches every client (lost 0, converged), and how long an edit takes from one
 *             client's writeMap to another's Y.Doc (p50, p95 on loopback; budget p95 < 50 ms).
 *             The clients run in worker processes; on a 2-core machine it is their processes,
 *             not the server, that saturate first at faster rates;
 *   rooms     200 maps x 5 clients: the server's memory with 1,000 connections.
 *
 * Writes bench/results/sync.json. Options: --clients N --edits N --rooms N --per-room N
 * --interval MS (between one client's edits), --workers N (client processes for the one-map
 * run), --smoke (a small run for CI).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as Y from 'yjs';
import { sampleById } from '../src/model/samples';
import type { JourneyMap } from '../src/model/schema';
import { newLinkSecrets, newSecret } from '../src/sync/links';
import { writeMap } from '../src/sync/yMap';
import { startServer, type ServerProcess } from '../tests/server/serverProcess';
import { eventually, nodeClient, type NodeClient } from '../tests/sync/nodeClients';
import { addCards, cardId } from './syncEdits';
import type { WorkerDone, WorkerStart } from './syncWorker';

const argv = process.argv.slice(2);
const smoke = argv.includes('--smoke');
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
};
const CLIENTS = option('--clients', smoke ? 5 : 50);
const EDITS = option('--edits', smoke ? 20 : 200);
const ROOMS = option('--rooms', smoke ? 10 : 200);
const PER_ROOM = option('--per-room', 5);
const INTERVAL_MS = option('--interval', 500);
/** Client processes for the one-map run (real clients each have their own device). */
const WORKERS = option('--workers', smoke ? 1 : 2);
const LATENCY_BUDGET_MS = 50;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;

/** The server's resident memory, sampled until stopped; the peak is reported. */
function watchRss(pid: number) {
  let peak = 0;
  const read = () => {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) peak = Math.max(peak, Number(m[1]) / 1024);
  };
  const timer = setInterval(read, 250);
  return () => {
    clearInterval(timer);
    read();
    return round(peak);
  };
}

/** Shares a fresh copy of the Thai sample on the server and connects `count` clients to it. */
async function room(url: string, count: number): Promise<{ clients: NodeClient[]; map: JourneyMap; editSecret: string }> {
  const mapId = `bench${newSecret().slice(0, 16).replace(/[-_]/g, 'x')}`;
  const secrets = newLinkSecrets();
  const map = { ...sampleById('sample-th')!.build(), id: mapId };
  const owner = nodeClient(url, mapId, { create: secrets });
  writeMap(owner.ydoc, null, map, 'bench');
  await owner.connection.synced;
  const others = Array.from({ length: count - 1 }, () => nodeClient(url, mapId, { secret: secrets.editSecret }));
  await Promise.all(others.map((c) => c.connection.synced));
  return { clients: [owner, ...others], map, editSecret: secrets.editSecret };
}

interface RunResult {
  clients: number;
  editsPerClient: number;
  edits: number;
  lost: number;
  converged: boolean;
  latencyMs: { p50: number; p95: number };
  serverRssMB: number;
}

/** Forks a worker process of bench clients. */
function worker(): { child: ChildProcess; next<T>(): Promise<T> } {
  const child = fork(resolve(import.meta.dirname, 'syncWorker.ts'), [], { execArgv: ['--import', 'tsx'] });
  const inbox: unknown[] = [];
  const waiting: ((m: unknown) => void)[] = [];
  child.on('message', (m) => (waiting.length ? waiting.shift()!(m) : inbox.push(m)));
  return { child, next: <T>() => new Promise<T>((r) => (inbox.length ? r(inbox.shift() as T) : waiting.push(r as (m: unknown) => void))) };
}

async function oneMap(server: ServerProcess): Promise<RunResult> {
  const rss = watchRss(server.pid);
  const { clients: [owner], map, editSecret } = await room(server.url, 1);
  // The clients, dealt out to the worker processes.
  const workers = Array.from({ length: Math.min(WORKERS, CLIENTS) }, worker);
  workers.forEach((w, k) => {
    const indices = Array.from({ length: CLIENTS }, (_, i) => i).filter((i) => i % workers.length === k);
    w.child.send({ type: 'start', url: server.url, mapId: map.id, secret: editSecret, map, indices, clients: CLIENTS, edits: EDITS, interval: INTERVAL_MS } satisfies WorkerStart);
  });
  await Promise.all(workers.map((w) => w.next()));
  workers.forEach((w) => w.child.send({ type: 'go' }));
  const reports = await Promise.all(workers.map((w) => w.next<WorkerDone>()));
  workers.forEach((w) => w.child.kill());
  owner!.close();

  // A client that joins now reads the server's copy: nothing may be missing there either.
  const late = nodeClient(server.url, map.id, { secret: editSecret });
  await late.connection.synced;
  const cards = late.ydoc.getMap('cards');
  const expected = Array.from({ length: CLIENTS }, (_, c) => Array.from({ length: EDITS }, (_, e) => cardId(c, e))).flat();
  const lost = new Set([...reports.flatMap((r) => r.missing), ...expected.filter((id) => !cards.has(id))]).size;
  // Converged: every client holds the same Yjs state (equal state vectors), not just as many cards.
  const vectors = new Set([...reports.flatMap((r) => r.vectors), Buffer.from(Y.encodeStateVector(late.ydoc)).toString('base64')]);
  late.close();
  const sorted = reports.flatMap((r) => r.latencies).sort((a, b) => a - b);
  return {
    clients: CLIENTS,
    editsPerClient: EDITS,
    edits: expected.length,
    lost,
    converged: lost === 0 && vectors.size === 1,
    latencyMs: { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)) },
    serverRssMB: rss(),
  };
}

async function manyRooms(server: ServerProcess) {
  const rss = watchRss(server.pid);
  const rooms: { clients: NodeClient[]; map: JourneyMap }[] = [];
  for (let r = 0; r < ROOMS; r++) rooms.push(await room(server.url, PER_ROOM));
  await Promise.all(rooms.flatMap(({ clients, map }) => clients.map((c, i) => addCards(c, i, map, 5, INTERVAL_MS, (INTERVAL_MS * i) / clients.length))));
  const converged = await eventually(
    () => rooms.every(({ clients }) => clients.every((c) => c.ydoc.getMap('cards').size === clients[0]!.ydoc.getMap('cards').size)),
    60_000,
  ).then(
    () => true,
    () => false,
  );
  const serverRssMB = rss();
  rooms.forEach(({ clients }) => clients.forEach((c) => c.close()));
  return { rooms: ROOMS, clientsPerRoom: PER_ROOM, connections: ROOMS * PER_ROOM, converged, serverRssMB };
}

const dir = mkdtempSync(join(tmpdir(), 'jb-bench-sync-'));
let exit = 0;
try {
  const first = await startServer({ JOURNEYBOARD_DATA: join(dir, 'one.sqlite') });
  const one = await oneMap(first).finally(() => first.stop());
  const second = await startServer({ JOURNEYBOARD_DATA: join(dir, 'rooms.sqlite') });
  const many = await manyRooms(second).finally(() => second.stop());
  const result = { ...one, rooms: many, intervalMs: INTERVAL_MS, budget: { lost: 0, p95Ms: LATENCY_BUDGET_MS }, measuredAt: new Date().toISOString() };
  const out = resolve(import.meta.dirname, 'results', smoke ? 'sync-smoke.json' : 'sync.json');
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  const mark = (ok: boolean) => (ok ? '  met  ' : ' MISSED');
  console.log(`Sync: ${one.clients} clients x ${one.editsPerClient} edits on one map (${one.edits} edits, one every ${INTERVAL_MS} ms per client)`);
  console.log(`${mark(one.lost === 0)} lost: ${one.lost} (budget 0)`);
  console.log(`${mark(one.converged)} converged: ${one.converged}`);
  console.log(`${mark(one.latencyMs.p95 < LATENCY_BUDGET_MS)} edit to remote apply: p50 ${one.latencyMs.p50} ms, p95 ${one.latencyMs.p95} ms (budget p95 < ${LATENCY_BUDGET_MS} ms)`);
  console.log(`         server memory (peak RSS): ${one.serverRssMB} MB`);
  console.log(`Sync: ${many.rooms} maps x ${many.clientsPerRoom} clients (${many.connections} connections): converged ${many.converged}, server memory ${many.serverRssMB} MB`);
  console.log(`Written: ${out}`);
  if (!one.converged || !many.converged) exit = 1;
} catch (err) {
  console.error(err);
  exit = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exit);
