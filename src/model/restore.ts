/**
 * The one chain every document goes through when it comes from outside the running app
 * (an IndexedDB record, an imported file):
 *
 *   parse (JSON text or a value) → read schemaVersion → newer? (read-only) → migrate step by step
 *   → restore (fill defaults, map safe legacy values, drop unknown fields) → validate (Zod)
 *   → repair what is safe (card orders) → check invariants → the current document, or errors.
 *
 * Modelled on Excalidraw's restore: old and hand-edited documents keep opening; what
 * cannot be read safely is reported with a path and a reason a person can act on
 * ("cards[3].score: expected a whole number from -2 to 2, got "high""), never guessed. The
 * reasons are messages (src/i18n/message.ts) for the interface to word in its language.
 */
import {
  $ZodArray,
  $ZodBoolean,
  $ZodDefault,
  $ZodDiscriminatedUnion,
  $ZodEnum,
  $ZodISODateTime,
  $ZodLiteral,
  $ZodNullable,
  $ZodNumber,
  $ZodObject,
  $ZodOptional,
  $ZodString,
  type $ZodIssue,
  type $ZodType,
} from 'zod/v4/core';
import * as z from 'zod/mini';
import type { I18n } from '../i18n';
import { say, type Message } from '../i18n/message';
import { CHANNEL_IDS } from './channels';
import { mapViolations, type Violation } from './invariants';
import { MAP_MIGRATIONS, PERSONA_MIGRATIONS, readSchemaVersion, runMigrations, type MigrationStep } from './migrations';
import {
  CURRENT_SCHEMA_VERSION,
  JourneyMapSchema,
  KPI_METRICS,
  LANE_KINDS,
  OPPORTUNITY_STATUSES,
  PersonaSchema,
  PRIORITIES,
  SEVERITIES,
  type JourneyMap,
  type Persona,
} from './schema';
import { cellKey } from './cells';

export interface RestoreError {
  /** Where, like `cards[3].score`; '' for the document as a whole. */
  path: string;
  /** Why, for the interface to word: `say(i18n, error.message)`. */
  message: Message;
}

export type RestoreResult<T> =
  /** `migratedFrom`: the stored version, when migration steps ran. */
  | { kind: 'ok'; doc: T; migratedFrom?: number }
  /**
   * Saved by a newer Journeyboard. `raw` is kept untouched; `doc` is a best-effort view
   * in today's shape (unknown fields dropped, schemaVersion set to the current one) when
   * the document is compatible enough to show. Show it read-only; never write it back.
   */
  | { kind: 'newer'; version: number; doc?: T; raw: unknown }
  | { kind: 'invalid'; errors: RestoreError[] };

/** At most this many errors are listed; the rest are counted in a last entry ("and 12 more problems"). */
export const MAX_RESTORE_ERRORS = 20;

export interface RestoreOptions {
  /** The migration registry; tests pass their own. */
  steps?: readonly MigrationStep[];
  /** The version to migrate to; tests pass their own together with `steps`. */
  current?: number;
}

// ---------------------------------------------------------------------------------------
// Public entry points

export function restoreMap(input: unknown, options: RestoreOptions = {}): RestoreResult<JourneyMap> {
  const current = options.current ?? CURRENT_SCHEMA_VERSION;
  return restoreWith(input, {
    what: 'map',
    schema: schemaFor(JourneyMapSchema, current),
    steps: options.steps ?? MAP_MIGRATIONS,
    current,
    prepare: prepareMap,
    finish: finishMap,
    violations: mapViolations,
  });
}

export function restorePersona(input: unknown, options: RestoreOptions = {}): RestoreResult<Persona> {
  const current = options.current ?? CURRENT_SCHEMA_VERSION;
  return restoreWith(input, {
    what: 'persona',
    schema: schemaFor(PersonaSchema, current),
    steps: options.steps ?? PERSONA_MIGRATIONS,
    current,
    prepare: preparePersona,
    finish: (p) => p,
    violations: () => [],
  });
}

/** The errors as lines in `i18n`'s language: "cards[3].score: expected …". */
export function formatRestoreErrors(i18n: I18n, errors: readonly RestoreError[]): string[] {
  return errors.map((e) => sayAtPath(i18n, e));
}

/** One error as a line in `i18n`'s language: "cards[3].score: expected …", or the reason alone for the whole document. */
export function sayAtPath(i18n: I18n, error: { path: string; message: Message }): string {
  const message = say(i18n, error.message);
  return error.path ? i18n._('model.error.atPath', { path: error.path, message }) : message;
}

