// @vitest-environment node
/**
 * The sync server as a team meets it: real server processes on real sockets, clients that are
 * the app's own connection code. Sharing, joining, view links the server keeps read-only,
 * refusals with their reasons, a restart, garbage on the wire, and two instances on
 * PostgreSQL and Redis serving one map.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as ops from '../../src/model/operations';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';
import { newLinkSecrets, newSecret } from '../../src/sync/links';
import type { Token } from '../../src/sync/protocol';
import { readMap, writeMap } from '../../src/sync/yMap';
import { startSyncServer } from '../../server/app';
import { sqliteStore } from '../../server/sqlite';
import { eventually, nodeClient, type NodeClient } from '../sync/nodeClients';
import { startServer, type ServerProcess } from './serverProcess';

const dir = mkdtempSync(join(tmpdir(), 'jb-sync-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const running: { stop(): Promise<void> }[] = [];
const clients: NodeClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.close());
  await Promise.all(running.splice(0).map((s) => s.stop()));
});

let files = 0;
async function server(env: Record<string, string> = {}): Promise<ServerProcess> {
  const s = await startServer({ JOURNEYBOARD_DATA: join(dir, `sync-${++files}.sqlite`), ...env });
  running.push(s);
  return s;
}

function client(url: string, mapId: string, token: Token): NodeClient {
  const c = nodeClient(url, mapId, token);
  clients.push(c);
  return c;
}

const mapIdOf = () => `m${newSecret().slice(0, 20).replace(/[-_]/g, 'x')}`;
const secrets = newLinkSecrets;
/** Connected, the document exchanged with the server once, and nothing left to send. */
const online = async (c: NodeClient) => {
  expect(await c.connection.synced).toBe(true);
  await c.until((s) => s.state === 'online' && s.pending === 0);
};
const refusal = async (c: NodeClient) => {
  const s = await c.until((x) => x.state === 'refused');
  return s.state === 'refused' ? s.reason : null;
};
const titleOf = (c: NodeClient) => readMap(c.ydoc).map?.title;

/** Shares the Persian sample on `url`: the sharer's client, the map and both secrets. */
async function share(url: string, extra: { teamKey?: string } = {}) {
  const mapId = mapIdOf();
  const links = secrets();
  const map: JourneyMap = { ...sampleById('sample-fa')!.build(), id: mapId };
  const owner = client(url, mapId, { create: links, ...extra });
  writeMap(owner.ydoc, null, map, 'test');
  await online(owner);
  return { owner, mapId, links, map };
}

