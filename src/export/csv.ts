/**
 * CSV export: one row per card, in reading order (stage by stage, lane by lane, card order).
 * RFC 4180 (commas, CRLF, fields with a quote, comma or line break are quoted and quotes doubled),
 * UTF-8 with a byte-order mark so that Excel shows Thai, Persian and Vietnamese correctly, and a
 * guard against formula injection: a text cell that starts with = + - @ (or a tab / carriage
 * return) gets a leading apostrophe so a spreadsheet shows it as text instead of running it.
 */
import { channelById } from '../model/channels';
import type { Card, JourneyMap } from '../model/schema';
import { fileStem } from './filename';

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
] as const;

const BOM = '\uFEFF';

/** Text a user wrote, made safe for a spreadsheet cell. */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

function cardRow(map: JourneyMap, card: Card, stage: string, lane: string): string[] {
  const text = (s: string) => guardFormula(s);
  const row: Record<(typeof CSV_COLUMNS)[number], string> = {
    Stage: text(stage),
    Lane: text(lane),
    Kind: card.kind,
    Text: text(card.text),
    Channel: '',
    Owner: '',
    Severity: '',
    Score: '',
    'KPI metric': '',
    Value: '',
    Target: '',
  };
  switch (card.kind) {
    case 'touchpoint':
      row.Channel = card.channel ? (channelById(map.channels, card.channel)?.name ?? card.channel) : '';
      row.Owner = text(card.owner);
      break;
    case 'opportunity':
      row.Owner = text(card.owner);
      break;
    case 'pain':
      row.Severity = card.severity;
      break;
    case 'emotion':
      row.Score = num(card.score);
      break;
    case 'kpi':
      row['KPI metric'] = card.metric;
      row.Value = num(card.value);
      row.Target = num(card.target);
      break;
    default:
      break;
  }
  return CSV_COLUMNS.map((c) => row[c]);
}

/** The rows (header first) as plain strings, before quoting: handy for tests and previews. */
export function csvRows(map: JourneyMap): string[][] {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const byCell = new Map<string, Card[]>();
  for (const card of map.cards) {
    const key = `${card.stageId}\u0000${card.laneId}`;
    const list = byCell.get(key) ?? [];
    list.push(card);
    byCell.set(key, list);
  }
  for (const stage of map.stages) {
    for (const lane of map.lanes) {
      const cards = (byCell.get(`${stage.id}\u0000${lane.id}`) ?? []).sort((a, b) => a.order - b.order);
      for (const card of cards) rows.push(cardRow(map, card, stage.name, lane.title));
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
