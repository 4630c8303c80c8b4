/**
 * What the library page and the map page ask of storage, in their words. One place
 * binds the app to src/storage, so the pages stay free of Dexie and of the restore chain.
 */
import { DEFAULT_LOCALE, isLocale } from '../i18n/locales';
import type { RestoreError } from '../model/restore';
import type { JourneyMap } from '../model/schema';
import * as storage from '../storage';

export interface LibraryEntry {
  id: string;
  title: string;
  personaNames: string[];
  stageCount: number;
  cardCount: number;
  updatedAt: string;
  readOnly: boolean;
}

export type OpenedMap =
  | { kind: 'ok'; doc: JourneyMap; personaNames: string[] }
  | { kind: 'newer'; version: number; doc?: JourneyMap; personaNames: string[] }
  | { kind: 'invalid'; errors: RestoreError[] }
  | { kind: 'missing' };

export type DeletedMap = { map: { id: string; title: string }; token: storage.DeletedMapToken };

/** Templates and sample maps (long texts in four scripts) load when a map is created, not at start. */
async function builders() {
  const [{ TEMPLATES }, { SAMPLES }] = await Promise.all([import('../model/templates'), import('../model/samples')]);
  return new Map([...TEMPLATES, ...SAMPLES].map((t) => [t.id, t]));
}

async function personaNames(ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const personas = await storage.listPersonas();
  const byId = new Map(personas.map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id)).filter((n): n is string => n !== undefined);
}

let pruned = false;

export const library = {
  /** Calls back now and whenever a map or a persona changes (persona names are shown on the maps). */
  watch(onEntries: (entries: LibraryEntry[]) => void, onError: (err: unknown) => void): () => void {
    return storage.watchLibrary(({ maps: summaries, personas }) => {
      const names = new Map(personas.filter((p) => !p.invalid).map((p) => [p.id, p.name]));
      onEntries(
        summaries.map((s) => ({
          id: s.id,
          title: s.title,
          personaNames: s.personaIds.map((id) => names.get(id)).filter((n): n is string => n !== undefined),
          stageCount: s.stageCount,
          cardCount: s.cardCount,
          updatedAt: s.updatedAt,
          readOnly: s.readOnly,
        })),
      );
    }, onError);
  },

  /**
   * A new map from a template, written in `locale` (the interface language: a language we do not
   * speak gets English). A sample map keeps its own language.
   */
  async createFromTemplate(templateId: string, locale: string = DEFAULT_LOCALE): Promise<string> {
    const template = (await builders()).get(templateId);
    if (!template) throw new Error(`There is no template "${templateId}".`);
    const map = template.build(isLocale(locale) ? locale : DEFAULT_LOCALE);
    await storage.saveMap(map);
    return map.id;
  },

  async rename(id: string, title: string): Promise<void> {
    await storage.whileMapFree(id, async () => {
      const loaded = await storage.loadMap(id);
      if (loaded.kind !== 'ok') return;
      await storage.saveMap({ ...loaded.doc, title, updatedAt: new Date().toISOString() });
    });
  },

  async duplicate(id: string): Promise<string> {
    const loaded = await storage.loadMap(id);
    const title = loaded.kind === 'ok' || (loaded.kind === 'newer' && loaded.doc) ? loaded.doc!.title : 'map';
    return storage.duplicateMap(id, `Copy of ${title}`);
  },

  /**
   * Deletes under the map's edit lock, or refuses (MapBusyError) while another tab edits
   * the map: that tab's autosave would write its copy back and the map would reappear.
   */
  async remove(id: string): Promise<DeletedMap> {
    try {
      const token = await storage.whileMapFree(id, () => storage.deleteMap(id));
      return { map: { id, title: token.title }, token };
    } catch (err) {
      if (err instanceof storage.MapBusyError) {
        throw new storage.MapBusyError(id, /*i18n*/ { id: 'storage.mapBusy.notDeleted' });
      }
      throw err;
    }
  },

  /** Brings back every map of the list, in one transaction. */
  async undoRemove(deleted: readonly DeletedMap[]): Promise<void> {
    await storage.undoDeleteMaps(deleted.map((d) => d.token));
  },

  /** Once per session: forget the snapshots of maps deleted more than a month ago. Never fails loudly. */
  pruneOldDeletions(): void {
    if (pruned) return;
    pruned = true;
    storage.pruneDeletedSnapshots().catch(() => {
      pruned = false;
    });
  },

  async open(id: string): Promise<OpenedMap> {
    const result = await storage.loadMap(id);
    switch (result.kind) {
      case 'ok':
        return { kind: 'ok', doc: result.doc, personaNames: await personaNames(result.doc.personaIds) };
      case 'newer':
        return { kind: 'newer', version: result.version, doc: result.doc, personaNames: await personaNames(result.doc?.personaIds ?? []) };
      case 'invalid':
        return { kind: 'invalid', errors: result.errors };
      default:
        return { kind: 'missing' };
    }
  },
};
