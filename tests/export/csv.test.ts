import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvRows, exportMapCsv, guardFormula, mapToCsv } from '../../src/export/csv';
import type { JourneyMap } from '../../src/model/schema';
import { TEXTS, wideMap } from './arbitraries';

/** A small RFC 4180 reader, to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function smallMap(): JourneyMap {
  const map = wideMap(2);
  map.cards = map.cards.map((c, i) => (i === 0 ? { ...c, text: '=HYPERLINK("http://evil","x")' } : c));
  return map;
}

describe('CSV export', () => {
  it('starts with a UTF-8 byte-order mark and the columns, and ends rows with CRLF', () => {
    const text = mapToCsv(smallMap());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text.slice(1).split('\r\n')[0]).toBe('Stage,Lane,Kind,Text,Channel,Owner,Severity,Score,KPI metric,Value,Target');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(CSV_COLUMNS).toHaveLength(11);
  });

  it('has one row per card, in stage, lane and card order, with Thai, Persian and Vietnamese intact', () => {
    const map = wideMap(3);
    const rows = parseCsv(mapToCsv(map).slice(1));
    expect(rows).toHaveLength(map.cards.length + 1);
    const texts = rows.slice(1).map((r) => r[3]);
    for (const t of Object.values(TEXTS)) expect(texts.some((x) => x?.startsWith(t))).toBe(true);
    expect(rows[1]!.slice(0, 3)).toEqual([map.stages[0]!.name, map.lanes[0]!.title, map.lanes[0]!.kind]);
    // Bytes: the encoder writes real UTF-8 (Thai is 3 bytes a letter), not an escaped form.
    const bytes = new TextEncoder().encode(mapToCsv(map));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('fills the kind-specific columns', () => {
    const map = wideMap(1);
    const rows = parseCsv(mapToCsv(map).slice(1));
    const byKind = new Map(rows.slice(1).map((r) => [r[2], r]));
    expect(byKind.get('touchpoint')!.slice(4, 6)).toEqual(['Phone', 'Contact center']);
    expect(byKind.get('pain')![6]).toBe('high');
    expect(byKind.get('emotion')![7]).toBe('-1');
    expect(byKind.get('kpi')!.slice(8, 11)).toEqual(['csat', '78', '85']);
    expect(byKind.get('opportunity')![5]).toBe('CX team');
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const map = wideMap(1);
    map.cards[0] = { ...map.cards[0]!, text: 'one, "two"\r\nthree' };
    const rows = parseCsv(mapToCsv(map).slice(1));
    expect(rows[1]![3]).toBe('one, "two"\r\nthree');
  });

  it('guards against formula injection in text cells', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(s)).toBe(`'${s}`);
    expect(guardFormula('ok = fine')).toBe('ok = fine');
    const rows = csvRows(smallMap());
    expect(rows[1]![3]).toBe(`'=HYPERLINK("http://evil","x")`);
    // Numbers we write ourselves are not text and stay numbers.
    expect(rows.find((r) => r[2] === 'emotion')![7]).toBe('-1');
  });

  it('names the file after the map', () => {
    const map = wideMap(1, { title: 'แผนที่: ลูกค้า/2025' });
    expect(exportMapCsv(map).filename).toBe('แผนที่- ลูกค้า-2025.csv');
  });
});
