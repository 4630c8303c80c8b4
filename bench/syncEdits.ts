/**
 * What a bench client does on a shared map (bench/sync.ts, bench/syncWorker.ts): it adds cards
 * through the app's own writeMap, one every `interval` ms, each text stamped with the moment it
 * was written (epoch ms), so any client, in any process, can time its arrival.
 */
import { performance } from 'node:perf_hooks';
import * as ops from '../src/model/operations';
import type { JourneyMap } from '../src/model/schema';
import { writeMap } from '../src/sync/yMap';
import type { NodeClient } from '../tests/sync/nodeClients';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Milliseconds since the epoch, to a fraction: comparable between processes on one machine. */
export const clock = () => performance.timeOrigin + performance.now();
export const cardId = (client: number, edit: number) => `c${client}e${edit}`;

/** Client `index` adds `edits` cards to `map`, starting after `offset` ms. */
export async function addCards(client: NodeClient, index: number, map: JourneyMap, edits: number, interval: number, offset: number): Promise<void> {
  const lane = map.lanes.find((l) => l.kind === 'text')!;
  await sleep(offset);
  let doc = map;
  for (let e = 0; e < edits; e++) {
    const stageId = map.stages[(index + e) % map.stages.length]!.id;
    const next = ops.addCard(doc, { stageId, laneId: lane.id, id: cardId(index, e), text: `ลูกค้าโทรหา Call Center ${index}-${e} @${clock()}` });
    writeMap(client.ydoc, doc, next, 'bench');
    doc = next;
    await sleep(interval);
  }
}

/** Times the arrival of other clients' cards on `client`: pushes one latency (ms) per card. */
export function timeArrivals(client: NodeClient, latencies: number[]): void {
  client.ydoc.getMap('cards').observe((event, tr) => {
    if (tr.local) return;
    const now = clock();
    for (const key of event.keysChanged) {
      const entry = event.target.get(key) as { get(k: string): unknown } | undefined;
      const stamp = /@([\d.]+)$/.exec(String(entry?.get('text') ?? ''));
      if (stamp) latencies.push(now - Number(stamp[1]));
    }
  });
}
