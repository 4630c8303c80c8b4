import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { i18n, i18nFor } from '../../src/i18n';
import { mapLocale } from '../../src/i18n/mapLocale';
import {
  CARD_COLUMNS,
  cardRows,
  connectionRows,
  CSV_FILES,
  csvField,
  exportMapCsv,
  guardFormula,
  mapCsvFiles,
  personaRows,
} from '../../src/export/csv';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { mapArb, persona, personaArb, TEXTS, wideMap } from './arbitraries';
import { parseCsv, readCsvZip, records } from './csvReader';

const SPREADSHEET_DANGER = /^[=+\-@\t\r]/;

function smallMap(): JourneyMap {
  const map = wideMap(2);
  map.cards = map.cards.map((c, i) => (i === 0 ? { ...c, text: '=HYPERLINK("http://evil","x")' } : c));
  return map;
}

/** A map with a pain point felt at a touchpoint, two personas' paths and one for everyone. */
function connectedMap(): { map: JourneyMap; personas: Persona[] } {
  const map = wideMap(2);
  map.personaIds = ['p-fa', 'p-th'];
  map.cards = map.cards.map((c) => (c.id === 'card-1-pain' && c.kind === 'pain' ? { ...c, touchpointId: 'card-1-touchpoint' } : c));
  map.connections = [
    { id: 'c1', from: 'card-1-touchpoint', to: 'card-2-touchpoint', label: 'ایمیل ← چت', personaId: 'p-fa' },
    { id: 'c2', from: 'card-2-touchpoint', to: 'card-2-opportunity', label: '', personaId: 'p-th' },
    { id: 'c3', from: 'card-1-text', to: 'card-2-text', label: 'next' },
  ];
  const personas = [
    persona('p-other', 'Not on this map'),
    persona('p-th', 'สมชาย ใจดี', { goals: ['ติดต่อครั้งเดียวจบ', 'Fast answers'], preferredChannels: ['line', 'phone'] }),
    persona('p-fa', 'مریم احمدی', { age: null, techComfort: null, story: TEXTS.fa }),
  ];
  return { map, personas };
}

