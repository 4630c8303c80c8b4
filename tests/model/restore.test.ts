import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { mapViolations } from '../../src/model/invariants';
import { MAX_RESTORE_ERRORS, formatRestoreErrors, restoreMap, restorePersona } from '../../src/model/restore';
import { JourneyMapSchema } from '../../src/model/schema';
import { fixture, fixtureText } from '../fixtures';
import { deepFreeze } from './helpers';

function ok<T>(r: { kind: string; doc?: T }): T {
  if (r.kind !== 'ok' || !r.doc) throw new Error(`expected ok, got ${JSON.stringify(r, null, 2)}`);
  return r.doc;
}

function rawErrorsOf(r: ReturnType<typeof restoreMap> | ReturnType<typeof restorePersona>) {
  if (r.kind !== 'invalid') throw new Error(`expected invalid, got ${r.kind}`);
  return r.errors;
}

/** The errors as the interface says them in English (tests/setup.ts activates the English catalogue). */
function errorsOf(r: ReturnType<typeof restoreMap> | ReturnType<typeof restorePersona>) {
  return rawErrorsOf(r).map((e) => ({ path: e.path, message: say(i18n, e.message) }));
}

describe('restore: saved fixtures', () => {
  it('a complete saved map of the current version comes back exactly', () => {
    const input = deepFreeze(fixture('v2/map.json'));
    const doc = ok(restoreMap(input));
    expect(doc).toEqual(input);
    expect(mapViolations(doc)).toEqual([]);
  });

  it('a complete saved map of version 1 comes back as version 2, in the language of its text', () => {
    const input = deepFreeze(fixture('v1/map.json'));
    const doc = ok(restoreMap(input));
    expect(doc).toEqual({ ...input, schemaVersion: 2, language: 'en' });
    expect(mapViolations(doc)).toEqual([]);
  });

  it('keeps whose path an arrow is, and JSON text round-trips it', () => {
    const doc = ok(restoreMap(fixtureText('v1/map.json')));
    expect(doc.connections[0]).toEqual({ id: 'cn-1', from: 'cd-3', to: 'cd-4', label: 'calls', personaId: 'fx-persona-1' });
    expect(doc.connections[1]).not.toHaveProperty('personaId');
    expect(ok(restoreMap(JSON.stringify(doc)))).toEqual(doc);
  });

  it('a complete saved persona comes back exactly, and one of version 1 as version 2 (unchanged otherwise)', () => {
    const input = deepFreeze(fixture('v2/persona.json'));
    expect(ok(restorePersona(input))).toEqual(input);
    const v1 = deepFreeze(fixture('v1/persona.json'));
    expect(ok(restorePersona(v1))).toEqual({ ...v1, schemaVersion: 2 });
  });

  it('reads JSON text as well as values', () => {
    expect(ok(restoreMap(fixtureText('v2/map.json')))).toEqual(fixture('v2/map.json'));
  });

  it('fills the defaults of a minimal map and persona', () => {
    const map = ok(restoreMap(fixture('v1/map-minimal.json')));
    expect(map).toMatchObject({ description: '', personaIds: [], direction: 'ltr', connections: [] });
    expect(map.channels.map((c) => c.id)).toContain('line');
    expect(map.stages[0]).toEqual({ id: 's1', name: 'One', description: '', notes: '' });
    expect(map.cards[0]).toEqual({ id: 'c1', kind: 'pain', stageId: 's1', laneId: 'l1', order: 0, text: '', severity: 'medium' });
    expect(map.cards[1]).toMatchObject({ kind: 'opportunity', owner: '', status: 'idea', priority: 'medium', impact: 'medium', effort: 'medium' });
    const persona = ok(restorePersona(fixture('v1/persona-minimal.json')));
    expect(persona).toMatchObject({ name: 'مریم احمدی', avatarImageId: null, age: null, goals: [], preferredChannels: [], techComfort: null });
  });

  it('restoring a restored document changes nothing', () => {
    const once = ok(restoreMap(fixture('v1/map-minimal.json')));
    expect(ok(restoreMap(once))).toEqual(once);
  });

  it('reads a document without schemaVersion as version 1', () => {
    const { schemaVersion: _v, ...rest } = fixture('v1/map.json');
    const doc = ok(restoreMap(rest));
    expect(doc).toEqual({ ...fixture('v1/map.json'), schemaVersion: 2, language: 'en' });
  });
});

