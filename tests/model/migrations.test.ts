import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import {
  MAP_MIGRATIONS,
  PERSONA_MIGRATIONS,
  defineStep,
  readSchemaVersion,
  registryProblems,
  runMigrations,
  unchangedStep,
  type MigrationStep,
} from '../../src/model/migrations';
import { mapViolations } from '../../src/model/invariants';
import { restoreMap, restorePersona } from '../../src/model/restore';
import { CURRENT_SCHEMA_VERSION } from '../../src/model/schema';
import { fixture, fixtureText, fixtureVersions, hasFixture } from '../fixtures';
import { deepFreeze } from './helpers';

/** Frozen shapes of the test-only history: v1 has `title`, v2 splits it in parts, v3 joins them again. */
interface ToyV1 { schemaVersion: number; title: string; [k: string]: unknown }
interface ToyV2 { schemaVersion: number; titleParts: string[]; [k: string]: unknown }

function toyRegistry(log: string[]): MigrationStep[] {
  return [
    defineStep<ToyV1, ToyV2>({
      from: 1,
      to: 2,
      name: 'split-title',
      migrate: ({ title, ...rest }) => {
        log.push('split-title');
        return { ...rest, titleParts: title.split(' · ') };
      },
    }),
    defineStep<ToyV2, ToyV1>({
      from: 2,
      to: 3,
      name: 'join-title',
      migrate: ({ titleParts, ...rest }) => {
        log.push('join-title');
        return { ...rest, title: titleParts.join(' · ') };
      },
    }),
  ];
}

describe('the real registries', () => {
  it('cover every version from 1 to the current one, one step each', () => {
    expect(registryProblems(MAP_MIGRATIONS)).toEqual([]);
    expect(registryProblems(PERSONA_MIGRATIONS)).toEqual([]);
  });

  it('would be caught if the version were raised without a step (the check above is not vacuous)', () => {
    const next = CURRENT_SCHEMA_VERSION + 1;
    expect(registryProblems(MAP_MIGRATIONS, next)).toContain(`no step from version ${CURRENT_SCHEMA_VERSION} to ${next}`);
    expect(registryProblems(PERSONA_MIGRATIONS, next)).toContain(`no step from version ${CURRENT_SCHEMA_VERSION} to ${next}`);
  });

  it('have a fixture folder for exactly the versions 1..CURRENT (and the future v99): raising the version needs a fixture', () => {
    const saved = fixtureVersions().filter((v) => v !== 99);
    expect(saved).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => i + 1));
    // Every saved version older than the current one has a step of each kind to leave it.
    for (const v of saved.filter((v) => v < CURRENT_SCHEMA_VERSION)) {
      expect(MAP_MIGRATIONS.some((s) => s.from === v), `map step from ${v}`).toBe(true);
      expect(PERSONA_MIGRATIONS.some((s) => s.from === v), `persona step from ${v}`).toBe(true);
    }
  });

  it('have a saved map and persona fixture for every version 1..CURRENT, each restoring to a valid current document', () => {
    for (let v = 1; v <= CURRENT_SCHEMA_VERSION; v++) {
      expect(hasFixture(`v${v}/map.json`), `tests/fixtures/v${v}/map.json`).toBe(true);
      expect(hasFixture(`v${v}/persona.json`), `tests/fixtures/v${v}/persona.json`).toBe(true);
      const map = restoreMap(fixtureText(`v${v}/map.json`));
      if (map.kind !== 'ok') throw new Error(`v${v}/map.json: ${JSON.stringify(map)}`);
      expect(map.doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
      expect(mapViolations(map.doc)).toEqual([]);
      if (v < CURRENT_SCHEMA_VERSION) expect(map.migratedFrom).toBe(v);
      const persona = restorePersona(fixtureText(`v${v}/persona.json`));
      expect(persona.kind).toBe('ok');
    }
  });
});

describe('readSchemaVersion', () => {
  it('reads whole numbers, assumes 1 when missing, refuses anything else', () => {
    expect(readSchemaVersion({ schemaVersion: 4 })).toEqual({ kind: 'ok', version: 4, assumed: false });
    expect(readSchemaVersion({})).toEqual({ kind: 'ok', version: 1, assumed: true });
    for (const bad of ['1', 0, -1, 1.5, null, {}]) {
      expect(readSchemaVersion({ schemaVersion: bad }).kind).toBe('invalid');
    }
    const two = readSchemaVersion({ schemaVersion: 'two' });
    expect(two.kind === 'invalid' && say(i18n, two.message)).toBe('expected a whole number of 1 or more, got "two"');
  });
});

