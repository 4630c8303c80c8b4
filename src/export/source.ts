/**
 * The one place src/export talks to storage: loading documents for export, and writing an import.
 * Everything else in src/export works on documents and stays free of Dexie.
 */
import type { RestoreError } from '../model/restore';
import type { JourneyMap, Persona } from '../model/schema';
import * as storage from '../storage';
import { resolveConflicts, samePersonaContent, type ConflictChoice, type ImportConflict } from './conflicts';
import { exportImageToBlob, type ExportImage } from './images';

export type LoadedForExport =
  | { kind: 'ok'; map: JourneyMap; personas: Persona[]; imageBlobs: Record<string, Blob>; readOnly: boolean }
  | { kind: 'missing' }
  | { kind: 'invalid'; errors: RestoreError[] };

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

export type { ConflictChoice, ImportConflict } from './conflicts';

export interface ImportPlan {
  maps: JourneyMap[];
  /** The file's personas that are new here or differ from the stored ones (identical ones are left out). */
  personas: Persona[];
  images: ExportImage[];
  /** Maps and personas of the file whose ids are already here (for personas: with other content). */
  conflicts: ImportConflict[];
  /** Personas of the file already stored with the same content: not written, nothing changes. */
  unchanged: { id: string; name: string }[];
}

export async function planImport(docs: { maps: JourneyMap[]; personas: Persona[]; images: ExportImage[] }): Promise<ImportPlan> {
  const conflicts: ImportConflict[] = [];
  for (const map of docs.maps) {
    const existing = await storage.loadMap(map.id);
    if (existing.kind === 'missing') continue;
    const stored = existing.kind === 'ok' || existing.kind === 'newer' ? existing.doc?.title : undefined;
    conflicts.push({ kind: 'map', id: map.id, title: map.title, ...(stored !== undefined ? { storedTitle: stored } : {}) });
  }
  const personas: Persona[] = [];
  const unchanged: ImportPlan['unchanged'] = [];
  for (const persona of docs.personas) {
    const existing = await storage.loadPersona(persona.id);
    if (existing.kind === 'missing') personas.push(persona);
    else if (existing.kind === 'ok' && samePersonaContent(existing.doc, persona)) unchanged.push({ id: persona.id, name: persona.name });
    else {
      personas.push(persona);
      const stored = existing.kind === 'ok' || existing.kind === 'newer' ? existing.doc?.name : undefined;
      // A persona without a name is '' here: the dialog words it ("Unnamed persona").
      conflicts.push({ kind: 'persona', id: persona.id, title: persona.name, ...(stored !== undefined ? { storedTitle: stored } : {}) });
    }
  }
  // A photo only an unchanged persona uses is written only if it went missing here.
  const needed = new Set(personas.map((p) => p.avatarImageId));
  const images: ExportImage[] = [];
  for (const image of docs.images) {
    if (needed.has(image.id) || !(await storage.getImage(image.id))) images.push(image);
  }
  return { maps: docs.maps, personas, images, conflicts, unchanged };
}

/**
 * Writes an import in one transaction (images, personas, maps: all or nothing). Conflicting
 * maps and personas are replaced (a map is snapshotted first; a replaced persona's photo
 * that nothing uses any more is deleted) or kept both, as copies with fresh ids. Returns the
 * stored map ids.
 */
export async function applyImport(plan: ImportPlan, choice: ConflictChoice): Promise<string[]> {
  const docs = resolveConflicts(plan, plan.conflicts, choice);
  const images = docs.images.map((image) => ({ id: image.id, blob: exportImageToBlob(image) }));
  await storage.importBatch({ maps: docs.maps, personas: docs.personas, images });
  return docs.maps.map((m) => m.id);
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
