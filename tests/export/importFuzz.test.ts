// @vitest-environment node
// Node's Blob: jsdom's cannot be structured-cloned into (fake) IndexedDB.
/**
 * Import fuzzing: valid export files (from the property generators), mutated the ways hostile or
 * damaged files are (a field replaced by a wrong type, a huge text, nesting thousands deep, a
 * `__proto__` key, a deleted or duplicated field, a cut-off or garbled text, stray byte-order marks).
 * Whatever comes in:
 * - parseImport never throws, and a refusal says why in messages of a bounded length;
 * - what it accepts is a valid document: every accepted map, exported again, passes the published
 *   JSON Schema (ajv, a validator independent of our Zod schemas) and the model's invariants;
 * - a refused file stores nothing, and an accepted one leaves the data already there unchanged;
 * - no prototype is polluted.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportMapFile, parseImport, type ImportResult } from '../../src/export/envelope';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { applyImport, planImport } from '../../src/export/source';
import { mapViolations } from '../../src/model/invariants';
import type { JourneyMap, Persona } from '../../src/model/schema';
import * as storage from '../../src/storage';
import { makeMap, makePersona } from '../storage/helpers';
import { schemaValidator } from './ajv';
import { mapArb, personaArb } from './arbitraries';

const validate = schemaValidator();
const NOW = new Date('2025-06-01T08:00:00.000Z');
const HOLE = '\u0000hole\u0000';

/** Raw JSON texts put where a value was (they cannot all be made as values: deep nesting, __proto__). */
const rawValues = fc.constantFrom(
  '['.repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(70) + '1' + '}'.repeat(70),
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify('x'.repeat(200_000)),
  JSON.stringify('<img src=x onerror=alert(1)>'),
  '1e309',
  '-0',
  '"\\ud800"',
);

const values = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 53, '', 'x', [], {}),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);

type Mutation =
  | { kind: 'set'; path: number[]; value: unknown }
  | { kind: 'raw'; path: number[]; raw: string }
  | { kind: 'delete'; path: number[] }
  | { kind: 'duplicate'; path: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'bom'; count: number };