describe('restore: newer versions', () => {
  it('a compatible newer map is "newer" with a read-only view and the raw document kept', () => {
    const raw = deepFreeze(fixture('v99/map.json'));
    const result = restoreMap(raw);
    if (result.kind !== 'newer') throw new Error(result.kind);
    expect(result.version).toBe(99);
    expect(result.raw).toBe(raw);
    expect(result.doc?.title).toBe(raw.title);
    expect(result.doc).not.toHaveProperty('hologram');
    expect(result.doc?.stages[0]).not.toHaveProperty('mood');
    expect(JourneyMapSchema.safeParse(result.doc).success).toBe(true);
  });

  it('an incompatible newer map is "newer" without a view', () => {
    const result = restoreMap(fixture('v99/map-incompatible.json'));
    expect(result).toMatchObject({ kind: 'newer', version: 99 });
    expect(result.kind === 'newer' && result.doc).toBeUndefined();
  });

  it('a newer persona too', () => {
    const result = restorePersona(fixture('v99/persona.json'));
    expect(result).toMatchObject({ kind: 'newer', version: 99, doc: { name: 'Nguyễn Văn An' } });
  });
});

describe('restore: broken documents give readable errors with paths', () => {
  it('wrong types and missing fields', () => {
    const errors = errorsOf(restoreMap(fixture('broken/map-wrong-types.json')));
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'cards[4].score', message: 'expected a whole number from -2 to 2, got "high"' },
        { path: 'stages[1].name', message: 'expected text of up to 500 characters, got 42' },
        { path: 'lanes[0].title', message: 'is missing (expected text of up to 500 characters)' },
      ]),
    );
    expect(errors).toHaveLength(3);
  });

  it('references that point nowhere (the invariants)', () => {
    const errors = errorsOf(restoreMap(fixture('broken/map-dangling-refs.json')));
    expect(errors).toEqual([
      { path: 'cards[0].stageId', message: 'the card is in a stage that does not exist' },
      { path: 'connections[0].to', message: 'ends at a card that does not exist' },
    ]);
  });

  it('an arrow on the path of a persona the map does not link', () => {
    const map = fixture('v1/map.json') as { connections: Record<string, unknown>[] };
    map.connections[1]!.personaId = 'fx-persona-gone';
    expect(errorsOf(restoreMap(map))).toEqual([
      { path: 'connections[1].personaId', message: 'is the path of a persona that is not linked to this map' },
    ]);
    map.connections[1]!.personaId = '';
    expect(errorsOf(restoreMap(map))).toEqual([{ path: 'connections[1].personaId', message: 'expected text of 1 to 64 characters, got ""' }]);
  });

  it('a persona out of range', () => {
    const errors = errorsOf(restorePersona(fixture('broken/persona-out-of-range.json')));
    expect(errors).toContainEqual({ path: 'techComfort', message: 'expected a whole number from 1 to 5, or null, got 9' });
    expect(errors.find((e) => e.path === 'preferredChannels[0]')?.message).toMatch(/^expected one of "phone", .*"field", got "pigeon"$/);
  });

  it('a bad version, truncated text, and things that are not documents', () => {
    expect(errorsOf(restoreMap(fixture('broken/map-bad-version.json')))).toEqual([
      { path: 'schemaVersion', message: 'expected a whole number of 1 or more, got "two"' },
    ]);
    expect(errorsOf(restoreMap(fixtureText('broken/map-truncated.json')))[0]!.message).toMatch(/not valid JSON/);
    expect(errorsOf(restoreMap(null))).toEqual([{ path: '', message: 'expected a journey map (an object), got null' }]);
    expect(errorsOf(restorePersona([1, 2]))).toEqual([{ path: '', message: 'expected a persona (an object), got a list of 2' }]);
    expect(errorsOf(restoreMap({ id: 'x' })).map((e) => e.path)).toEqual(
      expect.arrayContaining(['title', 'createdAt', 'updatedAt', 'stages', 'lanes', 'cards']),
    );
  });

  it('an unknown card kind, a bad date, a bad colour in a persona-free map', () => {
    const map = fixture('v1/map.json') as { cards: Record<string, unknown>[]; createdAt: string };
    map.cards[0]!.kind = 'hologram';
    map.createdAt = 'yesterday';
    const errors = errorsOf(restoreMap(map));
    expect(errors).toContainEqual({
      path: 'cards[0].kind',
      message: 'expected one of "text", "touchpoint", "emotion", "pain", "opportunity", "kpi", got "hologram"',
    });
    expect(errors).toContainEqual({ path: 'createdAt', message: 'expected a date and time like 2025-01-15T09:30:00.000Z, got "yesterday"' });
  });

  it('caps the list at the first 20 and counts the rest', () => {
    const map = fixture('v1/map.json') as { cards: unknown[] };
    map.cards = Array.from({ length: 50 }, (_, i) => ({ id: `e${i}`, kind: 'emotion', stageId: 'st-aware', laneId: 'ln-feel', order: i, score: 'bad' }));
    const errors = errorsOf(restoreMap(map));
    expect(errors).toHaveLength(MAX_RESTORE_ERRORS + 1);
    expect(errors[0]).toEqual({ path: 'cards[0].score', message: 'expected a whole number from -2 to 2, got "bad"' });
    expect(errors[MAX_RESTORE_ERRORS]).toEqual({ path: '', message: 'and 30 more problems' });
    expect(formatRestoreErrors(i18n, rawErrorsOf(restoreMap(map)))[0]).toBe('cards[0].score: expected a whole number from -2 to 2, got "bad"');
  });
});

