import { describe, expect, it } from 'vitest';
import { journeyboardJsonSchemaText } from '../../src/export/jsonSchema';
import { schemaText, schemaValidator } from './ajv';

describe('published JSON Schema', () => {
  it('is up to date with the Zod schemas (run `node scripts/gen-schema.mjs` when this fails)', () => {
    expect(schemaText).toBe(journeyboardJsonSchemaText());
  });

  it('compiles with an independent validator (ajv, draft 2020-12)', () => {
    expect(typeof schemaValidator()).toBe('function');
  });

  it('rejects files that are not Journeyboard files', () => {
    const validate = schemaValidator();
    expect(validate({ format: 'other', schemaVersion: 1 })).toBe(false);
    expect(validate({ format: 'journeyboard', schemaVersion: 1, kind: 'map', exportedAt: 'yesterday', personas: [], images: [] })).toBe(false);
  });
});