// ---------------------------------------------------------------------------------------
// The chain

interface DocSpec<T> {
  what: 'map' | 'persona';
  schema: z.ZodMiniType<T>;
  steps: readonly MigrationStep[];
  current: number;
  /** Restore on the raw (migrated) object: safe legacy mappings and fills. Must not mutate. */
  prepare(raw: Record<string, unknown>): Record<string, unknown>;
  /** Safe repairs on the validated document. Returns the same object when nothing changed. */
  finish(doc: T): T;
  violations(doc: T): Violation[];
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function restoreWith<T>(input: unknown, spec: DocSpec<T>): RestoreResult<T> {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return invalid([
        {
          path: '',
          message: spec.what === 'map' ? /*i18n*/ { id: 'model.restore.mapNotJson' } : /*i18n*/ { id: 'model.restore.personaNotJson' },
        },
      ]);
    }
  }
  if (!isObject(value)) {
    const found = show(value);
    return invalid([
      {
        path: '',
        message:
          spec.what === 'map'
            ? /*i18n*/ { id: 'model.restore.mapNotObject', values: { found } }
            : /*i18n*/ { id: 'model.restore.personaNotObject', values: { found } },
      },
    ]);
  }

  const version = readSchemaVersion(value);
  if (version.kind === 'invalid') return invalid([{ path: 'schemaVersion', message: version.message }]);

  if (version.version > spec.current) {
    // Lenient read: the newer document through today's chain, as if it were current.
    // A compatible newer map can be shown; an incompatible one is simply not shown.
    const lenient = validate({ ...value, schemaVersion: spec.current }, spec);
    return lenient.kind === 'ok'
      ? { kind: 'newer', version: version.version, doc: lenient.doc, raw: input }
      : { kind: 'newer', version: version.version, raw: input };
  }

  let doc: Obj = value;
  let migratedFrom: number | undefined;
  if (version.version < spec.current) {
    const migrated = runMigrations(value, version.version, spec.current, spec.steps);
    if (migrated.kind === 'error') return invalid([{ path: 'schemaVersion', message: migrated.message }]);
    doc = migrated.doc;
    migratedFrom = version.version;
  } else if (version.assumed) {
    doc = { ...value, schemaVersion: version.version };
  }

  const result = validate(doc, spec);
  if (result.kind === 'ok' && migratedFrom !== undefined) return { ...result, migratedFrom };
  return result;
}

function validate<T>(raw: Obj, spec: DocSpec<T>): { kind: 'ok'; doc: T } | { kind: 'invalid'; errors: RestoreError[] } {
  const prepared = spec.prepare(raw);
  const parsed = spec.schema.safeParse(prepared);
  if (!parsed.success) {
    return invalid(parsed.error.issues.map((issue) => describeIssue(issue, spec.schema, prepared)));
  }
  const doc = spec.finish(parsed.data);
  const violations = spec.violations(doc);
  if (violations.length > 0) return invalid(violations);
  return { kind: 'ok', doc };
}

function invalid(errors: RestoreError[]): { kind: 'invalid'; errors: RestoreError[] } {
  if (errors.length <= MAX_RESTORE_ERRORS) return { kind: 'invalid', errors };
  const rest = errors.length - MAX_RESTORE_ERRORS;
  return {
    kind: 'invalid',
    errors: [...errors.slice(0, MAX_RESTORE_ERRORS), { path: '', message: /*i18n*/ { id: 'model.restore.moreProblems', values: { count: rest } } }],
  };
}

/** The schema with its version literal replaced, for test registries whose "current" is not the build's. */
function schemaFor<S extends typeof JourneyMapSchema | typeof PersonaSchema>(schema: S, current: number): S {
  if (current === CURRENT_SCHEMA_VERSION) return schema;
  return z.extend(schema, { schemaVersion: z.literal(current) }) as unknown as S;
}

// ---------------------------------------------------------------------------------------
// Restore: safe legacy mappings and fills on the raw object (never mutating it)

/**
 * Enum values that old or hand-edited documents spell differently. Only spellings with one
 * obvious meaning are mapped ('High' → 'high', 'in progress' → 'in-progress', 'twitter' → 'x');
 * an unknown value stays and is reported, because guessing would change what the user wrote.
 */
