// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createPersona } from '../../src/model/factory';
import {
  addListItem,
  avatarColor,
  initials,
  moveListItem,
  removeListItem,
  togglePreferredChannel,
  touchPersona,
  updateListItem,
  updatePersona,
} from '../../src/model/personaOps';
import { PersonaSchema } from '../../src/model/schema';
import { deepFreeze, T0 } from './helpers';

const kevin = () =>
  deepFreeze(createPersona({ name: 'Kevin Smith', age: 28, goals: ['Become a manager', 'Win the league'] }, T0));

describe('createPersona', () => {
  it('fills every field with its default', () => {
    const p = createPersona({ name: 'Kevin Smith' }, T0);
    expect(PersonaSchema.parse(p)).toEqual(p);
    expect(p).toMatchObject({ name: 'Kevin Smith', age: null, goals: [], createdAt: T0, updatedAt: T0, avatarImageId: null });
    expect(createPersona({ name: 'x' }).id).not.toBe(p.id);
  });
});

describe('updatePersona', () => {
  it('patches fields; the same persona when nothing changes or the value is invalid', () => {
    const p = kevin();
    const u = updatePersona(p, { occupation: 'Team lead', preferredChannels: ['line'] });
    expect(u).toMatchObject({ occupation: 'Team lead', preferredChannels: ['line'], name: 'Kevin Smith' });
    expect(updatePersona(p, { age: 28 })).toBe(p);
    expect(updatePersona(p, { goals: ['Become a manager', 'Win the league'] })).toBe(p);
    expect(updatePersona(p, { age: -3 })).toBe(p);
    expect(updatePersona(p, { techComfort: 9 })).toBe(p);
  });

  it('cannot change identity or timestamps', () => {
    const p = kevin();
    const sneaky = { id: 'other', createdAt: '2000-01-01T00:00:00.000Z', name: 'K' } as Parameters<typeof updatePersona>[1];
    expect(updatePersona(p, sneaky)).toMatchObject({ id: p.id, createdAt: T0, name: 'K' });
    expect(touchPersona(p, '2025-01-01T00:00:00.000Z').updatedAt).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('list fields', () => {
  it('adds, edits, removes and moves items', () => {
    const p = kevin();
    expect(addListItem(p, 'goals').goals).toEqual(['Become a manager', 'Win the league', '']);
    expect(addListItem(p, 'needs', 'Quick answers').needs).toEqual(['Quick answers']);
    expect(addListItem(p, 'goals', 'First', 0).goals[0]).toBe('First');
    expect(updateListItem(p, 'goals', 1, 'Win the cup').goals).toEqual(['Become a manager', 'Win the cup']);
    expect(removeListItem(p, 'goals', 0).goals).toEqual(['Win the league']);
    expect(moveListItem(p, 'goals', 0, 1).goals).toEqual(['Win the league', 'Become a manager']);
  });

  it('ignores indexes out of range', () => {
    const p = kevin();
    expect(updateListItem(p, 'goals', 5, 'x')).toBe(p);
    expect(updateListItem(p, 'goals', 0, 'Become a manager')).toBe(p);
    expect(removeListItem(p, 'goals', -1)).toBe(p);
    expect(moveListItem(p, 'goals', 0, 2)).toBe(p);
    expect(moveListItem(p, 'goals', 1, 1)).toBe(p);
    expect(addListItem(p, 'goals', 'x'.repeat(2001))).toBe(p);
  });

  it('toggles a preferred channel', () => {
    const p = kevin();
    const on = togglePreferredChannel(p, 'zalo');
    expect(on.preferredChannels).toEqual(['zalo']);
    expect(togglePreferredChannel(on, 'zalo').preferredChannels).toEqual([]);
  });
});

describe('initials', () => {
  it.each([
    ['Kevin Smith', 'KS'],
    ['kevin', 'K'],
    ['  Anna   Maria  Lopez ', 'AM'],
    ['Nguyễn Văn An', 'NV'],
    ['đặng thị ánh', 'ĐT'],
    ['ánh', 'Á'],
    ['สมชาย ใจดี', 'สจ'],
    ['ไพโรจน์ เกตุแก้ว', 'พก'],
    // A Thai initial keeps its vowel and tone marks: they belong to the consonant's grapheme.
    ['ชี้ แจง', 'ชี้จ'],
    ['"Bob" Jones', 'BJ'],
    ['', '?'],
    ['   ', '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });

  it('keeps Persian initials from joining into one word', () => {
    expect(initials('کوین اسمیت')).toBe('ک\u200Cا');
    expect(initials('علی')).toBe('ع');
  });

  it('reads decomposed Vietnamese the same as composed', () => {
    expect(initials('Ánh Đặng'.normalize('NFD'))).toBe('ÁĐ');
  });
});

describe('avatarColor', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };

  it('is deterministic, varied, and dark enough for white initials', () => {
    expect(avatarColor('kevin')).toBe(avatarColor('kevin'));
    const colors = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'สมชาย', 'کوین'].map(avatarColor));
    expect(colors.size).toBeGreaterThan(3);
    for (const c of colors) {
      expect(c).toMatch(/^#[0-9a-f]{6}$/);
      expect(1.05 / (luminance(c) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
