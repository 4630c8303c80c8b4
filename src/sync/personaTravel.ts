/**
 * Keeps a shared map's persona copies (./yPersonas.ts) and this device's library in step while
 * the map is open: the personas it links go into the map when they change here or are linked,
 * and copies that arrive are taken into the library when they are new or newer here.
 */
import type * as Y from 'yjs';
import type { EditorStore } from '../editor/store';
import { getImage, listPersonas, savePersona, watchPersonas } from '../storage';
import { onPersonasArrive, personasToTake, readPersonas, writePersonas } from './yPersonas';

const TRAVEL = Symbol('journeyboard:personas');

export function travelPersonas(store: EditorStore, ydoc: Y.Doc, onError: (err: unknown) => void): () => void {
  let stopped = false;
  const push = async () => {
    const linked = new Set(store.getState().doc.personaIds);
    const mine = (await listPersonas()).filter((p) => linked.has(p.id));
    if (!stopped) writePersonas(ydoc, mine, TRAVEL);
  };
  const pull = async () => {
    const here = new Map((await listPersonas()).map((p) => [p.id, p]));
    const fromMap = readPersonas(ydoc);
    const photos = new Set<string>();
    for (const p of fromMap) if (p.avatarImageId && (await getImage(p.avatarImageId))) photos.add(p.avatarImageId);
    for (const p of personasToTake(fromMap, here, (id) => photos.has(id))) if (!stopped) await savePersona(p);
  };
  const run = (work: () => Promise<void>) => void work().catch((err) => !stopped && onError(err));

  run(async () => {
    await pull();
    await push();
  });
  const stopWatch = watchPersonas(() => run(push), (err) => onError(err));
  const stopArrive = onPersonasArrive(ydoc, TRAVEL, () => run(pull));
  const stopLinks = store.subscribe((s, prev) => {
    if (s.doc.personaIds !== prev.doc.personaIds) run(push);
  });
  return () => {
    stopped = true;
    stopWatch();
    stopArrive();
    stopLinks();
  };
}
