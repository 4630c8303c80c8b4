/**
 * The document, defined once. Every type of the model is inferred from these
 * schemas (`z.infer`); nothing writes a type twice.
 *
 * Orders: stages and lanes are ordered by their position in their arrays; cards
 * carry an `order` that is dense (0..n-1) inside their stage x lane cell.
 * Dates are ISO strings so that a JSON export round-trips exactly.
 *
 * Written with zod/mini (functions, not methods): it tree-shakes, and the schemas load on
 * every start-up. Classic Zod shipped 26 KB gzip here, zod/mini 9 KB (`npm run bench`).
 */
import * as z from 'zod/mini';
import { ChannelIdSchema, ChannelSchema, DEFAULT_CHANNELS } from './channels';
import { LOCALES } from '../i18n/locales';

/** The schema version this build reads and writes. Raise it only with a migration. */
export const CURRENT_SCHEMA_VERSION = 2;

export const IdSchema = z.string().check(z.minLength(1), z.maxLength(64));
export const IsoDateSchema = z.iso.datetime({ offset: true });
/** Long texts are allowed, unbounded ones are not (a hostile file should not exhaust memory in the UI). */
const Text = (max = 20_000) => z.string().check(z.maxLength(max));
const ColorSchema = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f3a5f'));
/** Whole numbers from `min` to `max` (classic Zod's `z.number().int().min().max()`). */
const Int = (min?: number, max?: number) =>
  z.number().check(z.int(), ...(min === undefined ? [] : [z.minimum(min)]), ...(max === undefined ? [] : [z.maximum(max)]));

export const StageSchema = z.object({
  id: IdSchema,
  name: Text(500),
  description: z._default(Text(), ''),
  color: z.optional(ColorSchema),
  /** For journeys that cycle: this stage leads back to an earlier one (e.g. re-purchase -> Buying). */
  loopsTo: z.optional(IdSchema),
  /** Speaker notes for presentation mode; never shown to the audience by default. */
  notes: z._default(Text(), ''),
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
  order: Int(0),
  /** The card's main text: the goal, action, description, note or idea. */
  text: z._default(Text(), ''),
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
  channel: z._default(z.nullable(ChannelIdSchema), null),
  owner: z._default(Text(500), ''),
});
export const EmotionCardSchema = z.object({
  ...cardBase,
  kind: z.literal('emotion'),
  /** -2 (very negative) .. +2 (very positive); 0 is neutral. */
  score: z._default(Int(-2, 2), 0),
});
export const PainCardSchema = z.object({
  ...cardBase,
  kind: z.literal('pain'),
  severity: z._default(z.enum(SEVERITIES), 'medium'),
  /** The touchpoint card where this pain is felt. */
  touchpointId: z.optional(IdSchema),
});
export const OpportunityCardSchema = z.object({
  ...cardBase,
  kind: z.literal('opportunity'),
  owner: z._default(Text(500), ''),
  status: z._default(z.enum(OPPORTUNITY_STATUSES), 'idea'),
  priority: z._default(LevelSchema, 'medium'),
  impact: z._default(LevelSchema, 'medium'),
  effort: z._default(LevelSchema, 'medium'),
});
export const KpiCardSchema = z.object({
  ...cardBase,
  kind: z.literal('kpi'),
  metric: z._default(z.enum(KPI_METRICS), 'csat'),
  value: z._default(z.nullable(z.number()), null),
  target: z._default(z.nullable(z.number()), null),
  unit: z._default(Text(40), ''),
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
  label: z._default(Text(500), ''),
  /**
   * Whose path this arrow is (one of the map's personaIds): Kevin's path email -> Facebook -> chat.
   * Absent: the arrow belongs to everyone's journey. Presentation's persona focus follows these.
   */
  personaId: z.optional(IdSchema),
});
export type Connection = z.infer<typeof ConnectionSchema>;

/**
 * A comment pinned to a card, a stage or the map (targetId absent), or a reply in a thread
 * (parentId: the thread's first comment). Flat, so that two people replying at once both keep
 * their reply. Threads are resolved and reopened; comments stay out of presentation and print.
 */
export const CommentSchema = z.object({
  id: IdSchema,
  targetId: z.optional(IdSchema),
  parentId: z.optional(IdSchema),
  author: z._default(Text(60), ''),
  text: Text(5000),
  createdAt: IsoDateSchema,
  /** Threads only (a reply follows its thread). */
  resolved: z._default(z.boolean(), false),
});
export type Comment = z.infer<typeof CommentSchema>;

export const DirectionSchema = z.enum(['ltr', 'rtl']);
export type Direction = z.infer<typeof DirectionSchema>;

/** The languages a map can be in: those the interface speaks (src/i18n/locales.ts). */
export const LanguageSchema = z.enum(LOCALES);

export const JourneyMapSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  title: Text(500),
  description: z._default(Text(), ''),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
  personaIds: z._default(z.array(IdSchema), []),
  /** The map's reading direction: a right-to-left map runs its stages from right to left. */
  direction: z._default(DirectionSchema, 'ltr'),
  /**
   * The language the map is written in (since schema 2): its presentation, print/PDF, PNG, CSV and web
   * page speak it, whatever the interface's language. Maps of schema 1 get one from their text.
   */
  language: z._default(LanguageSchema, 'en'),
  stages: z.array(StageSchema).check(z.maxLength(500)),
  lanes: z.array(LaneSchema).check(z.maxLength(200)),
  cards: z.array(CardSchema).check(z.maxLength(50_000)),
  connections: z._default(z.array(ConnectionSchema).check(z.maxLength(50_000)), []),
  /**
   * Comment threads. Optional, so a map without any keeps exactly the form it had (an export
   * round-trips to the byte); the first comment adds the field.
   */
  comments: z.optional(z.array(CommentSchema).check(z.maxLength(20_000))),
  /** The channel catalogue as this map sets it (response targets are editable per map). */
  channels: z._default(z.array(ChannelSchema), () => DEFAULT_CHANNELS.map((c) => ({ ...c }))),
});
export type JourneyMap = z.infer<typeof JourneyMapSchema>;

export const TECH_COMFORT_LEVELS = [1, 2, 3, 4, 5] as const;

export const PersonaSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  name: Text(500),
  /** Id of a Blob in the images table; null shows generated initials. */
  avatarImageId: z._default(z.nullable(IdSchema), null),
  age: z._default(z.nullable(Int(0, 150)), null),
  occupation: z._default(Text(500), ''),
  family: z._default(Text(500), ''),
  location: z._default(Text(500), ''),
  quote: z._default(Text(2000), ''),
  story: z._default(Text(), ''),
  goals: z._default(z.array(Text(2000)), []),
  needs: z._default(z.array(Text(2000)), []),
  motivations: z._default(z.array(Text(2000)), []),
  frustrations: z._default(z.array(Text(2000)), []),
  behaviours: z._default(z.array(Text(2000)), []),
  preferredChannels: z._default(z.array(ChannelIdSchema), []),
  /** 1 (avoids technology) .. 5 (early adopter); null when unknown. */
  techComfort: z._default(z.nullable(Int(1, 5)), null),
  demographics: z._default(Text(), ''),
  psychographics: z._default(Text(), ''),
  createdAt: IsoDateSchema,
  updatedAt: IsoDateSchema,
});
export type Persona = z.infer<typeof PersonaSchema>;

/** Input shapes (fields with defaults may be missing), for building documents in code. */
export type JourneyMapInput = z.input<typeof JourneyMapSchema>;
export type PersonaInput = z.input<typeof PersonaSchema>;