const ALIASES: Record<string, string> = {
  'in progress': 'in-progress',
  in_progress: 'in-progress',
  inprogress: 'in-progress',
  doing: 'in-progress',
  med: 'medium',
  response_time: 'response-time',
  'response time': 'response-time',
  responsetime: 'response-time',
  twitter: 'x',
  website: 'web',
  'web site': 'web',
  'mobile app': 'app',
  'live chat': 'chat',
  telephone: 'phone',
  'e-mail': 'email',
  mail: 'email',
  touchpoints: 'touchpoint',
  emotions: 'emotion',
  pains: 'pain',
  'pain point': 'pain',
  opportunities: 'opportunity',
  kpis: 'kpi',
};

function normalizeEnum(value: unknown, allowed: readonly string[]): unknown {
  if (typeof value !== 'string' || allowed.includes(value)) return value;
  const key = value.trim().toLowerCase();
  if (allowed.includes(key)) return key;
  const alias = ALIASES[key];
  return alias !== undefined && allowed.includes(alias) ? alias : value;
}

const LANE_KIND_VALUES: readonly string[] = LANE_KINDS;
const CARD_ENUMS: Record<string, readonly string[]> = {
  severity: SEVERITIES,
  status: OPPORTUNITY_STATUSES,
  priority: PRIORITIES,
  impact: PRIORITIES,
  effort: PRIORITIES,
  metric: KPI_METRICS,
  channel: CHANNEL_IDS,
};

/** Missing card orders sort after the given ones, in array order; finishMap makes them dense. */
const UNORDERED = 1_000_000_000;

function prepareMap(raw: Obj): Obj {
  const out: Obj = { ...raw };
  out.direction = normalizeEnum(raw.direction, ['ltr', 'rtl']);
  if (Array.isArray(raw.stages)) {
    out.stages = raw.stages.map((s: unknown) => (isObject(s) && 'color' in s ? { ...s, color: normalizeColor(s.color) } : s));
  }
  if (Array.isArray(raw.lanes)) {
    out.lanes = raw.lanes.map((l: unknown) => (isObject(l) ? { ...l, kind: normalizeEnum(l.kind, LANE_KIND_VALUES) } : l));
  }
  if (Array.isArray(raw.cards)) {
    out.cards = raw.cards.map((c: unknown, i: number) => {
      if (!isObject(c)) return c;
      const card: Obj = { ...c, kind: normalizeEnum(c.kind, LANE_KIND_VALUES) };
      for (const [field, allowed] of Object.entries(CARD_ENUMS)) {
        if (field in card) card[field] = normalizeEnum(card[field], allowed);
      }
      if (card.order === undefined) card.order = UNORDERED + i;
      return card;
    });
  }
  if (Array.isArray(raw.channels)) {
    out.channels = raw.channels.map((ch: unknown) => (isObject(ch) ? { ...ch, id: normalizeEnum(ch.id, CHANNEL_IDS) } : ch));
  }
  if (Array.isArray(raw.personaIds)) out.personaIds = [...new Set(raw.personaIds)];
  // `undefined` keys are dropped so that Zod fills defaults instead of reporting "got nothing".
  return dropUndefined(out);
}

function preparePersona(raw: Obj): Obj {
  const out: Obj = { ...raw };
  if (Array.isArray(raw.preferredChannels)) {
    out.preferredChannels = [...new Set(raw.preferredChannels.map((c: unknown) => normalizeEnum(c, CHANNEL_IDS)))];
  }
  return dropUndefined(out);
}

/** '#ABC' → '#aabbcc'. A colour that is not a colour is dropped: it is cosmetic and the stage falls back to the theme. */
function normalizeColor(value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (/^#[0-9a-fA-F]{6}$/.test(v)) return v;
  const short = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/.exec(v);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  return undefined;
}

function dropUndefined(o: Obj): Obj {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

/** Card orders made dense (0..n-1 per cell, keeping their relative order): safe, it changes nothing a user wrote. */
function finishMap(doc: JourneyMap): JourneyMap {
  const cells = new Map<string, number[]>();
  doc.cards.forEach((c, i) => {
    const key = cellKey(c.stageId, c.laneId);
    const list = cells.get(key) ?? [];
    list.push(i);
    cells.set(key, list);
  });
  const newOrder = new Map<number, number>();
  for (const indexes of cells.values()) {
    const sorted = [...indexes].sort((a, b) => doc.cards[a]!.order - doc.cards[b]!.order || a - b);
    sorted.forEach((cardIndex, order) => {
      if (doc.cards[cardIndex]!.order !== order) newOrder.set(cardIndex, order);
    });
  }
  if (newOrder.size === 0) return doc;
  return { ...doc, cards: doc.cards.map((c, i) => (newOrder.has(i) ? { ...c, order: newOrder.get(i)! } : c)) };
}

// ---------------------------------------------------------------------------------------
// Errors a person can read

type Key = PropertyKey;

export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function valueAt(data: unknown, path: readonly Key[]): unknown {
  let v = data;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<Key, unknown>)[key];
  }
  return v;
}