describe('restore: safe repairs', () => {
  it('maps legacy spellings with one obvious meaning, and drops unknown fields', () => {
    const map = fixture('v1/map.json') as Record<string, unknown> & { cards: Record<string, unknown>[]; stages: Record<string, unknown>[] };
    map.cards[5]!.severity = 'High';
    map.cards[6]!.status = 'in progress';
    map.cards[2]!.channel = 'Twitter';
    map.cards[7]!.metric = 'response_time';
    map.cards[7]!.sparkle = true;
    map.stages[0]!.color = '#ABC';
    map.direction = 'RTL';
    map.extra = { anything: 1 };
    const doc = ok(restoreMap(deepFreeze(map)));
    expect(doc.cards[5]).toMatchObject({ severity: 'high' });
    expect(doc.cards[6]).toMatchObject({ status: 'in-progress' });
    expect(doc.cards[2]).toMatchObject({ channel: 'x' });
    expect(doc.cards[7]).toMatchObject({ metric: 'response-time' });
    expect(doc.cards[7]).not.toHaveProperty('sparkle');
    expect(doc).not.toHaveProperty('extra');
    expect(doc.stages[0]!.color).toBe('#aabbcc');
    expect(doc.direction).toBe('rtl');
  });

  it('leaves unknown values alone and reports them', () => {
    const map = fixture('v1/map.json') as { cards: Record<string, unknown>[] };
    map.cards[5]!.severity = 'apocalyptic';
    expect(errorsOf(restoreMap(map))[0]).toEqual({
      path: 'cards[5].severity',
      message: 'expected one of "low", "medium", "high", "critical", got "apocalyptic"',
    });
  });

  it('makes card orders dense, fills missing ones, and drops a persona linked twice', () => {
    const map = fixture('v1/map.json') as { cards: Record<string, unknown>[]; personaIds: string[] };
    map.cards[0]!.order = 7;
    map.cards[1]!.order = 3;
    delete map.cards[3]!.order;
    map.personaIds = ['fx-persona-1', 'fx-persona-1'];
    const doc = ok(restoreMap(map));
    expect(doc.cards.slice(0, 2).map((c) => [c.id, c.order])).toEqual([['cd-1', 1], ['cd-2', 0]]);
    expect(doc.cards[3]!.order).toBe(0);
    expect(doc.personaIds).toEqual(['fx-persona-1']);
    expect(mapViolations(doc)).toEqual([]);
  });
});
