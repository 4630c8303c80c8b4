// @vitest-environment node
/**
 * Random sequences of operations, with ids drawn from the current document (so they
 * mostly hit real stages, lanes and cards) and now and then a bogus one. After every
 * step the map keeps every invariant and still parses, the frozen input is intact,
 * and a step that changes nothing returns the very same object.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPersona } from '../../src/model/factory';
import { mapViolations } from '../../src/model/invariants';
import {
  PERSONA_LIST_FIELDS,
  addListItem,
  moveListItem,
  removeListItem,
  updateListItem,
  updatePersona,
} from '../../src/model/personaOps';
import { JourneyMapSchema, PersonaSchema, type Persona } from '../../src/model/schema';
import { deepFreeze } from './helpers';
import { apply, starts, stepArb } from './randomOps';

describe('operation sequences keep every invariant', () => {
  // 150 runs of up to 40 steps, each step validated with Zod: about 3 s on an idle machine,
  // past Vitest's 5 s default on a loaded 2-core one. The work is bounded: a generous timeout.
  it('for random sequences on every starting map', () => {
    fc.assert(
      fc.property(fc.nat(starts.length - 1), fc.array(stepArb, { minLength: 1, maxLength: 40, size: 'max' }), (startIndex, steps) => {
        let doc = deepFreeze(starts[startIndex]!());
        const clipboard = starts[(startIndex + 1) % starts.length]!();
        for (const step of steps) {
          const before = JSON.stringify(doc);
          const next = apply(doc, step, clipboard);
          // The frozen input would have thrown on mutation; check its content too.
          expect(JSON.stringify(doc)).toBe(before);
          expect(mapViolations(next), step.op).toEqual([]);
          expect(JourneyMapSchema.safeParse(next).success, step.op).toBe(true);
          expect(next.updatedAt).toBe(doc.updatedAt);
          if (JSON.stringify(next) === before) expect(next, `${step.op} changed nothing but made a new doc`).toBe(doc);
          doc = deepFreeze(next);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('persona list operations', () => {
  const listStep = fc.record({
    op: fc.constantFrom('add', 'update', 'remove', 'move', 'patch'),
    field: fc.constantFrom(...PERSONA_LIST_FIELDS),
    a: fc.integer({ min: -2, max: 6 }),
    b: fc.integer({ min: -2, max: 6 }),
    text: fc.oneof(fc.string({ maxLength: 10 }), fc.constant('y'.repeat(2100))),
  });

  it('keep a valid persona and never mutate it', () => {
    fc.assert(
      fc.property(fc.array(listStep, { maxLength: 30 }), (steps) => {
        let p: Persona = deepFreeze(createPersona({ name: 'Kevin Smith' }));
        for (const s of steps) {
          const before = JSON.stringify(p);
          const next =
            s.op === 'add'
              ? addListItem(p, s.field, s.text, s.a)
              : s.op === 'update'
                ? updateListItem(p, s.field, s.a, s.text)
                : s.op === 'remove'
                  ? removeListItem(p, s.field, s.a)
                  : s.op === 'move'
                    ? moveListItem(p, s.field, s.a, s.b)
                    : updatePersona(p, { age: s.a * 30, quote: s.text });
          expect(JSON.stringify(p)).toBe(before);
          expect(PersonaSchema.safeParse(next).success).toBe(true);
          if (JSON.stringify(next) === before) expect(next).toBe(p);
          p = deepFreeze(next);
        }
      }),
      { numRuns: 150 },
    );
  });
});
