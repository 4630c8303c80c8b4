/**
 * CSV export: one `<title>.zip` holding three spreadsheets of the map, so that nothing of it is lost:
 *
 * - cards.csv: one row per card, in reading order (stage by stage, lane by lane, card order), with
 *   every field of every kind (a column that does not apply to a card's kind stays empty) and the
 *   card's id, which connections.csv and the pain points' "Touchpoint id" refer to;
 * - personas.csv: the map's personas, every text field (lists one item a line), no photos;
 * - connections.csv: the arrows, from card and to card (id and text), label and whose path it is.
 *
 * Each file is RFC 4180 (commas, CRLF, fields with a quote, comma or line break are quoted and quotes
 * doubled), UTF-8 with a byte-order mark so that Excel shows Thai, Persian and Vietnamese correctly,
 * and guarded against formula injection: a text cell that starts with = + - @ (or a tab / carriage
 * return) gets a leading apostrophe so a spreadsheet shows it as text instead of running it.
 *
 * Every cell is either text, which always goes through guardFormula (whatever its source: a card,
 * the map's own channel catalogue, our labels), or a number we format ourselves, which cannot start
 * a formula and stays a number for the spreadsheet ("-1" is minus one, not text).
 *
 * Headers and value labels (kind, severity, status, levels, KPI metric) come from src/editor/labels.ts,
 * the one home of display words, worded by the `i18n` given: the map's language
 * (i18nFor(mapLocale(map))), whatever the interface's, so a Persian map's spreadsheet is Persian.
 * Numbers stay plain numbers (a spreadsheet computes with them), in ASCII digits.
 *
 * The zip (fflate, loaded on demand) dates its files with the map's updatedAt, so the same map always
 * gives the same bytes: a re-export does not look changed to a diff or a backup tool.
 */
import {
  CARD_COLUMN_LABEL_IDS,
  CONNECTION_COLUMN_LABEL_IDS,
  EVERYONE_LABEL_ID,
  KPI_METRIC_LABEL_IDS,
  KPI_STATUS_LABEL_IDS,
  LANE_KIND_LABEL_IDS,
  PERSONA_COLUMN_LABEL_IDS,
  PRIORITY_LABEL_IDS,
  SEVERITY_LABEL_IDS,
  STATUS_LABEL_IDS,
} from '../editor/labels';
import type { I18n } from '../i18n';
import { channelById } from '../model/channels';
import { kpiStatus } from '../model/kpi';
import { cardsByCell, cellKey } from '../model/cells';
import type { Card, JourneyMap, Persona } from '../model/schema';
import { fileStem } from './filename';

export const CARD_COLUMNS = [
  'id',
  'stage',
  'lane',
  'kind',
  'text',
  'channel',
  'owner',
  'score',
  'severity',
  'touchpointId',
  'touchpoint',
  'status',
  'priority',
  'impact',
  'effort',
  'metric',
  'value',
  'target',
  'unit',
  'kpiStatus',
] as const;
export type CardColumn = (typeof CARD_COLUMNS)[number];

export const PERSONA_COLUMNS = [
  'id',
  'name',
  'age',
  'occupation',
  'family',
  'location',
  'quote',
  'story',
  'goals',
  'needs',
  'motivations',
  'frustrations',
  'behaviours',
  'preferredChannels',
  'techComfort',
  'demographics',
  'psychographics',
] as const;
export type PersonaColumn = (typeof PERSONA_COLUMNS)[number];

export const CONNECTION_COLUMNS = ['fromId', 'from', 'toId', 'to', 'label', 'persona'] as const;
export type ConnectionColumn = (typeof CONNECTION_COLUMNS)[number];

/** The files of the zip, in the order they are written. */
export const CSV_FILES = ['cards.csv', 'personas.csv', 'connections.csv'] as const;
export type CsvFileName = (typeof CSV_FILES)[number];

const BOM = '\uFEFF';

/** Text a user wrote, made safe for a spreadsheet cell. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A cell before it is written: text (guarded on the way out), a number, or nothing. */
type Cell = string | number | null;

function written(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return guardFormula(cell);
}

/** One row in the order of `columns`, with a header row made from the catalogue ids `labelIds` first. */
function table<C extends string>(i18n: I18n, columns: readonly C[], labelIds: Record<C, string>, rows: Partial<Record<C, Cell>>[]): string[][] {
  return [columns.map((c) => written(i18n._(labelIds[c]))), ...rows.map((row) => columns.map((c) => written(row[c] ?? null)))];
}

/** A list field in one cell, one item a line (a spreadsheet shows a line break inside a cell). */
function lines(items: readonly string[]): string {
  return items.join('\n');
}

function cardRow(
  i18n: I18n,
  map: JourneyMap,
  card: Card,
  stage: string,
  lane: string,
  cards: ReadonlyMap<string, Card>,
): Partial<Record<CardColumn, Cell>> {
  const row: Partial<Record<CardColumn, Cell>> = { id: card.id, stage, lane, kind: i18n._(LANE_KIND_LABEL_IDS[card.kind]), text: card.text };
  switch (card.kind) {
    case 'touchpoint':
      row.channel = card.channel ? (channelById(map.channels, card.channel)?.name ?? card.channel) : null;
      row.owner = card.owner;
      break;
    case 'opportunity':
      row.owner = card.owner;
      row.status = i18n._(STATUS_LABEL_IDS[card.status]);
      row.priority = i18n._(PRIORITY_LABEL_IDS[card.priority]);
      row.impact = i18n._(PRIORITY_LABEL_IDS[card.impact]);
      row.effort = i18n._(PRIORITY_LABEL_IDS[card.effort]);
      break;
    case 'pain':
      row.severity = i18n._(SEVERITY_LABEL_IDS[card.severity]);
      if (card.touchpointId) {
        row.touchpointId = card.touchpointId;
        row.touchpoint = cards.get(card.touchpointId)?.text ?? null;
      }
      break;
    case 'emotion':
      row.score = card.score;
      break;
    case 'kpi':
      row.metric = Object.hasOwn(KPI_METRIC_LABEL_IDS, card.metric) ? i18n._(KPI_METRIC_LABEL_IDS[card.metric]) : card.metric;
      row.value = card.value;
      row.target = card.target;
      row.unit = card.unit;
      row.kpiStatus = i18n._(KPI_STATUS_LABEL_IDS[kpiStatus(card)]);
      break;
    default:
      break;
  }
  return row;
}

