/**
 * Making new documents: an empty map, a persona, and `buildMap`, which turns a
 * readable blueprint (entities referred to by short keys) into a map with fresh ids.
 * Templates and samples are blueprints, so every build() gives new ids.
 */
import type { Locale } from '../i18n/locales';
import { defaultChannels } from './channels';
import { newId } from './ids';
import { mapViolations } from './invariants';
import type { CardPatch } from './operations';
import {
  CURRENT_SCHEMA_VERSION,
  JourneyMapSchema,
  PersonaSchema,
  type Direction,
  type JourneyMap,
  type LaneKind,
  type Persona,
  type PersonaInput,
} from './schema';

export interface StageSpec {
  /** How cards, loops and other specs refer to this stage; not stored. */
  key?: string;
  name: string;
  description?: string;
  color?: string;
  notes?: string;
  /** Key of an earlier stage this one leads back to. */
  loopsTo?: string;
}

export interface LaneSpec {
  key?: string;
  kind: LaneKind;
  title: string;
}

/** A card in a blueprint: its kind is its lane's, its order is its place in the list. */
export type CardSpec = Omit<CardPatch, 'touchpointId'> & {
  key?: string;
  stage: string;
  lane: string;
  /** Key of the touchpoint card a pain card is felt at. */
  touchpoint?: string;
};

export interface ConnectionSpec {
  from: string;
  to: string;
  label?: string;
}

export interface MapBlueprint {
  title: string;
  description?: string;
  direction?: Direction;
  /** The language the map is written in; English when not said. */
  language?: Locale;
  personaIds?: readonly string[];
  stages: readonly StageSpec[];
  lanes: readonly LaneSpec[];
  cards?: readonly CardSpec[];
  connections?: readonly ConnectionSpec[];
}

function isoNow(now: Date | string): string {
  return typeof now === 'string' ? now : now.toISOString();
}

/**
 * A blueprint is code, not user input: a broken one is a programming error, so
 * this throws (and the template tests catch it) instead of returning a bad map. Its
 * message is for the developer: in English, naming the rules broken by their message ids.
 */
export function buildMap(bp: MapBlueprint, now: Date | string = new Date()): JourneyMap {
  const ids = new Map<string, string>();
  const idFor = (key: string | undefined) => {
    const id = newId();
    if (key !== undefined) {
      if (ids.has(key)) throw new Error(`blueprint key "${key}" is used twice`);
      ids.set(key, id);
    }
    return id;
  };
  const ref = (key: string) => {
    const id = ids.get(key);
    if (id === undefined) throw new Error(`blueprint refers to unknown key "${key}"`);
    return id;
  };

  const stages = bp.stages.map((s) => ({ ...s, id: idFor(s.key) }));
  const lanes = bp.lanes.map((l) => ({ id: idFor(l.key), kind: l.kind, title: l.title }));
  const laneKind = new Map(lanes.map((l) => [l.id, l.kind]));
  const cellSize = new Map<string, number>();
  const cards = (bp.cards ?? []).map((spec) => {
    const { key, stage, lane, touchpoint, ...fields } = spec;
    const stageId = ref(stage);
    const laneId = ref(lane);
    const cell = `${stageId}/${laneId}`;
    const order = cellSize.get(cell) ?? 0;
    cellSize.set(cell, order + 1);
    return { ...fields, id: idFor(key), stageId, laneId, order, kind: laneKind.get(laneId), touchpoint };
  });
  const at = isoNow(now);
  const doc = JourneyMapSchema.parse({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(),
    title: bp.title,
    description: bp.description,
    direction: bp.direction,
    language: bp.language,
    channels: defaultChannels(bp.language),
    personaIds: bp.personaIds ? [...bp.personaIds] : undefined,
    createdAt: at,
    updatedAt: at,
    stages: stages.map(({ key: _key, loopsTo, ...s }) => (loopsTo === undefined ? s : { ...s, loopsTo: ref(loopsTo) })),
    lanes,
    cards: cards.map(({ touchpoint, ...c }) => (touchpoint === undefined ? c : { ...c, touchpointId: ref(touchpoint) })),
    connections: (bp.connections ?? []).map((k) => ({ id: newId(), from: ref(k.from), to: ref(k.to), label: k.label })),
  });
  const problems = mapViolations(doc);
  if (problems.length > 0) {
    throw new Error(`blueprint "${bp.title}" breaks the map rules: ${problems.map((p) => `${p.path}: ${p.message.id}`).join('; ')}`);
  }
  return doc;
}

export interface NewMapInput {
  title: string;
  description?: string;
  direction?: Direction;
  language?: Locale;
  /** Stage names, or stage specs; none by default. */
  stages?: ReadonlyArray<string | Omit<StageSpec, 'loopsTo'>>;
  lanes?: readonly LaneSpec[];
  personaIds?: readonly string[];
}

/** A new map, with the default channel catalogue and no cards. */
export function createMap(input: NewMapInput, now: Date | string = new Date()): JourneyMap {
  return buildMap(
    {
      ...input,
      stages: (input.stages ?? []).map((s) => (typeof s === 'string' ? { name: s } : { ...s, key: undefined })),
      lanes: (input.lanes ?? []).map((l) => ({ ...l, key: undefined })),
    },
    now,
  );
}

export type NewPersonaInput = Omit<PersonaInput, 'id' | 'schemaVersion' | 'createdAt' | 'updatedAt'> & { id?: string };

/** A new persona; every field but the name may be left out. Throws on values the schema rejects. */
export function createPersona(input: NewPersonaInput, now: Date | string = new Date()): Persona {
  const at = isoNow(now);
  return PersonaSchema.parse({
    ...input,
    id: input.id ?? newId(),
    schemaVersion: CURRENT_SCHEMA_VERSION,
    createdAt: at,
    updatedAt: at,
  });
}
