import { describe, expect, it } from 'vitest';
import { conflictQuestion as askedFor, resolveConflicts, samePersonaContent, type ImportConflict } from '../../src/export/conflicts';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import type { ExportImage } from '../../src/export/images';
import { mapViolations } from '../../src/model/invariants';
import { makeMap, makePersona } from '../storage/helpers';

const image = (id: string): ExportImage => ({ id, type: 'image/png', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' });

function counter() {
  let n = 0;
  return () => `fresh-${++n}`;
}

describe('samePersonaContent', () => {
  it('compares every field but when it was saved, whatever the key order', () => {
    const p = makePersona();
    const reordered = Object.fromEntries(Object.entries(p).reverse()) as typeof p;
    expect(samePersonaContent(p, { ...reordered, updatedAt: '2031-01-01T00:00:00.000Z' })).toBe(true);
    expect(samePersonaContent(p, { ...p, quote: 'อยากให้จำได้ว่าฉันเป็นลูกค้าเก่า' })).toBe(false);
    expect(samePersonaContent(p, { ...p, goals: [...p.goals].reverse() })).toBe(false);
    expect(samePersonaContent(p, { ...p, avatarImageId: 'another-photo' })).toBe(false);
  });
});

describe('conflictQuestion', () => {
  const map: ImportConflict = { kind: 'map', id: 'm', title: 'M' };
  const persona: ImportConflict = { kind: 'persona', id: 'p', title: 'P' };
  // As the dialog says it in English.
  const conflictQuestion = (conflicts: ImportConflict[]) => {
    const { label, question } = askedFor(conflicts);
    return { label: say(i18n, label), question: say(i18n, question) };
  };
  it('names what is already there, and asks one question for maps and personas alike', () => {
    expect(conflictQuestion([map])).toEqual({
      label: 'This map is already in your library',
      question: 'Replace it, or keep both (the imported map becomes a copy)?',
    });
    expect(conflictQuestion([persona])).toEqual({
      label: 'This persona is already in your library',
      question: 'Replace it, or keep both (the imported persona becomes a copy)?',
    });
    expect(conflictQuestion([map, { ...map, id: 'm2' }]).label).toBe('These maps are already in your library');
    expect(conflictQuestion([persona, map])).toEqual({
      label: 'These are already in your library',
      question: 'Replace them, or keep both (the imported ones become copies)?',
    });
  });
});

describe('resolveConflicts', () => {
  const persona = makePersona({ id: 'p', avatarImageId: 'img' });
  const other = makePersona({ id: 'q', name: 'Kevin Smith', avatarImageId: null });
  const map = makeMap({ id: 'm', personaIds: ['p', 'q'] });
  const docs = { maps: [map], personas: [persona, other], images: [image('img')] };
  const conflicts: ImportConflict[] = [
    { kind: 'persona', id: 'p', title: persona.name },
    { kind: 'map', id: 'm', title: map.title },
  ];

  it('replace stores the file as it is', () => {
    expect(resolveConflicts(docs, conflicts, 'replace')).toBe(docs);
  });

  it('keep both: copies with fresh ids, a fresh photo id, and the file’s map names the copy', () => {
    const out = resolveConflicts(docs, conflicts, 'keep-both', counter());
    const [copy, untouched] = out.personas;
    expect(copy).toEqual({ ...persona, id: 'fresh-1', avatarImageId: 'fresh-2' });
    expect(untouched).toBe(other);
    // The photo goes in under the copy's id only: the stored persona keeps its own 'img'.
    expect(out.images).toEqual([{ ...image('img'), id: 'fresh-2' }]);
    const [m] = out.maps;
    expect(m!.id).not.toBe('m');
    expect(m!.personaIds).toEqual(['fresh-1', 'q']);
    expect(mapViolations(m!)).toEqual([]);
  });

  it('keep both: a photo that a persona stored as is also uses is written under both ids', () => {
    const shared = { ...other, avatarImageId: 'img' };
    const out = resolveConflicts({ ...docs, personas: [persona, shared] }, conflicts.slice(0, 1), 'keep-both', counter());
    expect(out.images.map((i) => i.id)).toEqual(['img', 'fresh-2']);
    // No map conflict: the map keeps its ids, and names the persona copy.
    expect(out.maps[0]).toEqual({ ...map, personaIds: ['fresh-1', 'q'] });
  });
});
