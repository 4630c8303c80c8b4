// @vitest-environment node
/** Personas travel with a shared map: copies in its Y.Doc, taken into a library only when new or newer. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPersona } from '../../src/model/factory';
import { personasToTake, readPersonas, writePersonas } from '../../src/sync/yPersonas';

const lan = { ...createPersona({ name: 'Nguyễn Thị Lan', quote: 'Tôi muốn được giải quyết ngay trong cuộc gọi đầu tiên' }, '2025-01-01T00:00:00.000Z'), avatarImageId: 'img-1' };

describe('persona copies in a shared map', () => {
  it('read back on another device as written; a bad one is skipped', () => {
    const a = new Y.Doc();
    writePersonas(a, [lan], 'test');
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readPersonas(b)).toEqual([lan]);
    b.getMap('personas').set('bad', new Y.Map());
    expect(readPersonas(b)).toEqual([lan]);
  });

  it('write only what changed', () => {
    const ydoc = new Y.Doc();
    writePersonas(ydoc, [lan], 'test');
    const updates: Uint8Array[] = [];
    ydoc.on('update', (u: Uint8Array) => updates.push(u));
    writePersonas(ydoc, [lan], 'test');
    expect(updates).toHaveLength(0);
    writePersonas(ydoc, [{ ...lan, occupation: 'Nhân viên văn phòng' }], 'test');
    expect(updates).toHaveLength(1);
  });

  it('are taken when missing here or newer than here, and a photo this device lacks is left out', () => {
    const older = { ...lan, updatedAt: '2024-12-01T00:00:00.000Z' };
    expect(personasToTake([lan], new Map(), () => false)).toEqual([{ ...lan, avatarImageId: null }]);
    expect(personasToTake([lan], new Map(), () => true)).toEqual([lan]);
    expect(personasToTake([lan], new Map([[lan.id, older]]), () => true)).toEqual([lan]);
    expect(personasToTake([older], new Map([[lan.id, lan]]), () => true)).toEqual([]);
  });
});
