/**
 * The persona pages' one binding to src/storage (Dexie stays there). Links live on the
 * maps (`personaIds`), so linking is a load-modify-save of one map through the pure
 * operations linkPersona / unlinkPersona.
 */
import { MessageError } from '../i18n/message';
import { linkPersona, touch, unlinkPersona } from '../model/operations';
import type { Persona } from '../model/schema';
import * as storage from '../storage';
import type { DeletedPersona, LoadedPersona, MapRef, PersonaLibrary, PersonaRepo } from './repo';

/** Links or unlinks one persona on one map (unlinking turns the persona's arrows into everyone's). */
async function setLinked(personaId: string, mapId: string, linked: boolean): Promise<void> {
  // Under the map's lock: an editor open on the map in another tab would write its copy back over the link.
  await storage.whileMapFree(mapId, async () => {
    const loaded = await storage.loadMap(mapId);
    if (loaded.kind !== 'ok') {
      throw new MessageError(
        /*i18n*/ { id: 'personas.error.mapUnavailable' },
        'This map cannot be changed here (it is missing, damaged or from a newer version).',
      );
    }
    const next = linked ? linkPersona(loaded.doc, personaId) : unlinkPersona(loaded.doc, personaId);
    if (next !== loaded.doc) await storage.saveMap(touch(next));
  });
}

export const storagePersonaRepo: PersonaRepo = {
  watch(onLibrary, onError) {
    let personas: Persona[] | null = null;
    let maps: MapRef[] | null = null;
    const emit = () => {
      if (personas && maps) onLibrary({ personas, maps } satisfies PersonaLibrary);
    };
    const stopPersonas = storage.watchPersonas((list) => {
      personas = list;
      emit();
    }, onError);
    const stopMaps = storage.watchMapSummaries((summaries) => {
      maps = summaries.map((s) => ({ id: s.id, title: s.title, personaIds: s.personaIds, readOnly: s.readOnly }));
      emit();
    }, onError);
    return () => {
      stopPersonas();
      stopMaps();
    };
  },

  async load(id): Promise<LoadedPersona> {
    return storage.loadPersona(id);
  },

  save: (persona) => storage.savePersona(persona),
  saveNow: (persona) => void storage.writeBatchNow({ maps: [], personas: [persona] })?.catch(() => undefined),

  // One transaction each in src/storage, under the maps' edit locks: never half unlinked,
  // never restored without its links.
  async remove(id): Promise<DeletedPersona> {
    const token = await storage.deletePersona(id);
    return { persona: { id, name: token.name }, mapIds: token.mapIds, token };
  },

  async undoRemove(deleted) {
    await storage.undoDeletePersona(deleted.token as storage.DeletedPersonaToken);
  },

  setLinked,
  putImage: (blob) => storage.putImage(blob),
  getImage: (id) => storage.getImage(id),
  deleteImage: (id) => storage.deleteImage(id),

  async exportPersona(persona) {
    const [{ exportPersonaFile }, { blobToExportImage }] = await Promise.all([
      import('../export/envelope'),
      import('../export/images'),
    ]);
    const blob = persona.avatarImageId ? await storage.getImage(persona.avatarImageId) : undefined;
    const images = blob && persona.avatarImageId ? [await blobToExportImage(persona.avatarImageId, blob)] : [];
    return exportPersonaFile(persona, images);
  },
};
