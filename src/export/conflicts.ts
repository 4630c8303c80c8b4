/**
 * What an import does with documents whose ids are already in the library: one question for
 * maps and personas alike ("replace, or keep both"), and the pure step that turns the answer
 * into the documents to store. Storage reads and writes stay in source.ts.
 *
 * - A map whose id exists is a conflict.
 * - A persona whose id exists is a conflict when its content differs; the same content
 *   (updatedAt aside) is no question at all, and nothing of it is written.
 * - Keep both: the imported one becomes a copy with fresh ids. A copied persona's photo gets
 *   a fresh id too (the stored persona keeps its own), and the file's maps that name the
 *   persona name the copy, the version they came with.
 */
import type { Message } from '../i18n/message';
import { newId } from '../model/ids';
import type { JourneyMap, Persona } from '../model/schema';
import { withFreshIds } from '../model/freshIds';
import type { ExportImage } from './images';

export type ConflictChoice = 'replace' | 'keep-both';

export interface ImportConflict {
  kind: 'map' | 'persona';
  id: string;
  /** The map's title or the persona's name, as the file has it ('' for a persona without one). */
  title: string;
  /** The same, as the library has it now (what "Replace" replaces), when it can be read. */
  storedTitle?: string;
}

export interface ImportDocs {
  maps: JourneyMap[];
  personas: Persona[];
  images: ExportImage[];
}

/** JSON with keys in a fixed order, so two documents compare by content, not by key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** The same persona, field for field; when it was last saved does not count. */
export function samePersonaContent(a: Persona, b: Persona): boolean {
  const { updatedAt: _a, ...restA } = a;
  const { updatedAt: _b, ...restB } = b;
  return canonical(restA) === canonical(restB);
}

/** The question to ask: a name for the dialog and the sentence in it, as messages (src/i18n/message.ts). */
export function conflictQuestion(conflicts: readonly ImportConflict[]): { label: Message; question: Message } {
  const kinds = new Set(conflicts.map((c) => c.kind));
  const one = conflicts.length === 1;
  const label: Message =
    kinds.size > 1
      ? /*i18n*/ { id: 'import.conflict.label.mixed' }
      : kinds.has('persona')
        ? one
          ? /*i18n*/ { id: 'import.conflict.label.persona' }
          : /*i18n*/ { id: 'import.conflict.label.personas' }
        : one
          ? /*i18n*/ { id: 'import.conflict.label.map' }
          : /*i18n*/ { id: 'import.conflict.label.maps' };
  const question: Message = !one
    ? /*i18n*/ { id: 'import.conflict.question.many' }
    : conflicts[0]!.kind === 'persona'
      ? /*i18n*/ { id: 'import.conflict.question.persona' }
      : /*i18n*/ { id: 'import.conflict.question.map' };
  return { label, question };
}

/**
 * The documents to store for the user's answer. Replace: as in the file. Keep both: each
 * conflicting map and persona becomes a copy with fresh ids, references remapped.
 */
export function resolveConflicts(
  docs: ImportDocs,
  conflicts: readonly ImportConflict[],
  choice: ConflictChoice,
  makeId: () => string = newId,
): ImportDocs {
  if (choice === 'replace' || conflicts.length === 0) return docs;
  const mapConflicts = new Set(conflicts.filter((c) => c.kind === 'map').map((c) => c.id));
  const personaConflicts = new Set(conflicts.filter((c) => c.kind === 'persona').map((c) => c.id));

  const personaIds = new Map<string, string>();
  const imageIds = new Map<string, string>();
  const personas = docs.personas.map((p) => {
    if (!personaConflicts.has(p.id)) return p;
    const id = makeId();
    personaIds.set(p.id, id);
    if (!p.avatarImageId) return { ...p, id };
    const avatarImageId = makeId();
    imageIds.set(p.avatarImageId, avatarImageId);
    return { ...p, id, avatarImageId };
  });

  // The file's photo goes in under its own id only if a persona stored as is still uses it.
  const usedAsIs = new Set(personas.map((p) => p.avatarImageId));
  const images = docs.images.flatMap((image) => {
    const copy = imageIds.get(image.id);
    if (copy === undefined) return [image];
    return usedAsIs.has(image.id) ? [image, { ...image, id: copy }] : [{ ...image, id: copy }];
  });

  const maps = docs.maps.map((map) => {
    const linked = map.personaIds.some((id) => personaIds.has(id))
      ? { ...map, personaIds: map.personaIds.map((id) => personaIds.get(id) ?? id) }
      : map;
    return mapConflicts.has(map.id) ? withFreshIds(linked, makeId) : linked;
  });
  return { maps, personas, images };
}
