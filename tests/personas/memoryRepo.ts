import type { Persona } from '../../src/model/schema';
import type { DeletedPersona, LoadedPersona, MapRef, PersonaLibrary, PersonaRepo } from '../../src/personas/repo';

/** A PersonaRepo in memory, with the same promises as the storage one, for component tests. */
export class MemoryRepo implements PersonaRepo {
  personas = new Map<string, Persona>();
  maps = new Map<string, MapRef>();
  images = new Map<string, Blob>();
  saves: Persona[] = [];
  failSaves = false;
  private listeners = new Set<(lib: PersonaLibrary) => void>();
  private nextImage = 1;

  constructor(personas: Persona[] = [], maps: MapRef[] = []) {
    for (const p of personas) this.personas.set(p.id, p);
    for (const m of maps) this.maps.set(m.id, { ...m, personaIds: [...m.personaIds] });
  }

  private snapshot(): PersonaLibrary {
    return { personas: [...this.personas.values()], maps: [...this.maps.values()].map((m) => ({ ...m })) };
  }

  private emit() {
    const lib = this.snapshot();
    for (const l of this.listeners) l(lib);
  }

  watch(onLibrary: (lib: PersonaLibrary) => void): () => void {
    this.listeners.add(onLibrary);
    queueMicrotask(() => this.listeners.has(onLibrary) && onLibrary(this.snapshot()));
    return () => this.listeners.delete(onLibrary);
  }

  async load(id: string): Promise<LoadedPersona> {
    const doc = this.personas.get(id);
    return doc ? { kind: 'ok', doc } : { kind: 'missing' };
  }

  async save(persona: Persona): Promise<void> {
    if (this.failSaves) throw new Error('The disk is full.');
    this.saves.push(persona);
    this.personas.set(persona.id, persona);
    this.emit();
  }

  async remove(id: string): Promise<DeletedPersona> {
    const persona = this.personas.get(id);
    if (!persona) throw new Error('no such persona');
    this.personas.delete(id);
    const mapIds: string[] = [];
    for (const m of this.maps.values()) {
      if (m.personaIds.includes(id)) {
        mapIds.push(m.id);
        m.personaIds = m.personaIds.filter((p) => p !== id);
      }
    }
    this.emit();
    return { persona: { id, name: persona.name }, mapIds, token: persona };
  }

  async undoRemove(deleted: DeletedPersona): Promise<void> {
    const persona = deleted.token as Persona;
    this.personas.set(persona.id, persona);
    for (const mapId of deleted.mapIds) {
      const m = this.maps.get(mapId);
      if (m && !m.personaIds.includes(persona.id)) m.personaIds = [...m.personaIds, persona.id];
    }
    this.emit();
  }

  async setLinked(personaId: string, mapId: string, linked: boolean): Promise<void> {
    const m = this.maps.get(mapId);
    if (!m) throw new Error('no such map');
    const has = m.personaIds.includes(personaId);
    if (linked && !has) m.personaIds = [...m.personaIds, personaId];
    if (!linked && has) m.personaIds = m.personaIds.filter((p) => p !== personaId);
    this.emit();
  }

  async putImage(blob: Blob): Promise<string> {
    const id = `img-${this.nextImage++}`;
    this.images.set(id, blob);
    return id;
  }

  async getImage(id: string): Promise<Blob | undefined> {
    return this.images.get(id);
  }

  async deleteImage(id: string): Promise<void> {
    this.images.delete(id);
  }
}
