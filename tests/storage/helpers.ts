import { restoreMap, restorePersona } from '../../src/model/restore';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { createRepository, openDatabase, type Repository } from '../../src/storage';
import { fixture } from '../fixtures';

let counter = 0;

/** A repository on a database nobody else uses (fake-indexeddb, from tests/setup.ts). */
export function freshRepo(): Repository {
  counter++;
  // No page-hide copies in Web Storage: jsdom's localStorage outlives each test (tests/storage/rescue.test.ts has its own).
  return createRepository(openDatabase(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`), { rescueStorage: null });
}

/** The v1 fixture map, restored, with overrides: a complete document built by hand, not by the operations. */
export function makeMap(overrides: Partial<JourneyMap> = {}): JourneyMap {
  const r = restoreMap(fixture('v1/map.json'));
  if (r.kind !== 'ok') throw new Error('fixture map did not restore');
  const doc = { ...r.doc, ...overrides };
  // The fixture's arrow on its persona's path would point at a persona other personaIds leave out.
  if (overrides.personaIds && !overrides.connections) {
    doc.connections = doc.connections.map(({ personaId, ...k }) => (personaId && doc.personaIds.includes(personaId) ? { ...k, personaId } : k));
  }
  return doc;
}

export function makePersona(overrides: Partial<Persona> = {}): Persona {
  const r = restorePersona(fixture('v1/persona.json'));
  if (r.kind !== 'ok') throw new Error('fixture persona did not restore');
  return { ...r.doc, ...overrides };
}

/**
 * A stand-in for navigator.locks (jsdom and Node have none): `held` names the locks another
 * tab holds. Only what src/storage/locks.ts uses: request(name, { ifAvailable }, work) and query().
 */
export function fakeLocks() {
  const held = new Set<string>();
  const manager = {
    request: async (name: string, _options: LockOptions, work: (lock: Lock | null) => Promise<unknown>) =>
      work(held.has(name) ? null : ({ name, mode: 'exclusive' } as Lock)),
    query: async () => ({ held: [...held].map((name) => ({ name, mode: 'exclusive' as const })), pending: [] }),
  };
  return { held, manager: manager as unknown as LockManager };
}
