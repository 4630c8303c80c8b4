/**
 * Journeyboard's own file format: a versioned envelope around maps, personas and their images.
 *
 *   { format: 'journeyboard', schemaVersion, exportedAt, kind: 'map' | 'persona' | 'library',
 *     map?, maps?, personas: [], images: [{ id, type, dataUrl }] }
 *
 * Export writes it from documents; import (`parseImport`) reads untrusted text and runs every document
 * through the same restore -> migrate -> validate chain as loading from storage, so an old file is
 * migrated, a newer one is refused, and a broken one yields a list of `{ path, message }` errors and
 * nothing else, each message for the interface to word (src/i18n/message.ts). Imported text stays
 * data: nothing here (or in the views) treats it as markup.
 */
import type { I18n } from '../i18n';
import type { Message } from '../i18n/message';
import { readSchemaVersion, type MigrationStep } from '../model/migrations';
import { restoreMap, restorePersona, sayAtPath } from '../model/restore';
import { CURRENT_SCHEMA_VERSION, IdSchema, IsoDateSchema, type JourneyMap, type Persona } from '../model/schema';
import { fileStem, isoDay } from './filename';
import {
  DEFAULT_MAX_IMPORT_BYTES,
  MAX_BACKUP_IMPORT_BYTES,
  ENVELOPE_KINDS,
  EnvelopeSchema,
  ExportImageSchema,
  FORMAT_NAME,
  type Envelope,
  type EnvelopeKind,
} from './format';
import { findJsonSyntaxError, nestedDeeperThan } from './jsonPosition';
import { formatSize, formatSizeAgainst } from '../app/format';
import { checkDataUrl, IMAGE_TYPES, isImageType, type ExportImage } from './images';
import { extractEnvelopeText, looksLikeHtml } from './webPage';

export { DEFAULT_MAX_IMPORT_BYTES, ENVELOPE_KINDS, EnvelopeSchema, ExportImageSchema, FORMAT_NAME, MAX_BACKUP_IMPORT_BYTES };
export type { Envelope, EnvelopeKind };

export interface ExportFile {
  filename: string;
  text: string;
  mimeType: 'application/json';
}

function write(envelope: Envelope, filename: string): ExportFile {
  return { filename, text: `${JSON.stringify(envelope, null, 2)}\n`, mimeType: 'application/json' };
}

function base(now: Date) {
  return { format: FORMAT_NAME, schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: now.toISOString() } as const;
}

/** Only the images the personas use travel with them. */
function imagesFor(personas: readonly Persona[], images: readonly ExportImage[]): ExportImage[] {
  const used = new Set(personas.map((p) => p.avatarImageId).filter((id): id is string => id !== null));
  const seen = new Set<string>();
  return images.filter((img) => used.has(img.id) && !seen.has(img.id) && (seen.add(img.id), true));
}

/** `<title>.journey.json`: the map, its personas and their photos. */
export function exportMapFile(
  map: JourneyMap,
  personas: readonly Persona[],
  images: readonly ExportImage[] = [],
  now: Date = new Date(),
): ExportFile {
  const linked = new Set(map.personaIds);
  const own = personas.filter((p) => linked.has(p.id));
  return write(
    { ...base(now), kind: 'map', map, personas: own, images: imagesFor(own, images) },
    `${fileStem(map.title)}.journey.json`,
  );
}

/** `<name>.persona.json`: one persona and its photo. */
export function exportPersonaFile(persona: Persona, images: readonly ExportImage[] = [], now: Date = new Date()): ExportFile {
  return write(
    { ...base(now), kind: 'persona', personas: [persona], images: imagesFor([persona], images) },
    `${fileStem(persona.name, 'persona')}.persona.json`,
  );
}

/** `journeyboard-backup-YYYY-MM-DD.json`: every map, every persona, every photo a persona uses. */
export function exportLibraryFile(
  maps: readonly JourneyMap[],
  personas: readonly Persona[],
  images: readonly ExportImage[] = [],
  now: Date = new Date(),
): ExportFile {
  return write(
    { ...base(now), kind: 'library', maps: [...maps], personas: [...personas], images: imagesFor(personas, images) },
    `journeyboard-backup-${isoDay(now)}.json`,
  );
}

