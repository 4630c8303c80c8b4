/**
 * The document, defined once. Every type of the model is inferred from these
 * schemas (`z.infer`); nothing writes a type twice.
 *
 * Orders: stages and lanes are ordered by their position in their arrays; cards
 * carry an `order` that is dense (0..n-1) inside their stage x lane cell.
 * Dates are ISO strings so that a JSON export round-trips exactly.
 */
import { z } from 'zod';
import { ChannelIdSchema, ChannelSchema, DEFAULT_CHANNELS } from './channels';

/** The schema version this build reads and writes. Raise it only with a migration. */
export const CURRENT_SCHEMA_VERSION = 1;

export const IdSchema = z.string().min(1).max(64);
export const IsoDateSchema = z.iso.datetime({ offset: true });
/** Long texts are allowed, unbounded ones are not (a hostile file should not exhaust memory in the UI). */
const Text = (max = 20_000) => z.string().max(max);
const ColorSchema = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f3a5f');

export const StageSchema = z.object({
  id: IdSchema,
  name: Text(500),
  description: Text().default(''),
  color: ColorSchema.optional(),
  /** For journeys that cycle: this stage leads back to an earlier one (e.g. re-purchase -> Buying). */
  loopsTo: IdSchema.optional(),
  /** Speaker notes for presentation mode; never shown to the audience by default. */
  notes: Text().default(''),
});
export type Stage = z.infer<typeof StageSchema>;

export const LANE_KINDS = ['text', 'touchpoint', 'emotion', 'pain', 'opportunity', 'kpi'] as const;
export const LaneKindSchema = z.enum(LANE_KINDS);
export type LaneKind = z.infer<typeof LaneKindSchema>;

export const LaneSchema = z.object({
  id: IdSchema,
  kind: LaneKindSchema,
  title: Text(500),
});
export type Lane = z.infer<typeof LaneSchema>;

const cardBase = {
  id: IdSchema,
  stageId: IdSchema,
  laneId: IdSchema,
  order: z.number().int().min(0),
  /** The card's main text: the goal, action, description, note or idea. */
  text: Text().default(''),
};

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export const PRIORITIES = ['low', 'medium', 'high'] as const;
export const OPPORTUNITY_STATUSES = ['idea', 'planned', 'in-progress', 'done', 'dropped'] as const;
export const KPI_METRICS = [
  'nps',
  'csat',
  'fcr',
  'response-time',
  'conversion',
  'retention',
  'effort',
  'other',
] as const;
export const LevelSchema = z.enum(PRIORITIES);

export const TextCardSchema = z.object({ ...cardBase, kind: z.literal('text') });
export const TouchpointCardSchema = z.object({
  ...cardBase,
  kind: z.literal('touchpoint'),
  channel: ChannelIdSchema.nullable().default(null),
  owner: Text(500).default(''),
});
export const EmotionCardSchema = z.object({
  ...cardBase,
  kind: z.literal('emotion'),
  /** -2 (very negative) .. +2 (very positive); 0 is neutral. */
  score: z.number().int().min(-2).max(2).default(0),
});
export const PainCardSchema = z.object({
  ...cardBase,
  kind: z.literal('pain'),
  severity: z.enum(SEVERITIES).default('medium'),
  /** The touchpoint card where this pain is felt. */
  touchpointId: IdSchema.optional(),
});
export const OpportunityCardSchema = z.object({
  ...cardBase,
  kind: z.literal('opportunity'),
  owner: Text(500).default(''),
  status: z.enum(OPPORTUNITY_STATUSES).default('idea'),
  priority: LevelSchema.default('medium'),
  impact: LevelSchema.default('medium'),
  effort: LevelSchema.default('medium'),
});
export const KpiCardSchema = z.object({
  ...cardBase,
  kind: z.literal('kpi'),
  metric: z.enum(KPI_METRICS).default('csat'),
  value: z.number().finite().nullable().default(null),
  target: z.number().finite().nullable().default(null),
  unit: Text(40).default(''),
});

export const CardSchema = z.discriminatedUnion('kind', [
  TextCardSchema,
  TouchpointCardSchema,
  EmotionCardSchema,
  PainCardSchema,
  OpportunityCardSchema,
  KpiCardSchema,
]);
export type Card = z.infer<typeof CardSchema>;
export type CardOf<K extends LaneKind> = Extract<Card, { kind: K }>;

export const ConnectionSchema = z.object({
  id: IdSchema,
  from: IdSchema,
  to: IdSchema,
  label: Text(500).default(''),
});
export type Connection = z.infer<typeof ConnectionSchema>;

export const DirectionSchema = z.enum(['ltr', 'rtl']);
export type Direction = z.infer<typeof DirectionSchema>;

export const JourneyMapSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  title: Text(500),
  description: Text().default(''),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  personaIds: z.array(IdSchema).default([]),
  /** The map's reading direction: a right-to-left map runs its stages from right to left. */
  direction: DirectionSchema.default('ltr'),
  stages: z.array(StageSchema).max(500),
  lanes: z.array(LaneSchema).max(200),
  cards: z.array(CardSchema).max(50_000),
  connections: z.array(ConnectionSchema).max(50_000).default([]),
  /** The channel catalogue as this map sets it (response targets are editable per map). */
  channels: z.array(ChannelSchema).default(() => DEFAULT_CHANNELS.map((c) => ({ ...c }))),
});
export type JourneyMap = z.infer<typeof JourneyMapSchema>;

export const TECH_COMFORT_LEVELS = [1, 2, 3, 4, 5] as const;

export const PersonaSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  name: Text(500),
  /** Id of a Blob in the images table; null shows generated initials. */
  avatarImageId: IdSchema.nullable().default(null),
  age: z.number().int().min(0).max(150).nullable().default(null),
  occupation: Text(500).default(''),
  family: Text(500).default(''),
  location: Text(500).default(''),
  quote: Text(2000).default(''),
  story: Text().default(''),
  goals: z.array(Text(2000)).default([]),
  needs: z.array(Text(2000)).default([]),
  motivations: z.array(Text(2000)).default([]),
  frustrations: z.array(Text(2000)).default([]),
  behaviours: z.array(Text(2000)).default([]),
  preferredChannels: z.array(ChannelIdSchema).default([]),
  /** 1 (avoids technology) .. 5 (early adopter); null when unknown. */
  techComfort: z.number().int().min(1).max(5).nullable().default(null),
  demographics: Text().default(''),
  psychographics: Text().default(''),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Persona = z.infer<typeof PersonaSchema>;

/** Input shapes (fields with defaults may be missing), for building documents in code. */
export type JourneyMapInput = z.input<typeof JourneyMapSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;
