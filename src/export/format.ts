/**
 * The Journeyboard file format as Zod schemas: the envelope this version writes. It is published as
 * JSON Schema in schema/journeyboard.schema.json (generated from here by scripts/gen-schema.mjs).
 * Reading a file does not use EnvelopeSchema directly: parseImport runs each document through the
 * restore chain, which also accepts older documents and fills defaults.
 */
import * as z from 'zod/mini';
import { CURRENT_SCHEMA_VERSION, IdSchema, IsoDateSchema, JourneyMapSchema, PersonaSchema } from '../model/schema';
import { IMAGE_TYPES, MAX_IMAGE_DATA_URL_CHARS } from './images';

export const FORMAT_NAME = 'journeyboard';
/** The largest map or persona file an import reads (bigger files are refused before reading). */
export const DEFAULT_MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/**
 * The largest library backup an import reads. A backup holds every map and every photo, so it
 * outgrows 20 MB long before any single map does; "Back up library" checks its file against this
 * same number and warns before writing one that could not be restored.
 */
export const MAX_BACKUP_IMPORT_BYTES = 200 * 1024 * 1024;
export const ENVELOPE_KINDS = ['map', 'persona', 'library'] as const;
export type EnvelopeKind = (typeof ENVELOPE_KINDS)[number];

export const ExportImageSchema = z.object({
  id: IdSchema,
  type: z.enum(IMAGE_TYPES),
  dataUrl: z
    .string()
    .check(
      z.maxLength(MAX_IMAGE_DATA_URL_CHARS),
      z.regex(/^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]*={0,2}$/, 'a base64 data: URL of a PNG, JPEG or WebP image'),
    ),
});

const envelopeBase = {
  format: z.literal(FORMAT_NAME),
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  exportedAt: IsoDateSchema,
  personas: z.array(PersonaSchema),
  images: z.array(ExportImageSchema),
};

/** The envelope as this version writes it (and as schema/journeyboard.schema.json publishes it). */
export const EnvelopeSchema = z.discriminatedUnion('kind', [
  z.object({ ...envelopeBase, kind: z.literal('map'), map: JourneyMapSchema }),
  z.object({ ...envelopeBase, kind: z.literal('persona'), personas: z.array(PersonaSchema).check(z.length(1)) }),
  z.object({ ...envelopeBase, kind: z.literal('library'), maps: z.array(JourneyMapSchema) }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;