/**
 * Could this backup be restored by importing it? No when it is larger than an import reads
 * (MAX_BACKUP_IMPORT_BYTES): the caller should warn before writing it.
 */
export function backupTooLargeToRestore(
  file: ExportFile,
  maxBackupBytes: number = MAX_BACKUP_IMPORT_BYTES,
): { bytes: number; maxBytes: number } | null {
  const bytes = utf8Length(file.text, maxBackupBytes);
  return bytes > maxBackupBytes ? { bytes: utf8Length(file.text, Infinity), maxBytes: maxBackupBytes } : null;
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportError {
  path: string;
  /** Why, for the interface to word: `say(i18n, error.message)`. */
  message: Message;
}

export type ImportFailure = 'too-large' | 'not-json' | 'not-journeyboard' | 'newer' | 'invalid';

export type ImportResult =
  | {
      kind: 'ok';
      /** What the file was: one map (with its personas), one persona, or a library backup. */
      source: EnvelopeKind;
      exportedAt: string | null;
      maps: JourneyMap[];
      personas: Persona[];
      images: ExportImage[];
    }
  | { kind: 'error'; reason: ImportFailure; errors: ImportError[] };

export interface ImportOptions {
  /** The limit for map and persona files (DEFAULT_MAX_IMPORT_BYTES). */
  maxBytes?: number;
  /** The limit for library backups (MAX_BACKUP_IMPORT_BYTES). */
  maxBackupBytes?: number;
  /**
   * The migration registries and the version they lead to; tests pass their own (as they do to
   * restoreMap), to see an import run real steps. The app always uses the build's.
   */
  migrations?: { current: number; map?: readonly MigrationStep[]; persona?: readonly MigrationStep[] };
}

function fail(reason: ImportFailure, errors: ImportError[]): ImportResult {
  return { kind: 'error', reason, errors };
}

export { formatSize };

function tooLarge(size: number, maxBytes: number, backup = false): ImportResult {
  const values = formatSizeAgainst(size, maxBytes);
  return fail('too-large', [
    {
      path: '',
      message: backup ? /*i18n*/ { id: 'import.tooLarge.backup', values } : /*i18n*/ { id: 'import.tooLarge.file', values },
    },
  ]);
}

/**
 * Deeper than any Journeyboard file (an envelope, a map, a card, its fields: under ten levels). A
 * deeper file is hostile or damaged; refusing it before JSON.parse keeps every later step (which may
 * recurse) on data of a bounded depth.
 */
export const MAX_JSON_DEPTH = 64;

/** A character as a message can show it: invisible ones by name and code point, others as JSON ("x"). */
function describeChar(ch: string): Message | string {
  if (ch === '\uFEFF') return /*i18n*/ { id: 'import.char.byteOrderMark' };
  if (/^[\p{Cc}\p{Cf}\p{Z}]$/u.test(ch) && ch !== ' ') {
    const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return /*i18n*/ { id: 'import.char.invisible', values: { code } };
  }
  return JSON.stringify(ch);
}

/**
 * Does the start of a file say it is a library backup? The writer puts `kind` among the first
 * top-level keys (after format, schemaVersion, exportedAt), so the first few KB tell, without
 * reading or parsing a large file. Only a hint for which size limit applies: once the file is
 * parsed, a file that is not a backup is held to the smaller limit again.
 */
function saysBackup(start: string): boolean {
  return /^\uFEFF?\s*\{[^{}[\]]*?"kind"\s*:\s*"library"/u.test(start);
}

const SNIFF_CHARS = 4096;

/** UTF-8 length of a string, counting no further than `limit + 1`. */
function utf8Length(text: string, limit: number): number {
  let n = 0;
  for (let i = 0; i < text.length && n <= limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

/** A JSON.parse failure as a sentence with a line and column. */
function describeJsonError(text: string, err: unknown): ImportError {
  const problem = findJsonSyntaxError(text);
  if (problem?.truncated) {
    const where = lineAndColumn(text, text.length);
    return { path: '', message: /*i18n*/ { id: 'import.truncated', values: { line: where.line, column: where.column } } };
  }
  if (problem) {
    const where = lineAndColumn(text, problem.offset);
    const found = Array.from(text.slice(problem.offset, problem.offset + 12))[0] ?? '';
    return { path: '', message: /*i18n*/ { id: 'import.notJsonAt', values: { line: where.line, column: where.column, found: describeChar(found) } } };
  }
  // The engine's own words (English in every engine), inside the sentence.
  const reason = err instanceof Error ? err.message : String(err);
  return { path: '', message: /*i18n*/ { id: 'import.notJson', values: { reason } } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function joinPath(prefix: string, path: string | number | readonly (string | number)[] | undefined): string {
  const parts = Array.isArray(path) ? path : path === undefined || path === '' ? [] : [path];
  let out = prefix;
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^\[/.test(part)) out += part;
    else out += out ? `.${part}` : part;
  }
  return out;
}

/** A document of the file (at `path`) that a newer Journeyboard wrote. */
interface NewerDocument {
  path: string;
  what: 'map' | 'persona';
  version: number;
}

function newerDocumentMessage({ what, version }: NewerDocument): Message {
  return what === 'map'
    ? /*i18n*/ { id: 'import.newerMap', values: { version } }
    : /*i18n*/ { id: 'import.newerPersona', values: { version } };
}

type Restored<T> = { kind: 'ok'; doc: T } | { kind: 'newer'; version: number } | { kind: 'invalid'; errors: ImportError[] };

function restoreInto<T>(
  restore: (input: unknown) => unknown,
  input: unknown,
  prefix: string,
  what: NewerDocument['what'],
  errors: ImportError[],
  newer: NewerDocument[],
): T | null {
  const result = restore(input) as Restored<T>;
  if (result.kind === 'ok') return result.doc;
  if (result.kind === 'newer') {
    newer.push({ path: prefix, what, version: result.version });
    return null;
  }
  for (const e of result.errors) errors.push({ path: joinPath(prefix, e.path), message: e.message });
  return null;
}

const DUPLICATE_IDS = {
  map: /*i18n*/ 'import.duplicate.map',
  persona: /*i18n*/ 'import.duplicate.persona',
  image: /*i18n*/ 'import.duplicate.image',
} as const;

function duplicates(ids: readonly string[], what: keyof typeof DUPLICATE_IDS, path: (i: number) => string, errors: ImportError[]) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) errors.push({ path: path(i), message: { id: DUPLICATE_IDS[what], values: { id } } });
    seen.add(id);
  });
}

/**
 * Reads a Journeyboard file. Never throws; stores nothing. Either every document of the file comes
 * back restored (migrated, defaults filled, invariants checked), or the errors say where and why.
 */
export function parseImport(
  text: string,
  { maxBytes = DEFAULT_MAX_IMPORT_BYTES, maxBackupBytes = Math.max(maxBytes, MAX_BACKUP_IMPORT_BYTES), migrations }: ImportOptions = {},
): ImportResult {
  const current = migrations?.current ?? CURRENT_SCHEMA_VERSION;
  const readMap = (input: unknown) =>
    migrations ? restoreMap(input, { current, ...(migrations.map ? { steps: migrations.map } : {}) }) : restoreMap(input);
  const readPersona = (input: unknown) =>
    migrations ? restorePersona(input, { current, ...(migrations.persona ? { steps: migrations.persona } : {}) }) : restorePersona(input);
  if (typeof text !== 'string') return fail('not-json', [{ path: '', message: /*i18n*/ { id: 'import.notText' } }]);
  // A library backup may be larger than a map file (see MAX_BACKUP_IMPORT_BYTES).
  const backup = saysBackup(text.slice(0, SNIFF_CHARS));
  const limit = backup ? maxBackupBytes : maxBytes;
  // Each UTF-16 unit is at least one UTF-8 byte: a string longer than the limit is too large without counting.
  if (text.length > limit) return tooLarge(text.length, limit, backup);
  const bytes = utf8Length(text, limit);
  if (bytes > limit) return tooLarge(bytes, limit, backup);

  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('not-json', [{ path: '', message: /*i18n*/ { id: 'import.empty' } }]);
  if (nestedDeeperThan(body, MAX_JSON_DEPTH)) {
    return fail('not-journeyboard', [{ path: '', message: /*i18n*/ { id: 'import.tooDeep', values: { depth: MAX_JSON_DEPTH } } }]);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    return fail('not-json', [describeJsonError(body, err)]);
  }

  if (!isObject(json) || json.format !== FORMAT_NAME) {
    const format = isObject(json) && typeof json.format === 'string' ? json.format.slice(0, 60) : null;
    return fail('not-journeyboard', [
      {
        path: 'format',
        message:
          format === null
            ? /*i18n*/ { id: 'import.notJourneyboard' }
            : /*i18n*/ { id: 'import.notJourneyboardFormat', values: { format } },
      },
    ]);
  }
  // One rule for the envelope and the documents in it (src/model/migrations.ts readSchemaVersion): a
  // missing schemaVersion is read as the first version, anything but a whole number >= 1 is refused.
  // Only hand-written files lack it; the documents then run the full chain (migrations from version
  // 1, defaults, validation), so guessing "oldest" is safe, and a file whose envelope and documents
  // both lack the field opens the same way as such a document loaded on its own.
  const envelopeVersion = readSchemaVersion(json);
  if (envelopeVersion.kind === 'invalid') return fail('invalid', [{ path: 'schemaVersion', message: envelopeVersion.message }]);
  const version = envelopeVersion.version;
  if (version > current) {
    return fail('newer', [{ path: 'schemaVersion', message: /*i18n*/ { id: 'import.newerFile', values: { version } } }]);
  }

  const kind = json.kind;
  if (typeof kind !== 'string' || !(ENVELOPE_KINDS as readonly string[]).includes(kind)) {
    return fail('invalid', [
      { path: 'kind', message: /*i18n*/ { id: 'import.kind.invalid', values: { kinds: ENVELOPE_KINDS.map((k) => `"${k}"`).join(', ') } } },
    ]);
  }
  const source = kind as EnvelopeKind;
  // The start looked like a backup but the file is not one: the map/persona limit holds.
  if (source !== 'library' && bytes > maxBytes) return tooLarge(bytes, maxBytes);
  const errors: ImportError[] = [];
  let exportedAt: string | null = null;
  if (json.exportedAt !== undefined) {
    if (IsoDateSchema.safeParse(json.exportedAt).success) exportedAt = json.exportedAt as string;
    else errors.push({ path: 'exportedAt', message: /*i18n*/ { id: 'import.exportedAt.invalid' } });
  }

  const list = (key: string, required: boolean): unknown[] => {
    const value = json[key];
    if (value === undefined && !required) return [];
    if (!Array.isArray(value)) {
      errors.push({ path: key, message: value === undefined ? /*i18n*/ { id: 'import.field.missing' } : /*i18n*/ { id: 'import.field.notList' } });
      return [];
    }
    return value;
  };

  const rawMaps: { value: unknown; path: string }[] = [];
  if (source === 'map') {
    if (!isObject(json.map)) {
      errors.push({ path: 'map', message: json.map === undefined ? /*i18n*/ { id: 'import.field.missing' } : /*i18n*/ { id: 'import.field.notObject' } });
    }
    else rawMaps.push({ value: json.map, path: 'map' });
  } else if (source === 'library') {
    list('maps', true).forEach((value, i) => rawMaps.push({ value, path: `maps[${i}]` }));
  }
  const rawPersonas = list('personas', source !== 'map');
  if (source === 'persona' && rawPersonas.length !== 1 && errors.length === 0) {
    errors.push({ path: 'personas', message: /*i18n*/ { id: 'import.personaFile.count', values: { count: rawPersonas.length } } });
  }
  const rawImages = list('images', false);

  const newer: NewerDocument[] = [];
  const maps: JourneyMap[] = [];
  for (const { value, path } of rawMaps) {
    const doc = restoreInto<JourneyMap>(readMap, value, path, 'map', errors, newer);
    if (doc) maps.push(doc);
  }
  const personas: Persona[] = [];
  rawPersonas.forEach((value, i) => {
    const doc = restoreInto<Persona>(readPersona, value, `personas[${i}]`, 'persona', errors, newer);
    if (doc) personas.push(doc);
  });
  // A newer document inside a current envelope: say which one ("maps[2]: this map was made by …").
  if (newer.length > 0) return fail('newer', newer.map((doc) => ({ path: doc.path, message: newerDocumentMessage(doc) })));

  const images: ExportImage[] = [];
  rawImages.forEach((value, i) => {
    const path = `images[${i}]`;
    if (!isObject(value)) {
      errors.push({ path, message: /*i18n*/ { id: 'import.image.notObject' } });
      return;
    }
    const id = IdSchema.safeParse(value.id);
    if (!id.success) errors.push({ path: `${path}.id`, message: /*i18n*/ { id: 'import.image.badId' } });
    if (!isImageType(value.type)) {
      errors.push({ path: `${path}.type`, message: /*i18n*/ { id: 'import.image.badType', values: { types: IMAGE_TYPES.join(', ') } } });
    }
    const problem = checkDataUrl(value.dataUrl, isImageType(value.type) ? value.type : undefined);
    if (problem) errors.push({ path: `${path}.dataUrl`, message: problem });
    if (id.success && isImageType(value.type) && !problem) {
      images.push({ id: id.data, type: value.type, dataUrl: value.dataUrl as string });
    }
  });

  duplicates(maps.map((m) => m.id), 'map', (i) => `${rawMaps[i]?.path ?? 'maps'}.id`, errors);
  duplicates(personas.map((p) => p.id), 'persona', (i) => `personas[${i}].id`, errors);
  duplicates(images.map((img) => img.id), 'image', (i) => `images[${i}].id`, errors);

  if (errors.length > 0) return fail('invalid', errors);
  return { kind: 'ok', source, exportedAt, maps, personas, images };
}

function readBlobText(blob: Blob): Promise<string> {
  if (typeof blob.text === 'function') return blob.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** parseImport for a picked or dropped file: a file over the limit is refused before it is read. */
/**
 * Room a web page takes beyond the map file it carries: the viewer (about 340 KB) and the fonts of
 * the map's scripts (up to about 300 KB as base64), with plenty to spare.
 */
export const WEB_PAGE_EXTRA_BYTES = 4 * 1024 * 1024;

function isWebPageFile(file: Blob): boolean {
  const name = typeof (file as Partial<File>).name === 'string' ? (file as File).name : '';
  return /\.html?$/i.test(name) || file.type === 'text/html';
}

/**
 * A web page made by "Export web page": the export envelope it carries, read as a JSON import is
 * (the same chain, the same limits on the map file). Any other page is refused with a message.
 */
export function parseWebPage(html: string, options: ImportOptions = {}): ImportResult {
  const envelope = extractEnvelopeText(html);
  if (envelope === null) {
    return fail('not-journeyboard', [{ path: '', message: /*i18n*/ { id: 'import.webPage.noMap' } }]);
  }
  return parseImport(envelope, options);
}

export async function parseImportFile(file: Blob, options: ImportOptions = {}): Promise<ImportResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_IMPORT_BYTES;
  const maxBackupBytes = options.maxBackupBytes ?? Math.max(maxBytes, MAX_BACKUP_IMPORT_BYTES);
  let text: string;
  if (isWebPageFile(file)) {
    const limit = maxBytes + WEB_PAGE_EXTRA_BYTES;
    if (file.size > limit) return tooLarge(file.size, limit);
    try {
      text = await readBlobText(file);
    } catch {
      return fail('not-json', [{ path: '', message: /*i18n*/ { id: 'import.unreadable' } }]);
    }
    return parseWebPage(text, { ...options, maxBytes, maxBackupBytes });
  }
  try {
    if (file.size > maxBytes) {
      // Larger than a map file may be: read only the start, to see whether it is a backup.
      const backup = saysBackup(await readBlobText(file.slice(0, SNIFF_CHARS)));
      if (!backup) return tooLarge(file.size, maxBytes);
      if (file.size > maxBackupBytes) return tooLarge(file.size, maxBackupBytes, true);
    }
    text = await readBlobText(file);
  } catch {
    return fail('not-json', [{ path: '', message: /*i18n*/ { id: 'import.unreadable' } }]);
  }
  // A web page under another name (saved as .json, or without an extension).
  if (looksLikeHtml(text.slice(0, SNIFF_CHARS))) return parseWebPage(text, { ...options, maxBytes, maxBackupBytes });
  return parseImport(text, { ...options, maxBytes, maxBackupBytes });
}

/** The errors of a failed import as lines in `i18n`'s language ("map.cards[3].score: must be ..."). */
export function formatImportErrors(i18n: I18n, errors: readonly ImportError[], max = 20): string[] {
  const lines = errors.slice(0, max).map((e) => sayAtPath(i18n, e));
  if (errors.length > max) lines.push(i18n._('import.moreErrors', { count: errors.length - max }));
  return lines;
}