describe('runMigrations (test-only registry)', () => {
  it('runs every step between the version and the target, in order, setting schemaVersion', () => {
    const log: string[] = [];
    const seen: string[] = [];
    const input = deepFreeze({ schemaVersion: 1, title: 'A · B', keep: true });
    const result = runMigrations(input, 1, 3, toyRegistry(log), (s) => seen.push(`${s.from}→${s.to}`));
    expect(result).toEqual({ kind: 'ok', doc: { schemaVersion: 3, title: 'A · B', keep: true }, applied: ['split-title', 'join-title'] });
    expect(seen).toEqual(['1→2', '2→3']);
    expect(log).toEqual(['split-title', 'join-title']);
  });

  it('starts at the document version (v2 runs only 2→3)', () => {
    const log: string[] = [];
    const result = runMigrations({ schemaVersion: 2, titleParts: ['x', 'y'] }, 2, 3, toyRegistry(log));
    expect(result.kind === 'ok' && result.doc).toEqual({ schemaVersion: 3, title: 'x · y' });
    expect(log).toEqual(['join-title']);
  });

  it('is an error, never a skip, when a step is missing or throws', () => {
    const [first] = toyRegistry([]);
    const missing = runMigrations({ title: 'a' }, 1, 3, [first!]);
    expect(missing.kind).toBe('error');
    expect(missing.kind === 'error' && say(i18n, missing.message)).toBe('this build cannot upgrade documents of schema version 2 (no migration 2 → 3)');
    const throwing: MigrationStep = { from: 1, to: 2, name: 'boom', migrate: () => { throw new Error('no title'); } };
    const r = runMigrations({}, 1, 2, [throwing]);
    expect(r.kind === 'error' && say(i18n, r.message)).toBe('upgrading from schema version 1 failed in step "boom": no title');
  });

  it('registryProblems finds gaps, duplicates and steps that skip versions', () => {
    const steps = [unchangedStep(1, 'a'), { ...unchangedStep(1, 'a') }, { from: 3, to: 5, name: 'c', migrate: (o: Record<string, unknown>) => o }];
    expect(registryProblems(steps, 4)).toEqual([
      'step name "a" is used twice',
      'step "c" goes from 3 to 5; a step moves exactly one version',
      '2 steps start at version 1',
      'no step from version 2 to 3',
    ]);
    expect(registryProblems(toyRegistry([]), 3)).toEqual([]);
  });
});

describe('restore with a test-only registry', () => {
  it('migrates the v1 fixture through every step, in order, to a valid v3 map', () => {
    const log: string[] = [];
    const input = deepFreeze(fixture('v1/map.json'));
    const result = restoreMap(input, { steps: toyRegistry(log), current: 3 });
    if (result.kind !== 'ok') throw new Error(JSON.stringify(result));
    expect(log).toEqual(['split-title', 'join-title']);
    expect(result.migratedFrom).toBe(1);
    expect(result.doc.schemaVersion).toBe(3);
    expect(result.doc.title).toBe(input.title);
    expect(mapViolations(result.doc)).toEqual([]);
    // The toy steps know nothing of languages: the schema's default fills it in.
    const { schemaVersion: _a, ...rest } = result.doc;
    const { schemaVersion: _b, ...expected } = input;
    expect(rest).toEqual({ ...expected, language: 'en' });
  });

  it('reports a failed migration as an invalid document at schemaVersion', () => {
    const steps = [unchangedStep(1, 'only-first')];
    const result = restoreMap(fixture('v1/map.json'), { steps, current: 3 });
    expect(result.kind).toBe('invalid');
    expect(result.kind === 'invalid' && result.errors.map((e) => ({ path: e.path, message: say(i18n, e.message) }))).toEqual([
      { path: 'schemaVersion', message: 'this build cannot upgrade documents of schema version 2 (no migration 2 → 3)' },
    ]);
  });

  it('runs no step for a document already at the current version', () => {
    const log: string[] = [];
    const result = restoreMap({ ...fixture('v1/map.json'), schemaVersion: 3 }, { steps: toyRegistry(log), current: 3 });
    expect(result.kind).toBe('ok');
    expect(result.kind === 'ok' && result.migratedFrom).toBeUndefined();
    expect(log).toEqual([]);
  });
});