const path = fc.array(fc.nat(), { minLength: 1, maxLength: 6 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), path, value: values }),
  fc.record({ kind: fc.constant('raw' as const), path, raw: rawValues }),
  fc.record({ kind: fc.constant('delete' as const), path }),
  fc.record({ kind: fc.constant('duplicate' as const), path }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), text: fc.string({ minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('bom' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

type Json = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Walks `path` down the document (each number picks a key of the container there, modulo their count). */
function locate(root: Json, path: number[]): { parent: Json; key: string | number } | null {
  let parent: Json = root;
  let key: string | number | null = null;
  for (const step of path) {
    const here: unknown = key === null ? parent : (parent as Record<string | number, unknown>)[key];
    if (!isContainer(here)) break;
    const keys: (string | number)[] = Array.isArray(here) ? here.map((_, i) => i) : Object.keys(here);
    if (keys.length === 0) break;
    if (key !== null) parent = here;
    key = keys[step % keys.length]!;
  }
  return key === null ? null : { parent, key };
}

function mutate(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, Math.floor(text.length * m.at));
    case 'insert': {
      const at = Math.floor(text.length * m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'bom':
      return '\uFEFF'.repeat(m.count) + text;
  }
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch {
    return text; // An earlier mutation already broke the text: nothing to walk.
  }
  const spot = locate(doc, m.path);
  if (!spot) return text;
  const parent = spot.parent as Record<string | number, unknown>;
  if (m.kind === 'set') parent[spot.key] = m.value;
  else if (m.kind === 'raw') parent[spot.key] = HOLE;
  else if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(spot.key as number, 1);
    else delete parent[spot.key];
  } else if (Array.isArray(parent)) parent.push(structuredClone(parent[spot.key as number]));
  else parent[`${String(spot.key)}`] = structuredClone(parent[spot.key]);
  const out = JSON.stringify(doc);
  return m.kind === 'raw' ? out.replace(JSON.stringify(HOLE), m.raw) : out;
}

/** A valid export file of a generated map and persona (the persona linked to the map). */
const validFile = fc.tuple(mapArb, personaArb).map(([map, persona]) => {
  const linked: JourneyMap = { ...map, personaIds: [persona.id], connections: map.connections.map(({ personaId: _, ...c }) => c) };
  return exportMapFile(linked, [persona], [], NOW).text;
});

// Structural mutations first, then at most one raw text, then the text-level ones: once a raw text
// (nesting 5,000 deep) is in, the test's own JSON.parse/stringify would be what overflows.
const STRUCTURAL = new Set<Mutation['kind']>(['set', 'delete', 'duplicate']);
const hostileFile = fc.tuple(validFile, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([text, ms]) =>
  [
    ...ms.filter((m) => STRUCTURAL.has(m.kind)),
    ...ms.filter((m) => m.kind === 'raw').slice(0, 1),
    ...ms.filter((m) => !STRUCTURAL.has(m.kind) && m.kind !== 'raw'),
  ].reduce(mutate, text),
);

function checkResult(result: ImportResult) {
  if (result.kind === 'error') {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const e of result.errors) {
      // As the interface says it (in English): worded in full, and short whatever the file held.
      const said = say(i18n, e.message);
      expect(typeof said).toBe('string');
      expect(said).not.toMatch(/\[object Object\]|^import\.|^model\./);
      expect(said.length).toBeLessThan(1_000);
    }
    return;
  }
  for (const map of result.maps) {
    expect(mapViolations(map)).toEqual([]);
    const again = JSON.parse(exportMapFile(map, result.personas, [], NOW).text);
    if (!validate(again)) throw new Error(`an accepted map fails the JSON Schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
}

describe('import fuzzing', () => {
  it('never throws, and accepts only documents that pass the published schema and the invariants', () => {
    const seen = { ok: 0, error: 0 };
    fc.assert(
      fc.property(hostileFile, (text) => {
        const result = parseImport(text);
        seen[result.kind]++;
        checkResult(result);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 2_000 },
    );
    // Both outcomes were exercised: some mutations are harmless (an unknown field), most are not.
    expect(seen.ok).toBeGreaterThan(20);
    expect(seen.error).toBeGreaterThan(1_000);
  }, 120_000);

  describe('against a library', () => {
    let existingMap: JourneyMap;
    let existingPersona: Persona;
    let dbName = '';

    beforeAll(() => {
      existingMap = makeMap({ id: 'already-here', title: 'Already here · มีอยู่แล้ว' });
      existingPersona = makePersona({ id: 'persona-here', name: 'Đã có sẵn' });
    });

    async function contents() {
      const db = new storage.JourneyboardDB(dbName);
      try {
        const [maps, personas, images, snapshots] = await Promise.all([db.maps.toArray(), db.personas.toArray(), db.images.toArray(), db.snapshots.toArray()]);
        return { maps, personas, images: images.map((i) => i.id), snapshots: snapshots.length };
      } finally {
        db.close();
      }
    }

    it('stores nothing from a refused file, and leaves what is there unchanged when it accepts one', async () => {
      await fc.assert(
        fc.asyncProperty(hostileFile, async (text) => {
          dbName = `fuzz-${Math.random().toString(36).slice(2)}`;
          storage.bindDatabase(dbName);
          await storage.saveMap(existingMap);
          await storage.savePersona(existingPersona);
          const before = await contents();

          const result = parseImport(text);
          checkResult(result);
          if (result.kind === 'error') {
            expect(await contents()).toEqual(before);
            return;
          }
          await applyImport(await planImport(result), 'keep-both');
          const after = await contents();
          expect(after.maps.find((m) => m.id === existingMap.id)).toEqual(before.maps[0]);
          expect(after.personas.find((p) => p.id === existingPersona.id)).toEqual(before.personas[0]);
          for (const stored of after.maps) {
            const file = JSON.parse(exportMapFile(stored as unknown as JourneyMap, [], [], NOW).text);
            if (!validate(file)) throw new Error(`a stored map fails the JSON Schema: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
          }
        }),
        { numRuns: 150 },
      );
    }, 180_000);
  });
});