// The schemas are walked through Zod's core classes and their `def` / `bag`, which every
// Zod flavour shares (the model uses zod/mini, whose schemas have no classic getters).
type Schema = $ZodType;

/** The schema that describes the value at `path` (following the card's kind through the union). */
function schemaAt(root: Schema, data: unknown, path: readonly Key[]): { schema: Schema; nullable: boolean } | undefined {
  let schema: Schema | undefined = root;
  let nullable = false;
  for (let i = 0; i <= path.length; i++) {
    ({ schema, nullable } = unwrap(schema));
    if (i === path.length || !schema) break;
    const key = path[i]!;
    if (schema instanceof $ZodDiscriminatedUnion) {
      const here = valueAt(data, path.slice(0, i));
      schema = isObject(here) ? pickOption(schema, here) : undefined;
      ({ schema, nullable } = unwrap(schema));
      if (!schema) return undefined;
    }
    if (schema instanceof $ZodObject) schema = schema._zod.def.shape[String(key)];
    else if (schema instanceof $ZodArray) schema = schema._zod.def.element;
    else return undefined;
  }
  return schema ? { schema, nullable } : undefined;
}

function unwrap(schema: Schema | undefined): { schema: Schema | undefined; nullable: boolean } {
  let s = schema;
  let nullable = false;
  for (;;) {
    if (s instanceof $ZodDefault || s instanceof $ZodOptional) s = s._zod.def.innerType;
    else if (s instanceof $ZodNullable) {
      nullable = true;
      s = s._zod.def.innerType;
    } else return { schema: s, nullable };
  }
}

function pickOption(union: $ZodDiscriminatedUnion, value: Obj): Schema | undefined {
  const { discriminator, options } = union._zod.def;
  for (const option of options) {
    if (!(option instanceof $ZodObject)) continue;
    const lit = option._zod.def.shape[discriminator];
    if (lit instanceof $ZodLiteral && lit._zod.values.has(value[discriminator] as never)) return option;
  }
  return undefined;
}

/** What was expected there, as a phrase of a message: "a whole number from -2 to 2", or the value itself (a literal). */
function describeSchema(schema: Schema, nullable: boolean, key: Key | undefined): Message | string {
  const phrase = expectedPhrase(schema, key);
  // Numbers, texts and choices say when null would do as well (dates, colours and the rest never did).
  const saysNull =
    schema instanceof $ZodNumber || schema instanceof $ZodEnum || (schema instanceof $ZodString && !(schema instanceof $ZodISODateTime) && key !== 'color');
  return nullable && saysNull ? /*i18n*/ { id: 'model.expect.orNull', values: { expected: phrase } } : phrase;
}

function expectedPhrase(schema: Schema, key: Key | undefined): Message | string {
  if (schema instanceof $ZodNumber) {
    const { min, max, int } = bounds(schema);
    if (min !== undefined && max !== undefined) {
      return int
        ? /*i18n*/ { id: 'model.expect.wholeNumberRange', values: { min, max } }
        : /*i18n*/ { id: 'model.expect.numberRange', values: { min, max } };
    }
    if (min !== undefined) return int ? /*i18n*/ { id: 'model.expect.wholeNumberMin', values: { min } } : /*i18n*/ { id: 'model.expect.numberMin', values: { min } };
    if (max !== undefined) return int ? /*i18n*/ { id: 'model.expect.wholeNumberMax', values: { max } } : /*i18n*/ { id: 'model.expect.numberMax', values: { max } };
    return int ? /*i18n*/ { id: 'model.expect.wholeNumber' } : /*i18n*/ { id: 'model.expect.number' };
  }
  if (schema instanceof $ZodISODateTime) return /*i18n*/ { id: 'model.expect.dateTime', values: { example: '2025-01-15T09:30:00.000Z' } };
  if (schema instanceof $ZodString) {
    if (key === 'color') return /*i18n*/ { id: 'model.expect.colour', values: { example: '#1f3a5f' } };
    const { min = 0, max } = bounds(schema);
    if (max !== undefined && min > 0) return /*i18n*/ { id: 'model.expect.textRange', values: { min, max } };
    if (max !== undefined) return /*i18n*/ { id: 'model.expect.textMax', values: { max } };
    return /*i18n*/ { id: 'model.expect.text' };
  }
  if (schema instanceof $ZodEnum) return oneOf(Object.values(schema._zod.def.entries));
  if (schema instanceof $ZodLiteral) {
    const values = [...schema._zod.values];
    return values.length === 1 ? JSON.stringify(values[0]) : oneOf(values);
  }
  if (schema instanceof $ZodBoolean) return /*i18n*/ { id: 'model.expect.boolean' };
  if (schema instanceof $ZodArray) return /*i18n*/ { id: 'model.expect.list' };
  if (schema instanceof $ZodDiscriminatedUnion) return /*i18n*/ { id: 'model.expect.objectWith', values: { key: schema._zod.def.discriminator } };
  if (schema instanceof $ZodObject) return /*i18n*/ { id: 'model.expect.object' };
  return /*i18n*/ { id: 'model.expect.valid' };
}