/** The first file's date in the zip's local header (DOS time and date at offsets 10 and 12): y, m, d, h, min. */
function firstEntryDate(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const time = view.getUint16(10, true);
  const date = view.getUint16(12, true);
  return [1980 + (date >> 9), (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63];
}

describe('CSV export: the zip', () => {
  it('downloads as <title>.zip holding cards.csv, personas.csv and connections.csv, each UTF-8 with a BOM and CRLF rows', async () => {
    const { map, personas } = connectedMap();
    const file = await exportMapCsv(i18n, map, personas);
    expect(file.filename).toBe('Wide map with 2 stages.zip');
    expect(file.mimeType).toBe('application/zip');
    const zip = readCsvZip(file.bytes);
    expect(zip.names).toEqual(['cards.csv', 'personas.csv', 'connections.csv']);
    for (const name of CSV_FILES) {
      const text = zip.texts[name]!;
      expect(text.charCodeAt(0), name).toBe(0xfeff);
      expect(text.endsWith('\r\n'), name).toBe(true);
      expect(text, name).toBe(mapCsvFiles(i18n, map, personas)[name]);
    }
    // Real UTF-8 bytes, not an escaped form: the BOM is EF BB BF.
    const cards = new TextEncoder().encode(zip.texts['cards.csv']);
    expect([...cards.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('names the file after the map, in any script', async () => {
    const map = wideMap(1, { title: 'แผนที่: ลูกค้า/2025' });
    expect((await exportMapCsv(i18n, map, [])).filename).toBe('แผนที่- ลูกค้า-2025.zip');
  });

  describe('the same map gives the same bytes', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it('whenever and wherever it is exported, and the files are dated with the map’s last change', async () => {
      const { map, personas } = connectedMap();
      vi.stubEnv('TZ', 'UTC');
      const first = await exportMapCsv(i18n, map, personas);
      vi.stubEnv('TZ', 'Asia/Tehran');
      const second = await exportMapCsv(i18n, map, personas);
      vi.stubEnv('TZ', 'America/Los_Angeles');
      const third = await exportMapCsv(i18n, map, personas);
      expect(second.bytes).toEqual(first.bytes);
      expect(third.bytes).toEqual(first.bytes);
      expect(firstEntryDate(first.bytes)).toEqual([2025, 3, 1, 10, 0]);

      const later = await exportMapCsv(i18n, { ...map, updatedAt: '2026-01-02T03:04:06.000Z' }, personas);
      expect(later.bytes).not.toEqual(first.bytes);
    });

    it('dates a map changed before 1980 (a hand-written file) at the first date a zip can hold', async () => {
      const map = { ...wideMap(1), updatedAt: '1970-01-01T00:00:00.000Z' };
      const { bytes } = await exportMapCsv(i18n, map, []);
      expect(readCsvZip(bytes).names).toEqual([...CSV_FILES]);
      expect(firstEntryDate(bytes)).toEqual([1980, 1, 1, 0, 0]);
    });
  });
});

describe('CSV export: the map’s language', () => {
  it('writes a Persian map’s spreadsheets in Persian (headers and labels), whatever the interface speaks', async () => {
    const base = wideMap(2);
    const map = { ...base, language: 'fa' as const };
    const fa = await i18nFor(mapLocale(map));
    expect(i18n.locale).toBe('en');
    const files = mapCsvFiles(fa, map, []);
    const cards = parseCsv(files['cards.csv'].slice(1));
    expect(cards[0]!.slice(0, 5)).toEqual(['شناسه کارت', 'مرحله', 'ردیف', 'نوع', 'متن']);
    expect(cards[0]).not.toContain('Card id');
    // Value labels too: a touchpoint's kind.
    const touchpoint = cards.find((r) => r[0] === 'card-1-touchpoint')!;
    expect(touchpoint[3]).toBe('نقاط تماس');
    expect(parseCsv(files['personas.csv'].slice(1))[0]).toContain('نام');
    expect(parseCsv(files['connections.csv'].slice(1))[0]).toContain('مسیر چه کسی');
    // The same bytes as the export the app and the command line write for it.
    const zip = readCsvZip((await exportMapCsv(fa, map, [])).bytes);
    expect(zip.tables['cards.csv']![0]!.slice(0, 2)).toEqual(['شناسه کارت', 'مرحله']);
    // A map without a language we speak is English.
    expect(parseCsv(mapCsvFiles(await i18nFor(mapLocale(base)), base, [])['cards.csv'].slice(1))[0]![0]).toBe('Card id');
  });
});

describe('CSV export: cards.csv', () => {
  it('has a header a user can read and one row per card, in stage, lane and card order, with Thai, Persian and Vietnamese intact', () => {
    const map = wideMap(3);
    const rows = parseCsv(mapCsvFiles(i18n, map, [])['cards.csv'].slice(1));
    expect(rows[0]).toEqual([
      'Card id',
      'Stage',
      'Lane',
      'Kind',
      'Text',
      'Channel',
      'Owner',
      'Emotion score',
      'Severity',
      'Touchpoint id',
      'Felt at touchpoint',
      'Status',
      'Priority',
      'Impact',
      'Effort',
      'KPI metric',
      'Value',
      'Target',
      'Unit',
      'KPI status',
    ]);
    expect(rows).toHaveLength(map.cards.length + 1);
    const expectedOrder = map.stages.flatMap((s) => map.lanes.map((l) => map.cards.find((c) => c.stageId === s.id && c.laneId === l.id)!.id));
    expect(rows.slice(1).map((r) => r[0])).toEqual(expectedOrder);
    const texts = rows.slice(1).map((r) => r[4]);
    for (const t of Object.values(TEXTS)) expect(texts.some((x) => x?.startsWith(t))).toBe(true);
    expect(rows[1]!.slice(1, 4)).toEqual([map.stages[0]!.name, map.lanes[0]!.title, 'Text']);
  });

  it('fills every field of every kind, with the words the editor uses', () => {
    const { map } = connectedMap();
    map.cards = map.cards.map((c) => (c.id === 'card-1-opportunity' && c.kind === 'opportunity' ? { ...c, status: 'in-progress' } : c));
    const byId = new Map(records(cardRows(i18n, map)).map((r) => [r['Card id'], r]));
    expect(byId.get('card-1-touchpoint')).toMatchObject({ Kind: 'Touchpoints', Channel: 'Phone', Owner: 'Contact center' });
    expect(byId.get('card-1-pain')).toMatchObject({
      Kind: 'Pain points',
      Severity: 'High',
      'Touchpoint id': 'card-1-touchpoint',
      'Felt at touchpoint': map.cards.find((c) => c.id === 'card-1-touchpoint')!.text,
    });
    expect(byId.get('card-2-pain')).toMatchObject({ Severity: 'High', 'Touchpoint id': '', 'Felt at touchpoint': '' });
    expect(byId.get('card-1-opportunity')).toMatchObject({
      Kind: 'Opportunities',
      Owner: 'CX team',
      Status: 'In progress',
      Priority: 'High',
      Impact: 'Medium',
      Effort: 'Low',
    });
    expect(byId.get('card-1-emotion')).toMatchObject({ Kind: 'Emotion curve', 'Emotion score': '-1' });
    expect(byId.get('card-1-kpi')).toMatchObject({ Kind: 'KPIs', 'KPI metric': 'CSAT', Value: '78', Target: '85', Unit: '%', 'KPI status': 'Below target' });
    // A column that is not of a card's kind stays empty.
    expect(byId.get('card-1-text')).toMatchObject({ Channel: '', Owner: '', Severity: '', Status: '', 'KPI metric': '', Unit: '', 'KPI status': '' });
    expect(byId.get('card-1-kpi')).toMatchObject({ Owner: '', Status: '', 'Emotion score': '' });
  });

  it('names the KPI metric as the editor does and gives its unit, not the metric id', () => {
    const map = wideMap(1);
    map.cards = map.cards.map((c) => (c.kind === 'kpi' ? { ...c, metric: 'response-time', value: 30, target: 24, unit: 'ساعت' } : c));
    const kpi = records(cardRows(i18n, map)).find((r) => r.Kind === 'KPIs')!;
    expect(kpi).toMatchObject({ 'KPI metric': 'Response time', Value: '30', Target: '24', Unit: 'ساعت', 'KPI status': 'Above target' });
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    const map = wideMap(1);
    map.cards[0] = { ...map.cards[0]!, text: 'one, "two"\r\nthree' };
    const rows = parseCsv(mapCsvFiles(i18n, map, [])['cards.csv'].slice(1));
    expect(rows[1]![4]).toBe('one, "two"\r\nthree');
  });

  it('guards against formula injection in text cells', () => {
    for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(s)).toBe(`'${s}`);
    expect(guardFormula('ok = fine')).toBe('ok = fine');
    const rows = cardRows(i18n, smallMap());
    expect(rows[1]![4]).toBe(`'=HYPERLINK("http://evil","x")`);
    // Numbers we write ourselves are not text and stay numbers.
    expect(records(rows).find((r) => r.Kind === 'Emotion curve')!['Emotion score']).toBe('-1');
  });

  it('guards every text cell, the channel, owner, lane, stage, unit and linked touchpoint included', () => {
    const map = wideMap(1);
    const evil = '=HYPERLINK("http://evil","x")';
    map.channels = map.channels.map((c) => (c.id === 'phone' ? { ...c, name: evil } : c));
    map.stages = map.stages.map((s) => ({ ...s, name: '+stage' }));
    map.lanes = map.lanes.map((l) => ({ ...l, title: '-lane' }));
    map.cards = map.cards.map((c) => {
      if (c.kind === 'touchpoint') return { ...c, owner: '@owner', text: '-touch' };
      if (c.kind === 'kpi') return { ...c, unit: '=1+1', value: -3 };
      if (c.kind === 'pain') return { ...c, touchpointId: 'card-1-touchpoint' };
      return c;
    });
    const rows = records(parseCsv(mapCsvFiles(i18n, map, [])['cards.csv'].slice(1)));
    expect(rows.find((r) => r.Kind === 'Touchpoints')).toMatchObject({ Stage: "'+stage", Lane: "'-lane", Channel: `'${evil}`, Owner: "'@owner" });
    expect(rows.find((r) => r.Kind === 'Pain points')!['Felt at touchpoint']).toBe("'-touch");
    expect(rows.find((r) => r.Kind === 'KPIs')).toMatchObject({ Value: '-3', Target: '85', Unit: "'=1+1" });
  });
});

describe('CSV export: personas.csv', () => {
  it('holds the map’s personas in the map’s order, every text field, lists one item a line, channels by name, no photo', () => {
    const { map, personas } = connectedMap();
    const rows = records(personaRows(i18n, map, personas));
    expect(rows.map((r) => r.Name)).toEqual(['مریم احمدی', 'สมชาย ใจดี']);
    expect(Object.keys(rows[0]!)).toEqual([
      'Persona id',
      'Name',
      'Age',
      'Occupation',
      'Family',
      'Location',
      'Quote',
      'Short story',
      'Goals',
      'Needs',
      'Motivations',
      'Frustrations',
      'Behaviours',
      'Preferred channels',
      'Tech comfort',
      'Demographics notes',
      'Psychographics',
    ]);
    expect(rows[0]).toMatchObject({ 'Persona id': 'p-fa', Age: '', 'Tech comfort': '', 'Short story': TEXTS.fa });
    expect(rows[1]).toMatchObject({
      'Persona id': 'p-th',
      Age: '34',
      Occupation: 'Office manager',
      Location: 'Bangkok',
      Quote: 'ขอให้ติดต่อครั้งเดียวจบ',
      Goals: 'ติดต่อครั้งเดียวจบ\nFast answers',
      Frustrations: 'Repeating herself to every agent',
      'Preferred channels': 'LINE\nPhone',
      'Tech comfort': '4',
    });
  });

  it('is only a header when the map has no personas', () => {
    const map = { ...wideMap(1), personaIds: [] };
    expect(personaRows(i18n, map, [persona('p1', 'Kevin')])).toHaveLength(1);
  });
});

describe('CSV export: connections.csv', () => {
  it('gives each arrow’s cards by id and text, its label and whose path it is', () => {
    const { map, personas } = connectedMap();
    const text = (id: string) => map.cards.find((c) => c.id === id)!.text;
    expect(records(connectionRows(i18n, map, personas))).toEqual([
      {
        'From card id': 'card-1-touchpoint',
        'From card': text('card-1-touchpoint'),
        'To card id': 'card-2-touchpoint',
        'To card': text('card-2-touchpoint'),
        'Arrow label': 'ایمیل ← چت',
        'Whose path': 'مریم احمدی',
      },
      {
        'From card id': 'card-2-touchpoint',
        'From card': text('card-2-touchpoint'),
        'To card id': 'card-2-opportunity',
        'To card': text('card-2-opportunity'),
        'Arrow label': '',
        'Whose path': 'สมชาย ใจดี',
      },
      { 'From card id': 'card-1-text', 'From card': text('card-1-text'), 'To card id': 'card-2-text', 'To card': text('card-2-text'), 'Arrow label': 'next', 'Whose path': 'Everyone' },
    ]);
  });

  it('names a path whose persona is not in this library by its id, rather than dropping it', () => {
    const { map } = connectedMap();
    expect(records(connectionRows(i18n, map, []))[0]!['Whose path']).toBe('p-fa');
  });
});

describe('CSV export over generated maps', () => {
  it('no text cell of any file can start a formula; number cells hold numbers only; every card and arrow has its row', () => {
    const numeric = new Set(['Emotion score', 'Value', 'Target', 'Age', 'Tech comfort']);
    fc.assert(
      fc.property(
        mapArb,
        fc.uniqueArray(personaArb, { maxLength: 3, selector: (p) => p.id }),
        fc.array(fc.constantFrom('=cmd|x', '+1', '-x', '@SUM(A1)', '\tx', 'LINE'), { minLength: 15, maxLength: 15 }),
        (generated, people, names) => {
          const map = {
            ...generated,
            channels: generated.channels.map((c, i) => ({ ...c, name: names[i]! })),
            personaIds: people.map((p) => p.id),
            // Every other arrow is one persona's path, the rest everyone's.
            connections: generated.connections.map((c, i) => (i % 2 === 0 && people.length > 0 ? { ...c, personaId: people[i % people.length]!.id } : c)),
          };
          const files = mapCsvFiles(i18n, map, people);
          const tables = Object.fromEntries(CSV_FILES.map((n) => [n, parseCsv(files[n].slice(1))]));
          expect(tables['cards.csv']).toHaveLength(map.cards.length + 1);
          expect(tables['cards.csv']![0]).toHaveLength(CARD_COLUMNS.length);
          expect(tables['personas.csv']).toHaveLength(people.length + 1);
          expect(tables['connections.csv']).toHaveLength(map.connections.length + 1);
          for (const name of CSV_FILES) {
            const [header, ...rows] = tables[name]!;
            for (const row of rows) {
              expect(row).toHaveLength(header!.length);
              row.forEach((cell, i) => {
                const column = header![i]!;
                if (numeric.has(column)) expect(cell, `${name} ${column}`).toMatch(/^(-?\d+(\.\d+)?(e[+-]?\d+)?)?$/);
                else expect(SPREADSHEET_DANGER.test(cell), `${name} ${column}: ${JSON.stringify(cell)}`).toBe(false);
              });
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});