describe('sharing a map', () => {
  it('gives the edit link an editable copy and the view link a read-only one the server enforces', async () => {
    const { url } = await server();
    const { owner, mapId, links, map } = await share(url);

    const editor = client(url, mapId, { secret: links.editSecret });
    await online(editor);
    expect(readMap(editor.ydoc).map?.title).toBe(map.title);
    expect(editor.connection.scope()).toBe('edit');
    const edited = ops.updateMapMeta(readMap(editor.ydoc).map!, { title: 'سفر مشتری: نسخه کارگاه' });
    writeMap(editor.ydoc, readMap(editor.ydoc).map, edited, 'test');
    await eventually(() => titleOf(owner) === 'سفر مشتری: نسخه کارگاه', 10_000, 'the owner sees the edit');

    const viewer = client(url, mapId, { secret: links.viewSecret });
    await viewer.until((s) => s.state === 'online');
    await eventually(() => titleOf(viewer) === 'سفر مشتری: نسخه کارگاه');
    expect(viewer.connection.scope()).toBe('view');
    // A write forced through the view link: the server drops it; nobody else ever sees it.
    const forced = readMap(viewer.ydoc).map!;
    writeMap(viewer.ydoc, forced, ops.updateMapMeta(forced, { title: 'hacked' }), 'test');
    await new Promise((r) => setTimeout(r, 500));
    const late = client(url, mapId, { secret: links.editSecret });
    await online(late);
    expect(titleOf(late)).toBe('سفر مشتری: نسخه کارگاه');
    expect(titleOf(owner)).toBe('سفر مشتری: نسخه کارگاه');
  }, 30_000);

  it('refuses a wrong secret, an unknown map and a second share of the same map, each with its reason', async () => {
    const { url } = await server();
    const { mapId } = await share(url);
    expect(await refusal(client(url, mapId, { secret: newSecret() }))).toBe('wrong-secret');
    expect(await refusal(client(url, mapIdOf(), { secret: newSecret() }))).toBe('unknown-map');
    expect(await refusal(client(url, mapId, { create: secrets() }))).toBe('map-exists');
  }, 30_000);

  it('with a team key, shares only for clients that know it', async () => {
    const { url } = await server({ JOURNEYBOARD_TEAM_KEY: 'ทีมศูนย์บริการลูกค้า-2026' });
    expect(await refusal(client(url, mapIdOf(), { create: secrets() }))).toBe('team-key');
    expect(await refusal(client(url, mapIdOf(), { create: secrets(), teamKey: 'wrong' }))).toBe('team-key');
    const { owner } = await share(url, { teamKey: 'ทีมศูนย์บริการลูกค้า-2026' });
    expect(owner.connection.scope()).toBe('edit');
  }, 30_000);

  it('issues new links: the old ones stop working, the new ones work', async () => {
    const { url } = await server();
    const { owner, mapId, links } = await share(url);
    const viewer = client(url, mapId, { secret: links.viewSecret });
    await viewer.until((s) => s.state === 'online');
    const fresh = secrets();
    expect(await owner.connection.reissue(fresh)).toBe(true);
    // Closed at once (revoked), or refused when it comes back with the old secret: either way, out.
    expect(['revoked', 'wrong-secret']).toContain(await refusal(viewer));
    expect(await refusal(client(url, mapId, { secret: links.editSecret }))).toBe('wrong-secret');
    const again = client(url, mapId, { secret: fresh.viewSecret });
    await again.until((s) => s.state === 'online');
    await eventually(() => titleOf(again) !== undefined);
    // The owner's own connection carries on with the new edit secret.
    expect(owner.connection.status.getState().state).toBe('online');
  }, 30_000);
});

describe('the server keeps what it was sent', () => {
  it('across a restart, and a client that was offline merges its edits when it returns', async () => {
    const data = join(dir, 'restart.sqlite');
    let s = await startServer({ JOURNEYBOARD_DATA: data });
    const { owner, mapId, links } = await share(s.url);
    clients.splice(clients.indexOf(owner), 1);
    await s.stop();

    // Offline: the owner keeps editing.
    await owner.until((x) => x.state !== 'online');
    const before = readMap(owner.ydoc).map!;
    const stage = before.stages[0]!;
    writeMap(owner.ydoc, before, ops.renameStage(before, stage.id, 'آگاهی از خدمات'), 'test');
    const waiting = owner.connection.status.getState();
    expect(waiting.state !== 'refused' && waiting.pending).toBeGreaterThan(0);
    owner.close();

    s = await startServer({ JOURNEYBOARD_DATA: data, PORT: new URL(s.url).port });
    running.push(s);
    const reader = client(s.url, mapId, { secret: links.viewSecret });
    await reader.until((x) => x.state === 'online');
    await eventually(() => titleOf(reader) === before.title, 10_000, 'the map survived the restart');
    expect(readMap(reader.ydoc).map?.stages[0]?.name).toBe(stage.name);

    // The owner comes back with the state it kept on its device: its offline edit merges.
    const back = nodeClient(s.url, mapId, { secret: links.editSecret }, owner.ydoc);
    clients.push(back);
    await online(back);
    await eventually(() => readMap(reader.ydoc).map?.stages[0]?.name === 'آگاهی از خدمات', 10_000, 'the offline edit arrived');
  }, 40_000);
});

