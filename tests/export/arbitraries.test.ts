import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapViolations } from '../../src/model/invariants';
import { JourneyMapSchema, PersonaSchema } from '../../src/model/schema';
import { mapArb, personaArb, wideMap } from './arbitraries';

describe('test documents', () => {
  it('generated maps are valid documents that keep the invariants', () => {
    fc.assert(
      fc.property(mapArb, (map) => {
        expect(JourneyMapSchema.parse(map)).toEqual(map);
        expect(mapViolations(map)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('generated personas are valid', () => {
    fc.assert(
      fc.property(personaArb, (p) => {
        expect(PersonaSchema.parse(p)).toEqual(p);
      }),
      { numRuns: 100 },
    );
  });

  it('the wide map is valid', () => {
    const map = wideMap(12, { direction: 'rtl' });
    expect(JourneyMapSchema.parse(map)).toEqual(map);
    expect(mapViolations(map)).toEqual([]);
  });
});
