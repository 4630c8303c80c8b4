// @vitest-environment node
// Node's Blob: jsdom's cannot be structured-cloned into (fake) IndexedDB (see tests/storage/images.test.ts).
import { beforeEach, describe, expect, it } from 'vitest';
import type { ExportImage } from '../../src/export/images';
import { applyImport, planImport } from '../../src/export/source';
import type { Persona } from '../../src/model/schema';
import * as storage from '../../src/storage';
import { makeMap, makePersona } from '../storage/helpers';

// Importing personas whose ids are already here: the same content changes nothing and asks
// nothing; other content asks "replace or keep both", like maps; replacing cleans up the old photo.

const PNG_A = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const image = (id: string): ExportImage => ({ id, type: 'image/png', dataUrl: PNG_A });
const png = () => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], { type: 'image/png' });

let stored: Persona;

beforeEach(async () => {
  storage.bindDatabase(`source-${Math.random().toString(36).slice(2)}`);
  stored = makePersona({ id: 'p', name: 'สมหญิง ใจดี', quote: 'Stored, newer words', avatarImageId: 'photo-old' });
  await storage.saveImage('photo-old', png());
  await storage.savePersona(stored);
});

async function personaNamed(id: string): Promise<Persona | undefined> {
  const loaded = await storage.loadPersona(id);
  return loaded.kind === 'ok' ? loaded.doc : undefined;
}

describe('planImport and applyImport for personas', () => {
  it('the same persona (only updatedAt differs): no question, nothing written', async () => {
    const plan = await planImport({ maps: [], personas: [{ ...stored, updatedAt: '2020-01-01T00:00:00.000Z' }], images: [] });
    expect(plan.conflicts).toEqual([]);
    expect(plan.personas).toEqual([]);
    expect(plan.unchanged).toEqual([{ id: 'p', name: stored.name }]);
    await applyImport(plan, 'replace');
    expect(await personaNamed('p')).toEqual(stored);
  });

  it('other content is a conflict; replace stores the file’s version and deletes the photo nothing uses any more', async () => {
    const older = { ...stored, quote: 'Older words from the file', avatarImageId: 'photo-file' };
    const plan = await planImport({ maps: [], personas: [older], images: [image('photo-file')] });
    expect(plan.conflicts).toEqual([{ kind: 'persona', id: 'p', title: stored.name, storedTitle: stored.name }]);
    await applyImport(plan, 'replace');
    expect(await personaNamed('p')).toEqual(older);
    expect(await storage.getImage('photo-file')).toBeInstanceOf(Blob);
    expect(await storage.getImage('photo-old')).toBeUndefined();
  });

  it('replace keeps the old photo when another persona still uses it', async () => {
    await storage.savePersona(makePersona({ id: 'twin', name: 'Twin', avatarImageId: 'photo-old' }));
    const plan = await planImport({ maps: [], personas: [{ ...stored, quote: 'x', avatarImageId: null }], images: [] });
    await applyImport(plan, 'replace');
    expect(await storage.getImage('photo-old')).toBeInstanceOf(Blob);
  });

  it('keep both: the stored persona and its photo stay; the copy has fresh ids and the file’s map names it', async () => {
    const older = { ...stored, quote: 'Older words from the file', avatarImageId: 'photo-old' };
    const map = makeMap({ id: 'm', personaIds: ['p'] });
    const plan = await planImport({ maps: [map], personas: [older], images: [image('photo-old')] });
    expect(plan.conflicts).toEqual([{ kind: 'persona', id: 'p', title: stored.name, storedTitle: stored.name }]);
    await applyImport(plan, 'keep-both');

    expect(await personaNamed('p')).toEqual(stored);
    const oldBytes = new Uint8Array(await (await storage.getImage('photo-old'))!.arrayBuffer());
    expect(oldBytes).toEqual(new Uint8Array(await png().arrayBuffer()));
    const all = await storage.listPersonas();
    const copy = all.find((p) => p.id !== 'p')!;
    expect(copy).toMatchObject({ name: stored.name, quote: 'Older words from the file' });
    expect(copy.avatarImageId).not.toBe('photo-old');
    expect(await storage.getImage(copy.avatarImageId!)).toBeInstanceOf(Blob);
    const loadedMap = await storage.loadMap('m');
    expect(loadedMap.kind === 'ok' && loadedMap.doc.personaIds).toEqual([copy.id]);
  });
});