describe('limits', () => {
  it('a client that sends garbage is disconnected and the room carries on', async () => {
    const { url } = await server();
    const { owner, mapId, links } = await share(url);
    const other = client(url, mapId, { secret: links.editSecret });
    await online(other);
    const rogue = new WebSocket(url);
    const closed = new Promise<number>((resolve) => rogue.on('close', (code) => resolve(code)));
    await new Promise((r) => rogue.on('open', r));
    rogue.send(Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x99, 0x01]));
    rogue.send(Buffer.from('not a yjs message at all'));
    expect(await closed).toBeGreaterThan(1000);
    const map = readMap(owner.ydoc).map!;
    writeMap(owner.ydoc, map, ops.updateMapMeta(map, { title: 'ยังทำงานอยู่' }), 'test');
    await eventually(() => titleOf(other) === 'ยังทำงานอยู่', 10_000, 'the room still syncs');
  }, 30_000);

  it('closes a connection that floods, or that grows the document past its limit, with its reason', async () => {
    const server = await startSyncServer({
      store: sqliteStore(join(dir, 'limits.sqlite')),
      port: 0,
      limits: { messagesPerSecond: 5, burst: 20, maxDocumentBytes: 200_000 },
    });
    running.push({ stop: () => server.destroy() });
    const { owner, map } = await share(server.url);
    let doc = map;
    for (let i = 0; i < 60; i++) {
      const next = ops.updateMapMeta(doc, { title: `${i}` });
      writeMap(owner.ydoc, doc, next, 'test');
      doc = next;
    }
    expect(await refusal(owner)).toBe('rate-limited');

    const big = await share(server.url);
    // Replacing a text does not grow a document (Yjs drops what was overwritten); adding cards does.
    const lane = big.map.lanes.find((l) => l.kind === 'text')!;
    let current = big.map;
    for (let i = 0; i < 6; i++) {
      const next = ops.addCard(current, { stageId: current.stages[0]!.id, laneId: lane.id, text: `${i}${'ข'.repeat(19_000)}` });
      writeMap(big.owner.ydoc, current, next, 'test');
      current = next;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(await refusal(big.owner)).toBe('too-large');
  }, 30_000);
});

describe('several instances on PostgreSQL and Redis', () => {
  it('clients on different instances edit one map and converge', async () => {
    const env = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', REDIS_URL: 'redis://127.0.0.1:6379' };
    const one = await server({ ...env, JOURNEYBOARD_NAME: 'one' });
    const two = await server({ ...env, JOURNEYBOARD_NAME: 'two' });
    const { owner, mapId, links, map } = await share(one.url);
    const far = client(two.url, mapId, { secret: links.editSecret });
    await online(far);
    await eventually(() => titleOf(far) === map.title, 10_000, 'instance two has the map');

    const stage = map.stages[1]!;
    const lane = map.lanes.find((l) => l.kind === 'text')!;
    const a = readMap(owner.ydoc).map!;
    const b = readMap(far.ydoc).map!;
    writeMap(owner.ydoc, a, ops.addCard(a, { stageId: stage.id, laneId: lane.id, id: 'onOne', text: 'تماس با مرکز تماس' }), 'test');
    writeMap(far.ydoc, b, ops.renameStage(b, stage.id, 'خرید محصول'), 'test');
    const both = (c: NodeClient) => {
      const m = readMap(c.ydoc).map;
      return m?.cards.some((x) => x.id === 'onOne') === true && m.stages[1]?.name === 'خرید محصول';
    };
    await eventually(() => both(owner) && both(far), 15_000, 'both instances converge');
    const sorted = (c: NodeClient) => readMap(c.ydoc).map!.cards.map((x) => x.id).sort();
    expect(sorted(owner)).toEqual(sorted(far));
  }, 40_000);
});
