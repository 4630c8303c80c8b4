import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvField, csvRows, exportMapCsv, guardFormula, mapToCsv } from '../../src/export/csv';
import type { JourneyMap } from '../../src/model/schema';
import { mapArb, TEXTS, wideMap } from './arbitraries';

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
    expect(text.slice(1).split('\r\n')[0]).toBe('Stage,Lane,Kind,Text,Channel,Owner,Severity,Score,KPI metric,Value,Target,Unit');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(CSV_COLUMNS).toHaveLength(12);
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
    expect(byKind.get('kpi')!.slice(8, 12)).toEqual(['CSAT', '78', '85', '%']);
    expect(byKind.get('opportunity')![5]).toBe('CX team');
  });

  it('names the KPI metric as the editor does and gives its unit, not the metric id', () => {
    const map = wideMap(1);
    map.cards = map.cards.map((c) => (c.kind === 'kpi' ? { ...c, metric: 'response-time', value: 30, target: 24, unit: 'ساعت' } : c));
    const kpi = parseCsv(mapToCsv(map).slice(1)).find((r) => r[2] === 'kpi')!;
    expect(Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, kpi[i]]))).toMatchObject({
      'KPI metric': 'Response time',
      Value: '30',
      Target: '24',
      Unit: 'ساعت',
    });
    // Other kinds leave the unit empty.
    expect(parseCsv(mapToCsv(map).slice(1)).filter((r) => r[2] !== 'kpi' && r[2] !== 'Kind').every((r) => r[11] === '')).toBe(true);
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

  it('guards every text cell, the channel, owner, lane, stage and unit included', () => {
    const map = wideMap(1);
    const evil = '=HYPERLINK("http://evil","x")';
    map.channels = map.channels.map((c) => (c.id === 'phone' ? { ...c, name: evil } : c));
    map.stages = map.stages.map((s) => ({ ...s, name: '+stage' }));
    map.lanes = map.lanes.map((l) => ({ ...l, title: '-lane' }));
    map.cards = map.cards.map((c) => {
      if (c.kind === 'touchpoint') return { ...c, owner: '@owner' };
      if (c.kind === 'kpi') return { ...c, unit: '=1+1', value: -3 };
      return c;
    });
    const rows = parseCsv(mapToCsv(map).slice(1));
    const touchpoint = rows.find((r) => r[2] === 'touchpoint')!;
    expect(touchpoint.slice(0, 2)).toEqual(["'+stage", "'-lane"]);
    expect(touchpoint.slice(4, 6)).toEqual([`'${evil}`, "'@owner"]);
    const kpi = rows.find((r) => r[2] === 'kpi')!;
    expect(kpi.slice(9, 12)).toEqual(['-3', '85', "'=1+1"]);
  });

  it('over generated maps: no text cell can start a formula; number cells hold numbers only', () => {
    const danger = /^[=+\-@\t\r]/;
    const numeric = new Set(['Score', 'Value', 'Target']);
    fc.assert(
      fc.property(mapArb, fc.array(fc.constantFrom('=cmd|x', '+1', '-x', '@SUM(A1)', '\tx', 'LINE'), { minLength: 15, maxLength: 15 }), (generated, names) => {
        const map = { ...generated, channels: generated.channels.map((c, i) => ({ ...c, name: names[i]! })) };
        const [header, ...rows] = parseCsv(mapToCsv(map).slice(1));
        expect(header).toEqual([...CSV_COLUMNS]);
        expect(rows).toHaveLength(map.cards.length);
        for (const row of rows) {
          row.forEach((cell, i) => {
            const column = CSV_COLUMNS[i]!;
            if (numeric.has(column)) expect(cell, column).toMatch(/^(-?\d+(\.\d+)?(e[+-]?\d+)?)?$/);
            else expect(danger.test(cell), `${column}: ${JSON.stringify(cell)}`).toBe(false);
          });
        }
      }),
      { numRuns: 100 },
    );
  });

  it('names the file after the map', () => {
    const map = wideMap(1, { title: 'แผนที่: ลูกค้า/2025' });
    expect(exportMapCsv(map).filename).toBe('แผนที่- ลูกค้า-2025.csv');
  });
});