/** "one of "low", "medium", "high"": the values are the file's own words (JSON), so they stay as they are. */
function oneOf(options: readonly unknown[]): Message {
  return /*i18n*/ { id: 'model.expect.oneOf', values: { options: options.map((o) => JSON.stringify(o)).join(', ') } };
}

/** Limits of a number or a text, read from its checks (`z.minimum`, `z.maxLength`, `z.int`, …). */
function bounds(schema: Schema): { min?: number; max?: number; int: boolean } {
  const out: { min?: number; max?: number; int: boolean } = { int: false };
  for (const check of schema._zod.def.checks ?? []) {
    const def = check._zod.def as { check: string; value?: unknown; minimum?: number; maximum?: number; format?: string };
    if (def.check === 'number_format') out.int ||= Boolean(def.format?.includes('int'));
    else if (def.check === 'greater_than' && typeof def.value === 'number') out.min = def.value;
    else if (def.check === 'less_than' && typeof def.value === 'number') out.max = def.value;
    else if (def.check === 'min_length') out.min = def.minimum;
    else if (def.check === 'max_length') out.max = def.maximum;
  }
  return out;
}

/** What was found, as a phrase of a message: the value itself where it is short (`"high"`, `42`, `null`), else what it is. */
function show(value: unknown): Message | string {
  if (value === undefined) return /*i18n*/ { id: 'model.found.nothing' };
  if (value === null) return 'null';
  if (typeof value === 'string') {
    if (value.length > 40) return /*i18n*/ { id: 'model.found.text', values: { length: value.length } };
    return JSON.stringify(value);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return /*i18n*/ { id: 'model.found.list', values: { count: value.length } };
  if (typeof value === 'object') return /*i18n*/ { id: 'model.found.object' };
  return typeof value;
}

function describeIssue(issue: $ZodIssue, root: Schema, data: unknown): RestoreError {
  const path = formatPath(issue.path);
  const value = valueAt(data, issue.path);
  const found = schemaAt(root, data, issue.path);
  const key = issue.path[issue.path.length - 1];
  // Where the schema cannot be found (it should always be), Zod's own words say what was expected.
  const expected = found ? describeSchema(found.schema, found.nullable, key) : undefined;
  const got = (what: Message | string) => ({ path, message: /*i18n*/ { id: 'model.restore.expectedGot', values: { expected: what, found: show(value) } } });

  switch (issue.code) {
    case 'invalid_type':
    case 'invalid_value':
    case 'invalid_format':
      if (value === undefined) {
        return {
          path,
          message: expected ? /*i18n*/ { id: 'model.restore.missingExpected', values: { expected } } : /*i18n*/ { id: 'model.restore.missing' },
        };
      }
      return got(expected ?? issue.message);
    case 'too_small':
    case 'too_big': {
      if (issue.origin === 'array' && Array.isArray(value)) {
        return {
          path,
          message:
            issue.code === 'too_big'
              ? /*i18n*/ { id: 'model.restore.tooManyItems', values: { count: value.length, limit: Number(issue.maximum) } }
              : /*i18n*/ { id: 'model.restore.tooFewItems', values: { count: value.length, limit: Number(issue.minimum) } },
        };
      }
      return got(expected ?? issue.message);
    }
    case 'invalid_union': {
      // A card whose kind is unknown: Zod reports it at `cards[i].kind`.
      const disc = 'discriminator' in issue ? issue.discriminator : undefined;
      if (disc !== undefined && 'options' in issue) return got(oneOf(issue.options as unknown[]));
      return got(expected ?? /*i18n*/ { id: 'model.expect.valid' });
    }
    default:
      // A check of our own (a colour's pattern) says what it wants in its message.
      return { path, message: /*i18n*/ { id: 'model.restore.other', values: { reason: issue.message } } };
  }
}
