/**
 * Numbered, step-by-step migrations of stored and exported documents.
 *
 * Every document carries `schemaVersion`. A document of version n is brought to the
 * current version by running the steps n→n+1, n+1→n+2, … in order, each a named pure
 * function. Loading from IndexedDB and importing a file run the same chain
 * (src/model/restore.ts), so an old backup and an old database record open alike.
 *
 * Adding a version (say 1 → 2), in one place:
 *   1. Copy the version-1 shape into this file as frozen types (`interface MapV1 {...}`),
 *      written out by hand, never `z.infer` of the live schema: the live schema moves on,
 *      a migration must keep describing the data it was written for.
 *   2. Add one entry per document kind to MAP_MIGRATIONS / PERSONA_MIGRATIONS:
 *        defineStep<MapV1, MapV2>({ from: 1, to: 2, name: 'stage-colour-to-theme', migrate: (old) => ({ ... }) })
 *      A kind whose shape did not change still gets a step (`unchangedStep(1, 'persona-unchanged')`),
 *      so the registry is visibly complete.
 *   3. Raise CURRENT_SCHEMA_VERSION in schema.ts, add tests/fixtures/v2/*.json and a
 *      before/after test for the step. tests/model/migrations.test.ts fails until the
 *      registry covers every version from 1 to the current one.
 *
 * The machinery sets `schemaVersion` to `step.to` after each step, so a step cannot forget it.
 */
import type { Message } from '../i18n/message';
import { CURRENT_SCHEMA_VERSION } from './schema';
import { guessLocale, type Locale } from '../i18n/locales';

/** The first schema version that was ever written. Documents without a `schemaVersion` are read as this one. */
export const FIRST_SCHEMA_VERSION = 1;

export interface MigrationStep {
  from: number;
  to: number;
  /** Short, unique, kebab-case: it is reported (migratedFrom, test output) and kept in git history. */
  name: string;
  /** Pure: returns a new object, never changes its input. Receives an object with `schemaVersion === from`. */
  migrate(old: Record<string, unknown>): Record<string, unknown>;
}

/**
 * A step typed against frozen copies of the old and new shapes. The registry stores it
 * untyped because its entries span many versions; the types help the step's author.
 */
export function defineStep<Old extends object, New extends object>(step: {
  from: number;
  to: number;
  name: string;
  migrate(old: Old): New;
}): MigrationStep {
  return {
    from: step.from,
    to: step.to,
    name: step.name,
    migrate: (old) => step.migrate(old as unknown as Old) as unknown as Record<string, unknown>,
  };
}

/** A step for a document kind whose shape did not change in this version (only the number moves). */
export function unchangedStep(from: number, name: string): MigrationStep {
  return { from, to: from + 1, name, migrate: (old) => ({ ...old }) };
}

/** The parts of a schema-1 map that step 1 -> 2 reads (frozen: the live schema moves on). */
interface MapV1 {
  schemaVersion: 1;
  title?: string;
  description?: string;
  stages?: { name?: string; description?: string }[];
  lanes?: { title?: string }[];
  cards?: { text?: string }[];
  [field: string]: unknown;
}

interface MapV2 extends Omit<MapV1, 'schemaVersion'> {
  schemaVersion: 2;
  language: Locale;
}

