/**
 * The one place src/export talks to storage: loading documents for export, and writing an import.
 * Everything else in src/export works on documents and stays free of Dexie.
 */
import type { JourneyMap, Persona } from '../model/schema';
import * as storage from '../storage';
import { exportImageToBlob, type ExportImage } from './images';
import { withFreshIds } from './freshIds';

export type LoadedForExport =
  | { kind: 'ok'; map: JourneyMap; personas: Persona[]; imageBlobs: Record<string, Blob>; readOnly: boolean }
  | { kind: 'missing' }
  | { kind: 'invalid'; errors: { path: string; message: string }[] };

async function personaImages(personas: readonly Persona[]): Promise<Record<string, Blob>> {
  const out: Record<string, Blob> = {};
  for (const p of personas) {
    if (!p.avatarImageId) continue;
    const blob = await storage.getImage(p.avatarImageId);
    if (blob) out[p.avatarImageId] = blob;
  }
  return out;
}

export async function loadMapForExport(mapId: string): Promise<LoadedForExport> {
  const loaded = await storage.loadMap(mapId);
  if (loaded.kind === 'invalid') return { kind: 'invalid', errors: loaded.errors };
  if (loaded.kind !== 'ok' && !(loaded.kind === 'newer' && loaded.doc)) return { kind: 'missing' };
  const map = loaded.doc as JourneyMap;
  const all = await storage.listPersonas();
  const linked = new Set(map.personaIds);
  const personas = all.filter((p) => linked.has(p.id));
  return { kind: 'ok', map, personas, imageBlobs: await personaImages(personas), readOnly: loaded.kind === 'newer' };
}

/** What to do with a map whose id is already in the library. */
export type ConflictChoice = 'replace' | 'keep-both';

export interface ImportPlan {
  maps: JourneyMap[];
  personas: Persona[];
  images: ExportImage[];
  /** Ids of maps in the file that already exist here. */
  conflicts: { id: string; title: string }[];
}

export async function planImport(docs: { maps: JourneyMap[]; personas: Persona[]; images: ExportImage[] }): Promise<ImportPlan> {
  const conflicts: { id: string; title: string }[] = [];
  for (const map of docs.maps) {
    const existing = await storage.loadMap(map.id);
    if (existing.kind !== 'missing') conflicts.push({ id: map.id, title: map.title });
  }
  return { ...docs, conflicts };
}

/**
 * Writes an import in one transaction (images, personas, maps: all or nothing); a conflicting map
 * is replaced (the old one is snapshotted first) or copied with fresh ids. Returns the stored map ids.
 */
export async function applyImport(plan: ImportPlan, choice: ConflictChoice): Promise<string[]> {
  const conflicting = new Set(plan.conflicts.map((c) => c.id));
  const maps = plan.maps.map((map) => (conflicting.has(map.id) && choice === 'keep-both' ? withFreshIds(map) : map));
  const images = plan.images.map((image) => ({ id: image.id, blob: exportImageToBlob(image) }));
  await storage.importBatch({ maps, personas: plan.personas, images });
  return maps.map((m) => m.id);
}

/** Every map that opens, every persona and the photos they use: the whole library, for a backup file. */
export async function loadLibraryForExport(): Promise<{ maps: JourneyMap[]; personas: Persona[]; imageBlobs: Record<string, Blob>; skipped: string[] }> {
  const maps: JourneyMap[] = [];
  const skipped: string[] = [];
  for (const summary of await storage.listMapSummaries()) {
    const loaded = await storage.loadMap(summary.id);
    if (loaded.kind === 'ok') maps.push(loaded.doc);
    else skipped.push(summary.title || summary.id);
  }
  const personas = await storage.listPersonas();
  return { maps, personas, imageBlobs: await personaImages(personas), skipped };
}
