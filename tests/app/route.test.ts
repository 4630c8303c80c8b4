import { describe, expect, it } from 'vitest';
import { mapHref, parseRoute } from '../../src/app/route';

describe('hash routes', () => {
  it('reads every page of the app from its address', () => {
    expect(parseRoute('')).toEqual({ page: 'library' });
    expect(parseRoute('#/')).toEqual({ page: 'library' });
    expect(parseRoute('#/maps/abc')).toEqual({ page: 'map', mapId: 'abc', view: 'edit' });
    expect(parseRoute('#/maps/abc/print')).toEqual({ page: 'map', mapId: 'abc', view: 'print' });
    expect(parseRoute('#/maps/abc/present')).toEqual({ page: 'map', mapId: 'abc', view: 'present' });
    expect(parseRoute('#/maps/abc/present?view=presenter')).toEqual({ page: 'map', mapId: 'abc', view: 'present' });
    expect(parseRoute('#/personas')).toEqual({ page: 'personas' });
    expect(parseRoute('#/personas/p1')).toEqual({ page: 'persona', personaId: 'p1' });
    expect(parseRoute('#/maps/abc/edit-everything')).toEqual({ page: 'not-found', path: '/maps/abc/edit-everything' });
  });

  it('round-trips ids with characters that need escaping, in Thai too', () => {
    for (const id of ['แผนที่ 1', 'a/b', '50%', 'نقشه']) {
      for (const view of ['edit', 'print', 'present'] as const) {
        expect(parseRoute(mapHref(id, view))).toEqual({ page: 'map', mapId: id, view });
      }
    }
  });

  it('an address with broken escapes is "not found", not a crash', () => {
    expect(parseRoute('#/maps/%E0%A4%A')).toEqual({ page: 'not-found', path: '/maps/%E0%A4%A' });
  });
});
