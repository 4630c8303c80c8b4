/**
 * The published JSON Schema of the file format, generated from the Zod schemas (z.toJSONSchema).
 * scripts/gen-schema.mjs writes it to schema/journeyboard.schema.json; a test fails when the committed
 * file is stale. It describes files as this version writes them ("output" shape: every field present).
 */
import * as z from 'zod/mini';
import { ChannelSchema } from '../model/channels';
import {
  CardSchema,
  ConnectionSchema,
  CURRENT_SCHEMA_VERSION,
  EmotionCardSchema,
  IdSchema,
  IsoDateSchema,
  JourneyMapSchema,
  KpiCardSchema,
  LaneSchema,
  OpportunityCardSchema,
  PainCardSchema,
  PersonaSchema,
  StageSchema,
  TextCardSchema,
  TouchpointCardSchema,
} from '../model/schema';
import { EnvelopeSchema, ExportImageSchema } from './format';

/** Named definitions ($defs) so that the published schema reads like the model. */
function registry() {
  const reg = z.registry<{ id: string; description?: string }>();
  reg.add(IdSchema, { id: 'Id' });
  reg.add(IsoDateSchema, { id: 'DateTime', description: 'ISO 8601 date and time with an offset' });
  reg.add(JourneyMapSchema, { id: 'JourneyMap' });
  reg.add(StageSchema, { id: 'Stage' });
  reg.add(LaneSchema, { id: 'Lane' });
  reg.add(CardSchema, { id: 'Card' });
  reg.add(TextCardSchema, { id: 'TextCard' });
  reg.add(TouchpointCardSchema, { id: 'TouchpointCard' });
  reg.add(EmotionCardSchema, { id: 'EmotionCard' });
  reg.add(PainCardSchema, { id: 'PainCard' });
  reg.add(OpportunityCardSchema, { id: 'OpportunityCard' });
  reg.add(KpiCardSchema, { id: 'KpiCard' });
  reg.add(ConnectionSchema, { id: 'Connection' });
  reg.add(ChannelSchema, { id: 'Channel' });
  reg.add(PersonaSchema, { id: 'Persona' });
  reg.add(ExportImageSchema, { id: 'Image', description: 'A persona photo as a base64 data: URL' });
  return reg;
}

export const SCHEMA_PATH = 'schema/journeyboard.schema.json';

export function journeyboardJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(EnvelopeSchema, {
    target: 'draft-2020-12',
    io: 'output',
    metadata: registry(),
    unrepresentable: 'any',
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    $id: `https://journeyboard.app/schema/journeyboard-${CURRENT_SCHEMA_VERSION}.schema.json`,
    title: `Journeyboard file (schema version ${CURRENT_SCHEMA_VERSION})`,
    description:
      'A journey map with its personas, one persona, or a whole library, as exported by Journeyboard. Images are embedded as base64 data: URLs (PNG, JPEG or WebP only).',
    ...rest,
  };
}

export function journeyboardJsonSchemaText(): string {
  return `${JSON.stringify(journeyboardJsonSchema(), null, 2)}\n`;
}