/** Journey maps. */
export const MAP_MIGRATIONS: readonly MigrationStep[] = [
  // Maps got a language: a map of schema 1 gets the one its own text is written in.
  defineStep<MapV1, MapV2>({
    from: 1,
    to: 2,
    name: 'map-language-from-text',
    migrate: (old) => {
      // Any shape may come in (validation runs after the chain): read only what is there.
      const list = <T,>(v: T[] | undefined): Partial<T>[] => (Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' ? x : {})) : []);
      const texts = [
        old.title,
        old.description,
        ...list(old.stages).flatMap((s) => [s.name, s.description]),
        ...list(old.lanes).map((l) => l.title),
        ...list(old.cards).map((c) => c.text),
      ];
      const text = texts.filter((t): t is string => typeof t === 'string').join('\n');
      return { ...old, schemaVersion: 2, language: guessLocale(text) };
    },
  }),
];
/** Personas. */
export const PERSONA_MIGRATIONS: readonly MigrationStep[] = [unchangedStep(1, 'persona-unchanged-map-language')];

export type SchemaVersionRead =
  | { kind: 'ok'; version: number; assumed: boolean }
  | { kind: 'invalid'; message: Message };

/**
 * Reads `schemaVersion` from an unknown object.
 *
 * Missing → FIRST_SCHEMA_VERSION (`assumed: true`). Decision: the field existed from the
 * first release, so only hand-written or hand-edited files lack it; reading them as the
 * oldest version is the safest guess, because the full chain (migrations + validation)
 * still runs, and a non-document fails validation with ordinary errors.
 * Anything other than a whole number ≥ 1 is refused: guessing would risk running the
 * wrong migrations on real data.
 */
export function readSchemaVersion(input: Record<string, unknown>): SchemaVersionRead {
  const v = input.schemaVersion;
  if (v === undefined) return { kind: 'ok', version: FIRST_SCHEMA_VERSION, assumed: true };
  if (typeof v !== 'number' || !Number.isInteger(v) || v < FIRST_SCHEMA_VERSION) {
    return { kind: 'invalid', message: /*i18n*/ { id: 'model.schemaVersion.invalid', values: { found: describeFound(v) } } };
  }
  return { kind: 'ok', version: v, assumed: false };
}

/**
 * What a field holds, in a few words for a message: a short excerpt of text, the number, or the kind of
 * value. Never the value whole: a list of megabytes (or nested thousands deep) must not become the message.
 * The value itself as text (`"two"`, `3`, `null`) where it is short, else a message (src/i18n/message.ts).
 */
export function describeFound(v: unknown): string | Message {
  if (typeof v === 'string') {
    if (v.length <= 40) return `"${v}"`;
    return /*i18n*/ { id: 'model.found.longText', values: { excerpt: Array.from(v).slice(0, 40).join(''), length: v.length } };
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return /*i18n*/ { id: 'model.found.listOfItems', values: { count: v.length } };
  if (typeof v === 'object') return /*i18n*/ { id: 'model.found.object' };
  return typeof v;
}

export type MigrateResult =
  | { kind: 'ok'; doc: Record<string, unknown>; applied: string[] }
  | { kind: 'error'; message: Message };

/**
 * Runs the steps from `from` up to `to`, in order. A missing step or a step that throws
 * is an error (never a silent skip: the document would then be read with the wrong shape).
 * `onStep` lets tests observe the order.
 */
export function runMigrations(
  doc: Record<string, unknown>,
  from: number,
  to: number,
  steps: readonly MigrationStep[],
  onStep?: (step: MigrationStep) => void,
): MigrateResult {
  const applied: string[] = [];
  let current: Record<string, unknown> = { ...doc, schemaVersion: from };
  for (let v = from; v < to; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step || step.to !== v + 1) {
      return { kind: 'error', message: /*i18n*/ { id: 'model.migration.missingStep', values: { version: v, next: v + 1 } } };
    }
    try {
      current = { ...step.migrate(current), schemaVersion: step.to };
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      // The step's own words (a programming error) stay as they are, inside the sentence.
      return { kind: 'error', message: /*i18n*/ { id: 'model.migration.stepFailed', values: { version: v, step: step.name, reason } } };
    }
    onStep?.(step);
    applied.push(step.name);
  }
  return { kind: 'ok', doc: current, applied };
}

/**
 * Problems with a registry (gaps, duplicates, steps that skip versions); empty when it is sound. For
 * the developer adding a step (tests run it), so in English, not in the catalogues.
 */
export function registryProblems(steps: readonly MigrationStep[], current = CURRENT_SCHEMA_VERSION): string[] {
  const out: string[] = [];
  const names = new Set<string>();
  for (const s of steps) {
    if (s.to !== s.from + 1) out.push(`step "${s.name}" goes from ${s.from} to ${s.to}; a step moves exactly one version`);
    if (names.has(s.name)) out.push(`step name "${s.name}" is used twice`);
    names.add(s.name);
  }
  for (let v = FIRST_SCHEMA_VERSION; v < current; v++) {
    const found = steps.filter((s) => s.from === v);
    if (found.length === 0) out.push(`no step from version ${v} to ${v + 1}`);
    if (found.length > 1) out.push(`${found.length} steps start at version ${v}`);
  }
  for (const s of steps) {
    if (s.from >= current) out.push(`step "${s.name}" starts at version ${s.from}, at or past the current version ${current}`);
  }
  return out;
}
