// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { mapViolations } from '../../src/model/invariants';
import {
  addConnection,
  deleteConnection,
  duplicateCards,
  linkPersona,
  pasteCards,
  setConnectionPersona,
  unlinkPersona,
  updateConnectionLabel,
} from '../../src/model/operations';
import { expectValid, fixture } from './helpers';

describe('connections', () => {
  it('draws an arrow between two cards', () => {
    const d = fixture();
    const r = addConnection(d, { id: 'c3', from: 'p2', to: 't3', label: 'calls back' });
    expect(r.connections[2]).toEqual({ id: 'c3', from: 'p2', to: 't3', label: 'calls back' });
    expect(addConnection(d, { from: 'p2', to: 'p1' }).connections).toHaveLength(3);
    expectValid(r);
  });

  it('refuses self arrows, duplicates, missing cards and taken ids', () => {
    const d = fixture();
    expect(addConnection(d, { from: 't1', to: 't1' })).toBe(d);
    expect(addConnection(d, { from: 'p1', to: 'p2' })).toBe(d);
    expect(addConnection(d, { from: 'p1', to: 'ghost' })).toBe(d);
    expect(addConnection(d, { from: 'ghost', to: 'p1' })).toBe(d);
    expect(addConnection(d, { id: 't2', from: 't3', to: 'p1' })).toBe(d);
  });

  it('relabels and deletes', () => {
    const d = fixture();
    expect(updateConnectionLabel(d, 'c1', 'next').connections[0]?.label).toBe('next');
    expect(updateConnectionLabel(d, 'c1', 'then')).toBe(d);
    expect(updateConnectionLabel(d, 'c1', 'x'.repeat(501))).toBe(d);
    expect(updateConnectionLabel(d, 'ghost', 'x')).toBe(d);
    expect(deleteConnection(d, 'c1').connections.map((k) => k.id)).toEqual(['c2']);
    expect(deleteConnection(d, 'ghost')).toBe(d);
  });

  describe('whose path an arrow is', () => {
    const withKevin = () => linkPersona(linkPersona(fixture(), 'kevin'), 'mai');

    it('is set to one of the map’s personas, changed, and cleared back to everyone’s', () => {
      const d = withKevin();
      const kevins = setConnectionPersona(d, 'c1', 'kevin');
      expect(kevins.connections[0]).toEqual({ id: 'c1', from: 'p1', to: 'p2', label: 'then', personaId: 'kevin' });
      expect(kevins.connections[1]).toBe(d.connections[1]);
      expectValid(kevins);
      expect(setConnectionPersona(kevins, 'c1', 'kevin')).toBe(kevins);
      expect(setConnectionPersona(kevins, 'c1', 'mai').connections[0]?.personaId).toBe('mai');
      const cleared = setConnectionPersona(kevins, 'c1', null);
      expect(cleared.connections[0]).toEqual({ id: 'c1', from: 'p1', to: 'p2', label: 'then' });
      expect(cleared.connections[0]).not.toHaveProperty('personaId');
      expect(setConnectionPersona(d, 'c1', null)).toBe(d);
    });

    it('refuses a persona the map does not link, and an unknown arrow', () => {
      const d = withKevin();
      expect(setConnectionPersona(d, 'c1', 'stranger')).toBe(d);
      expect(setConnectionPersona(d, 'ghost', 'kevin')).toBe(d);
      expect(addConnection(d, { from: 'p2', to: 't3', personaId: 'stranger' })).toBe(d);
      expect(addConnection(d, { id: 'c9', from: 'p2', to: 't3', personaId: 'kevin' }).connections.at(-1)).toMatchObject({ id: 'c9', personaId: 'kevin' });
    });

    it('goes when the persona leaves the map: their arrows stay, as everyone’s', () => {
      const d = setConnectionPersona(setConnectionPersona(withKevin(), 'c1', 'kevin'), 'c2', 'mai');
      const r = unlinkPersona(d, 'kevin');
      expect(r.personaIds).toEqual(['mai']);
      expect(r.connections.map((k) => k.personaId)).toEqual([undefined, 'mai']);
      expect(r.connections[1]).toBe(d.connections[1]);
      expectValid(r);
      // Without their arrows the connections are kept as they were.
      const plain = withKevin();
      expect(unlinkPersona(plain, 'kevin').connections).toBe(plain.connections);
    });

    it('is an invariant: an arrow on the path of an unlinked persona is reported', () => {
      const d = setConnectionPersona(withKevin(), 'c1', 'kevin');
      const broken = { ...d, personaIds: ['mai'] };
      expect(mapViolations(broken).map((v) => ({ path: v.path, message: say(i18n, v.message) }))).toEqual([
        { path: 'connections[0].personaId', message: 'is the path of a persona that is not linked to this map' },
      ]);
    });

    it('travels with duplicated and pasted arrows when the persona is on the map, and not otherwise', () => {
      const d = setConnectionPersona(withKevin(), 'c2', 'kevin'); // t1 -> p1
      const dup = duplicateCards(d, ['t1', 'p1']);
      expect(dup.connections.at(-1)).toMatchObject({ personaId: 'kevin' });
      expectValid(dup);
      const elsewhere = fixture(); // no personas linked
      const pasted = pasteCards(elsewhere, d.cards.filter((c) => c.id === 't1' || c.id === 'p1'), d.connections, { stageId: 's2', laneId: 'lt' });
      expect(pasted.connections).toHaveLength(3);
      expect(pasted.connections.at(-1)).not.toHaveProperty('personaId');
      expectValid(pasted);
    });
  });
});
