// @vitest-environment node
// Node's Blob, because jsdom's Blob cannot be structured-cloned into (fake) IndexedDB:
// under jsdom a stored Blob comes back empty. Browsers store Blobs natively.
import { describe, expect, it } from 'vitest';
import { freshRepo, makePersona } from './helpers';

describe('photos of personas', () => {
  it('delete removes the persona and its photo; undo brings both back exactly', async () => {
    const repo = freshRepo();
    const imageId = await repo.putImage(new Blob(['png bytes'], { type: 'image/png' }));
    const p = makePersona({ avatarImageId: imageId });
    await repo.savePersona(p);
    const token = await repo.deletePersona(p.id);
    expect(token.name).toBe(p.name);
    expect(await repo.loadPersona(p.id)).toEqual({ kind: 'missing' });
    expect(await repo.getImage(imageId)).toBeUndefined();

    await repo.undoDeletePersona(token);
    expect(await repo.loadPersona(p.id)).toEqual({ kind: 'ok', doc: p });
    const blob = await repo.getImage(imageId);
    expect(blob?.type).toBe('image/png');
    expect(blob?.size).toBe(9);
  });

  it('keeps a photo another persona still uses', async () => {
    const repo = freshRepo();
    const imageId = await repo.putImage(new Blob(['x'], { type: 'image/png' }));
    await repo.savePersona(makePersona({ id: 'p1', avatarImageId: imageId }));
    await repo.savePersona(makePersona({ id: 'p2', avatarImageId: imageId }));
    await repo.deletePersona('p1');
    expect(await repo.getImage(imageId)).toBeDefined();
  });

});

describe('images', () => {
  it('put, get and delete a Blob', async () => {
    const repo = freshRepo();
    const id = await repo.putImage(new Blob([new Uint8Array([1, 2, 3])], { type: 'image/webp' }));
    const blob = await repo.getImage(id);
    expect(blob?.size).toBe(3);
    expect(blob?.type).toBe('image/webp');
    expect(new Uint8Array(await blob!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
    await repo.deleteImage(id);
    expect(await repo.getImage(id)).toBeUndefined();
  });
});

