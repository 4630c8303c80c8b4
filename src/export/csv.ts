/**
 * CSV export: one row per card, in reading order (stage by stage, lane by lane, card order).
 * RFC 4180 (commas, CRLF, fields with a quote, comma or line break are quoted and quotes doubled),
 * UTF-8 with a byte-order mark so that Excel shows Thai, Persian and Vietnamese correctly, and a
 * guard against formula injection: a text cell that starts with = + - @ (or a tab / carriage
 * return) gets a leading apostrophe so a spreadsheet shows it as text instead of running it.
 *
 * Columns: Stage, Lane, Kind, Text, Channel, Owner, Severity, Score, KPI metric (its name as the
 * editor shows it, e.g. "Response time"), Value, Target, Unit (the KPI's unit, e.g. "%" or "h").
 *
 * Every cell is either text, which always goes through guardFormula (whatever its source: a card,
 * the map's own channel catalogue, our labels), or a number we format ourselves, which cannot start
 * a formula and stays a number for the spreadsheet ("-1" is minus one, not text).
 */
import { KPI_METRIC_LABELS } from '../editor/labels';
import { channelById } from '../model/channels';
import type { Card, JourneyMap } from '../model/schema';
import { fileStem } from './filename';
import { cardsByCell, cellKey } from '../model/cells';

export const CSV_COLUMNS = [
  'Stage',
  'Lane',
  'Kind',
  'Text',
  'Channel',
  'Owner',
  'Severity',
  'Score',
  'KPI metric',
  'Value',
  'Target',
  'Unit',
] as const;
type Column = (typeof CSV_COLUMNS)[number];

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

function cardRow(map: JourneyMap, card: Card, stage: string, lane: string): string[] {
  const row: Partial<Record<Column, Cell>> = { Stage: stage, Lane: lane, Kind: card.kind, Text: card.text };
  switch (card.kind) {
    case 'touchpoint':
      row.Channel = card.channel ? (channelById(map.channels, card.channel)?.name ?? card.channel) : null;
      row.Owner = card.owner;
      break;
    case 'opportunity':
      row.Owner = card.owner;
      break;
    case 'pain':
      row.Severity = card.severity;
      break;
    case 'emotion':
      row.Score = card.score;
      break;
    case 'kpi':
      row['KPI metric'] = KPI_METRIC_LABELS[card.metric] ?? card.metric;
      row.Value = card.value;
      row.Target = card.target;
      row.Unit = card.unit;
      break;
    default:
      break;
  }
  return CSV_COLUMNS.map((c) => written(row[c] ?? null));
}

/** The rows (header first) as plain strings, before quoting: handy for tests and previews. */
export function csvRows(map: JourneyMap): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const byCell = cardsByCell(map.cards);
  for (const stage of map.stages) {
    for (const lane of map.lanes) {
      for (const card of byCell.get(cellKey(stage.id, lane.id)) ?? []) rows.push(cardRow(map, card, stage.name, lane.title));
    }
  }
  return rows;
}

export function mapToCsv(map: JourneyMap): string {
  return BOM + csvRows(map).map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

export function exportMapCsv(map: JourneyMap): { filename: string; text: string; mimeType: 'text/csv;charset=utf-8' } {
  return { filename: `${fileStem(map.title)}.csv`, text: mapToCsv(map), mimeType: 'text/csv;charset=utf-8' };
}
