import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from '../../src/export/jsonPosition';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on valid documents', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        expect(findJsonSyntaxError(JSON.stringify(value, null, pretty ? 2 : 0))).toBeNull();
      }),
    );
  });

  it('agrees with JSON.parse on arbitrary text', () => {
    const jsonish = fc.stringMatching(/^[{}[\]",:0-9a-z\\\s.eE+-]{0,20}$/);
    fc.assert(
      fc.property(fc.oneof(fc.string(), jsonish), (text) => {
        expect(findJsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('calls every cut-off object "truncated"', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 })), fc.nat(), (obj, cut) => {
        const text = JSON.stringify(obj);
        const prefix = text.slice(0, cut % text.length);
        expect(findJsonSyntaxError(prefix)).toEqual({ offset: prefix.length, truncated: true });
      }),
    );
  });

  it('points at the first wrong character', () => {
    expect(findJsonSyntaxError('{"a": 1,\n  "b": }')).toEqual({ offset: 16, truncated: false });
    expect(findJsonSyntaxError('<html>')).toEqual({ offset: 0, truncated: false });
    expect(findJsonSyntaxError('[1, 2] x')).toEqual({ offset: 7, truncated: false });
  });

  it('survives deep nesting without recursion', () => {
    expect(findJsonSyntaxError('['.repeat(200_000))).toEqual({ offset: 200_000, truncated: true });
  });
});
