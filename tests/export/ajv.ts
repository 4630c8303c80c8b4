import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import schemaText from '../../schema/journeyboard.schema.json?raw';

export { schemaText };

/** The committed JSON Schema, compiled by ajv (an independent validator). */
export function schemaValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(schemaText));
}
