/**
 * The personas a shared map uses travel with it: the Y.Doc keeps a copy of each linked
 * persona (one Y.Map of fields per persona, like the map's entities), so whoever joins sees
 * the same faces and quotes at the head of the map. Each device keeps its personas in its
 * own library; a copy from the map is taken into it when it is new there or newer than the
 * one there. Photos stay on the device that has them. No storage here: ./personaTravel.ts.
 */
import * as Y from 'yjs';
import * as z from 'zod/mini';
import { PersonaSchema, type Persona } from '../model/schema';
import { writeFields } from './yMap';

const personasOf = (ydoc: Y.Doc) => ydoc.getMap<Y.Map<unknown>>('personas');

/**
 * Writes each of `personas` where it differs from the copy the Y.Doc holds, only the fields that
 * changed (as the map's entities are written); nothing changed, no update.
 */
export function writePersonas(ydoc: Y.Doc, personas: readonly Persona[], origin: unknown): void {
  const target = personasOf(ydoc);
  ydoc.transact(() => {
    for (const p of personas) {
      let entry = target.get(p.id);
      if (!entry) {
        entry = new Y.Map<unknown>();
        target.set(p.id, entry);
      }
      writeFields(entry, p);
    }
  }, origin);
}

/** The personas the Y.Doc holds that pass the schema (a peer's bad one is skipped). */
export function readPersonas(ydoc: Y.Doc): Persona[] {
  const out: Persona[] = [];
  for (const [id, entry] of personasOf(ydoc)) {
    if (!(entry instanceof Y.Map)) continue;
    const parsed = z.safeParse(PersonaSchema, entry.toJSON());
    if (parsed.success && parsed.data.id === id) out.push(parsed.data);
  }
  return out;
}

/**
 * Which of the map's persona copies this device should take into its library: those it does
 * not have, and those edited more recently elsewhere. A photo this device does not have is
 * left out (initials show), never a broken link.
 */
export function personasToTake(fromMap: readonly Persona[], here: ReadonlyMap<string, Persona>, hasImage: (id: string) => boolean): Persona[] {
  return fromMap
    .filter((p) => {
      const mine = here.get(p.id);
      return !mine || mine.updatedAt < p.updatedAt;
    })
    .map((p) => (p.avatarImageId && !hasImage(p.avatarImageId) ? { ...p, avatarImageId: here.get(p.id)?.avatarImageId ?? null } : p));
}

/** Observes persona copies that arrive from elsewhere. */
export function onPersonasArrive(ydoc: Y.Doc, local: unknown, callback: () => void): () => void {
  const target = personasOf(ydoc);
  const observer = (_e: Y.YEvent<Y.Map<unknown>>[], tr: Y.Transaction) => {
    if (tr.origin !== local) callback();
  };
  target.observeDeep(observer);
  return () => target.unobserveDeep(observer);
}