/** The map's personas, in the map's order; a linked id without a persona here is left out. */
function mapPersonas(map: JourneyMap, personas: readonly Persona[]): Persona[] {
  const byId = new Map(personas.map((p) => [p.id, p]));
  return map.personaIds.map((id) => byId.get(id)).filter((p): p is Persona => p !== undefined);
}

/** cards.csv as rows (header first) of plain strings, before quoting: handy for tests and previews. */
export function cardRows(i18n: I18n, map: JourneyMap): string[][] {
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const byCell = cardsByCell(map.cards);
  const rows: Partial<Record<CardColumn, Cell>>[] = [];
  for (const stage of map.stages) {
    for (const lane of map.lanes) {
      for (const card of byCell.get(cellKey(stage.id, lane.id)) ?? []) rows.push(cardRow(i18n, map, card, stage.name, lane.title, cards));
    }
  }
  return table(i18n, CARD_COLUMNS, CARD_COLUMN_LABEL_IDS, rows);
}

export function personaRows(i18n: I18n, map: JourneyMap, personas: readonly Persona[]): string[][] {
  const rows = mapPersonas(map, personas).map(
    (p): Partial<Record<PersonaColumn, Cell>> => ({
      id: p.id,
      name: p.name,
      age: p.age,
      occupation: p.occupation,
      family: p.family,
      location: p.location,
      quote: p.quote,
      story: p.story,
      goals: lines(p.goals),
      needs: lines(p.needs),
      motivations: lines(p.motivations),
      frustrations: lines(p.frustrations),
      behaviours: lines(p.behaviours),
      preferredChannels: lines(p.preferredChannels.map((id) => channelById(map.channels, id)?.name ?? id)),
      techComfort: p.techComfort,
      demographics: p.demographics,
      psychographics: p.psychographics,
    }),
  );
  return table(i18n, PERSONA_COLUMNS, PERSONA_COLUMN_LABEL_IDS, rows);
}

export function connectionRows(i18n: I18n, map: JourneyMap, personas: readonly Persona[]): string[][] {
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const names = new Map(personas.map((p) => [p.id, p.name]));
  const rows = map.connections.map(
    (c): Partial<Record<ConnectionColumn, Cell>> => ({
      fromId: c.from,
      from: cards.get(c.from)?.text ?? null,
      toId: c.to,
      to: cards.get(c.to)?.text ?? null,
      label: c.label,
      // A persona that is not in this library still names the path, by its id.
      persona: c.personaId === undefined ? i18n._(EVERYONE_LABEL_ID) : (names.get(c.personaId) ?? c.personaId),
    }),
  );
  return table(i18n, CONNECTION_COLUMNS, CONNECTION_COLUMN_LABEL_IDS, rows);
}

/** Rows as one CSV file's text: BOM, quoted fields, CRLF after every row. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The three files' texts, by name. */
export function mapCsvFiles(i18n: I18n, map: JourneyMap, personas: readonly Persona[]): Record<CsvFileName, string> {
  return {
    'cards.csv': toCsv(cardRows(i18n, map)),
    'personas.csv': toCsv(personaRows(i18n, map, personas)),
    'connections.csv': toCsv(connectionRows(i18n, map, personas)),
  };
}

/**
 * The date the zip gives its files. Zip dates are local wall-clock times without a zone, and fflate
 * reads a Date's local fields: a Date whose local fields are updatedAt's UTC ones writes the same
 * bytes on every machine. Zip dates run from 1980 to 2107 (fflate: to 2099), so clamp.
 */
function zipDate(iso: string): Date {
  const t = new Date(iso);
  const year = Math.min(2099, Math.max(1980, t.getUTCFullYear()));
  return year === t.getUTCFullYear()
    ? new Date(year, t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds())
    : new Date(year, 0, 1);
}

export interface CsvExport {
  filename: string;
  /** zipSync allocates a fresh ArrayBuffer, never a shared one: a Blob takes these bytes as they are. */
  bytes: Uint8Array<ArrayBuffer>;
  mimeType: 'application/zip';
}

/**
 * `<title>.zip` with cards.csv, personas.csv and connections.csv; `personas` may hold more than the map's.
 * `i18n`: the map's language, i18nFor(mapLocale(map)).
 */
export async function exportMapCsv(i18n: I18n, map: JourneyMap, personas: readonly Persona[]): Promise<CsvExport> {
  const { strToU8, zipSync } = await import('fflate');
  const files = mapCsvFiles(i18n, map, personas);
  const mtime = zipDate(map.updatedAt);
  const bytes = zipSync(Object.fromEntries(CSV_FILES.map((name) => [name, [strToU8(files[name]), { mtime }]])), { level: 6 });
  return { filename: `${fileStem(map.title)}.zip`, bytes: bytes as Uint8Array<ArrayBuffer>, mimeType: 'application/zip' };
}
