/**
 * What the persona pages ask of storage, in their words. The pages talk to this
 * interface only (through a React context), so tests can hand them an in-memory
 * version and the storage binding lives in one file (storageRepo.ts).
 */
import { createContext, useContext } from 'react';
import type { Message } from '../i18n/message';
import type { Persona } from '../model/schema';

/** Just enough of a map for the persona pages: its title and who is in it. */
export interface MapRef {
  id: string;
  title: string;
  personaIds: readonly string[];
  /** Saved by a newer Journeyboard: never written back, so it cannot be linked or unlinked. */
  readOnly?: boolean;
}

export interface PersonaLibrary {
  personas: Persona[];
  maps: MapRef[];
}

export type LoadedPersona =
  | { kind: 'ok'; doc: Persona }
  | { kind: 'newer'; version: number; doc?: Persona }
  | { kind: 'invalid'; errors: { path: string; message: Message }[] }
  | { kind: 'missing' };

export interface DeletedPersona {
  persona: { id: string; name: string };
  /** The maps it was unlinked from; undo links it back to each. */
  mapIds: string[];
  /** Whatever storage needs to bring the persona (and its photo) back. */
  token: unknown;
}

export type SaveState = 'saved' | 'saving' | 'error';

export interface PersonaRepo {
  /** Calls back now and on every change (other tabs included); returns the unsubscribe. */
  watch(onLibrary: (library: PersonaLibrary) => void, onError: (err: unknown) => void): () => void;
  load(id: string): Promise<LoadedPersona>;
  save(persona: Persona): Promise<void>;
  /** At page hide: starts a write that commits even if the page unloads next (the normal save follows). */
  saveNow?(persona: Persona): void;
  /** Removes the persona and unlinks it from every map that uses it. */
  remove(id: string): Promise<DeletedPersona>;
  undoRemove(deleted: DeletedPersona): Promise<void>;
  /** Links or unlinks one persona on one map (one write of the map). */
  setLinked(personaId: string, mapId: string, linked: boolean): Promise<void>;
  putImage(blob: Blob): Promise<string>;
  getImage(id: string): Promise<Blob | undefined>;
  deleteImage(id: string): Promise<void>;
  /** The persona as a `.persona.json` file (the shared export envelope), when export is available. */
  exportPersona?(persona: Persona): Promise<{ filename: string; text: string; mimeType: string }>;
}

export const PersonaRepoContext = createContext<PersonaRepo | null>(null);

/** The shell provides the storage-backed repo once, around the app: <PersonaRepoContext.Provider value={storagePersonaRepo}>. */
export function usePersonaRepo(): PersonaRepo {
  const repo = useContext(PersonaRepoContext);
  if (!repo) throw new Error('No persona storage: wrap the app in <PersonaRepoContext.Provider value={storagePersonaRepo}>.');
  return repo;
}
