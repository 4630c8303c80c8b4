/**
 * Print view -> PDF (page.pdf, standing in for the user's "Save as PDF"), checked page by page with
 * pdftotext: every sheet of the print view is exactly one PDF page, each stage name is on the map
 * pages that show the stage, and each card's text is on the page that holds it (the generated maps
 * give every card a unique marker, so a card that went missing cannot hide behind a twin).
 */
import { i18nOf } from './catalogue';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateSync } from 'node:zlib';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { exportMapCsv } from '../../src/export/csv';
import { exportMapFile } from '../../src/export/envelope';
import type { ExportImage } from '../../src/export/images';
import { printLayout, type PrintOptions } from '../../src/export/printLayout';
import { SAMPLES } from '../../src/model/samples';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { persona, tallMap, TEXTS, wideMap } from '../export/arbitraries';
import { readCsvZip, records } from '../export/csvReader';
import { createSample, escapeRegExp, expectQuoteTypography, openPrint, pdfPageCount, waitForPrintView } from './exportHelpers';

// ---------------------------------------------------------------------------------------------
// Finding text in pdftotext's output

/** Spaces, punctuation, symbols and format characters (pdftotext wraps RTL runs in U+202B…U+202C; ZWNJ is one too). */
const NOT_LETTERS = /[\s\p{P}\p{S}\p{Cf}]+/gu;
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;
const ZWNJ = '\u200C';

function squash(s: string): string {
  return s.normalize('NFKC').replace(NOT_LETTERS, '');
}

function tokens(s: string): string[] {
  return s.normalize('NFKC').split(NOT_LETTERS).filter(Boolean);
}

/**
 * The parts of `text` that are not on the page (pdftotext -raw output of one page); [] when all are.
 *
 * pdftotext writes left-to-right text in reading order, but right-to-left lines in visual order
 * (the words of a line reversed, each word's letters in logical order). So:
 * - a run of words without RTL letters is compared whole, squashed (no spaces or punctuation:
 *   pdftotext breaks lines inside Thai words, which have no spaces), so its word order counts;
 * - a word with RTL letters is looked for on its own.
 * Two tolerances, each for a known quirk of pdftotext and nothing wider:
 * - a short RTL run that a ZWNJ cuts off (the "می" of "می‌خواهد") comes out as one-letter runs in
 *   visual order, its letters reversed: only a part that ends at a ZWNJ may match reversed;
 * - the lam-alef ligature is one glyph whose two letters come out in visual order ("تلاش" reads
 *   "تالش"): in an RTL word, "لا" may match "ال".
 * Every other word must be found as written.
 */
function missingOnPage(pageText: string, text: string): string[] {
  const hay = squash(pageText);
  const missing: string[] = [];
  let ltrRun: string[] = [];
  const flush = () => {
    const run = squash(ltrRun.join(' '));
    if (run && !hay.includes(run)) missing.push(ltrRun.join(' '));
    ltrRun = [];
  };
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (!RTL_LETTER.test(word)) {
      ltrRun.push(word);
      continue;
    }
    flush();
    const parts = word.split(ZWNJ);
    parts.forEach((part, i) => {
      const p = squash(part);
      if (!p || hay.includes(p)) return;
      const cutByZwnj = i < parts.length - 1;
      if (cutByZwnj && hay.includes([...p].reverse().join(''))) return;
      if (p.includes('لا') && new RegExp(escapeRegExp(p).replace(/لا/gu, '(?:لا|ال)'), 'u').test(hay)) return;
      missing.push(part);
    });
  }
  flush();
  return missing;
}

// ---------------------------------------------------------------------------------------------
// The print view's sheets and the PDF's pages

/** What one sheet of the print view shows, read from the page (ids from data attributes). */
interface Sheet {
  kind: 'cover' | 'persona' | 'map';
  label: string;
  personaId: string | null;
  stageIds: string[];
  laneTitles: string[];
  cards: { id: string; text: string }[];
}

async function readSheets(page: Page): Promise<Sheet[]> {
  return page.locator('section.jbp-sheet').evaluateAll((sections) =>
    sections.map((s) => ({
      kind: (s as HTMLElement).dataset.kind as Sheet['kind'],
      label: s.getAttribute('aria-label') ?? '',
      personaId: (s as HTMLElement).dataset.personaId ?? null,
      stageIds: [...s.querySelectorAll<HTMLElement>('[data-stage-id]')].map((e) => e.dataset.stageId!),
      laneTitles: [...s.querySelectorAll('.jbp-lane-title')].map((e) => e.textContent ?? ''),
      cards: [...s.querySelectorAll<HTMLElement>('[data-card-id]')].map((e) => ({
        id: e.dataset.cardId!,
        text: e.querySelector('.jbp-card-body')?.textContent ?? '',
      })),
    })),
  );
}

interface Pdf {
  path: string;
  /** What the print toolbar said the PDF would have ("12 pages"). */
  toolbarPages: number;
  /** pdftotext -raw of each page, page 1 first. */
  pages: string[];
  sheets: Sheet[];
  fonts: string;
}

/** How many images page n of the PDF draws (pdfimages -list: two header lines, then one line an image). */
function imagesOnPage(pdfPath: string, n: number): number {
  const list = execFileSync('pdfimages', ['-list', '-f', String(n), '-l', String(n), pdfPath]).toString('utf8');
  return list.trim().split('\n').slice(2).filter((line) => /^\s*\d+\s+\d+\s+image\b/.test(line)).length;
}

/** The share of page n's pixels in its lowest `band` (a fraction of the height) that are not white. */
function inkInFoot(pdfPath: string, n: number, band: number): number {
  const out = `${pdfPath}-${n}`;
  execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(n), '-l', String(n), '-singlefile', pdfPath, out]);
  // A binary PGM: "P5\n<width> <height>\n<max>\n" then one byte a pixel.
  const pgm = readFileSync(`${out}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = pgm.subarray(header[0].length);
  const from = Math.floor(height * (1 - band)) * width;
  let ink = 0;
  for (let i = from; i < width * height; i++) if (pixels[i]! < 252) ink++;
  return ink / (width * height - from);
}

/** page.pdf() of the print view; the first page and the first map page as PNGs, attached to the report. */
async function makePdf(page: Page, testInfo: TestInfo, name: string): Promise<Pdf> {
  await waitForPrintView(page);
  const sheets = await readSheets(page);
  const said = await page.getByRole('toolbar', { name: 'Print options' }).getByRole('status').innerText();
  const toolbarPages = Number(/^(\d+) pages?$/.exec(said)?.[1] ?? NaN);
  const path = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const count = pdfPageCount(path);
  const pages = Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-raw', '-f', String(i + 1), '-l', String(i + 1), path, '-']).toString('utf8'),
  );
  const firstMap = sheets.findIndex((s) => s.kind === 'map') + 1;
  for (const [n, what] of [
    [1, 'page1'],
    [firstMap, 'map-page'],
  ] as const) {
    if (n < 1 || n > count) continue;
    const png = testInfo.outputPath(`${name}-${what}`);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', String(n), '-l', String(n), '-singlefile', path, png]);
    await testInfo.attach(`${name}-${what}.png`, { path: `${png}.png`, contentType: 'image/png' });
  }
  return { path, toolbarPages, pages, sheets, fonts: execFileSync('pdffonts', [path]).toString('utf8') };
}

/**
 * The PDF shows the document, page by page:
 * - the print toolbar's page count is the PDF's (pdfinfo), and each sheet of the print view is
 *   exactly one PDF page, in the order of the pure print layout (stages and lane rows of each page);
 * - every stage is on at least one map page, and its name is printed on every map page that shows it;
 * - every map page shows at least one lane row, with its lane title printed (also where the row
 *   continues from the page before), and its caption ("page 2 of 6 …") printed;
 * - every card is on map pages that show its stage, its text (or the part of it the page holds)
 *   printed there, the parts adding up to the whole text;
 * - a card whose text ends in a unique marker (the generated maps) has it printed on the page with
 *   the end of its text and on no other page.
 */
async function expectPdfShows(pdf: Pdf, map: JourneyMap, personas: readonly Persona[], options: PrintOptions) {
  // The print view speaks the map's language: so does the layout it is checked against.
  const i18n = await i18nOf(map.language);
  const { pages, sheets } = pdf;
  expect(pdf.toolbarPages, 'the toolbar says how many pages the PDF has').toBe(pages.length);
  expect(pages.length, 'one PDF page per sheet of the print view').toBe(sheets.length);

  const laneTitle = new Map(map.lanes.map((l) => [l.id, l.title]));
  const layout = printLayout(i18n, map, personas, options);
  expect(sheets.map((s) => [s.kind, s.stageIds, s.laneTitles])).toEqual(
    layout.pages.map((p) => [p.kind, p.kind === 'map' ? p.stageIds : [], p.kind === 'map' ? p.rows.map((r) => laneTitle.get(r.laneId)) : []]),
  );

  expect(sheets[0]!.kind).toBe('cover');
  expect(missingOnPage(pages[0]!, map.title), 'title on the cover').toEqual([]);

  // One profile page per linked persona: name, quote and goals on it, and the photo when there is one.
  const linked = personas.filter((p) => map.personaIds.includes(p.id));
  expect(sheets.filter((s) => s.kind === 'persona').map((s) => s.personaId)).toEqual(
    map.personaIds.filter((id) => linked.some((p) => p.id === id)),
  );
  sheets.forEach((sheet, i) => {
    if (sheet.kind !== 'persona') return;
    const p = linked.find((x) => x.id === sheet.personaId)!;
    const where = `persona page ${i + 1}`;
    expect(missingOnPage(pages[0]!, p.name), `${p.name} on the cover`).toEqual([]);
    for (const text of [p.name, p.quote, ...p.goals]) expect(missingOnPage(pages[i]!, text), `"${text}" on ${where}`).toEqual([]);
    expect(imagesOnPage(pdf.path, i + 1), `photo on ${where}`).toBe(p.avatarImageId ? 1 : 0);
  });

  const stageById = new Map(map.stages.map((s) => [s.id, s]));
  const shownStages = new Set<string>();
  const pieces = new Map<string, { page: number; text: string }[]>();
  sheets.forEach((sheet, i) => {
    if (sheet.kind !== 'map') return;
    const where = `page ${i + 1} (${sheet.label})`;
    expect(missingOnPage(pages[i]!, sheet.label.replace(/^[^:]*: /, '')), `caption of ${where}`).toEqual([]);
    for (const id of sheet.stageIds) {
      shownStages.add(id);
      expect(missingOnPage(pages[i]!, stageById.get(id)!.name), `stage ${id} on ${where}`).toEqual([]);
    }
    if (map.lanes.length > 0) expect(sheet.laneTitles.length, `lane rows on ${where}`).toBeGreaterThan(0);
    for (const title of sheet.laneTitles) expect(missingOnPage(pages[i]!, title), `lane "${title}" on ${where}`).toEqual([]);
    for (const card of sheet.cards) {
      expect(missingOnPage(pages[i]!, card.text), `card ${card.id} on ${where}`).toEqual([]);
      pieces.set(card.id, [...(pieces.get(card.id) ?? []), { page: i, text: card.text }]);
    }
  });
  expect([...shownStages].sort()).toEqual(map.stages.map((s) => s.id).sort());
  for (const card of map.cards) {
    const parts = pieces.get(card.id) ?? [];
    expect(parts.length, `card ${card.id} is on a map page`).toBeGreaterThan(0);
    for (const { page } of parts) expect(sheets[page]!.stageIds, `card ${card.id}: page ${page + 1} shows its stage`).toContain(card.stageId);
    expect(parts.map((x) => x.text).join(''), `the parts of card ${card.id} make its text`).toBe(card.text);
    const marker = /\((s\d+[a-z]+\d*)\)$/.exec(card.text)?.[1];
    if (marker) {
      // The cover's KPI scorecard names the KPI cards it lists: there, a KPI card's text is printed once more.
      const printedOn = pages.flatMap((text, i) => (sheets[i]!.kind !== 'cover' && tokens(text).includes(marker) ? [i] : []));
      expect(printedOn, `marker ${marker} printed only where its card ends`).toEqual([parts[parts.length - 1]!.page]);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Personas with photos

/** A w x h PNG, a diagonal gradient of one hue: a stand-in photo whose pixels can be told apart. */
function gradientPng(w: number, h: number, rgb: readonly [number, number, number]): string {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(h * (1 + 3 * w));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const t = (x + y) / (w + h);
      rgb.forEach((c, k) => (rows[y * (1 + 3 * w) + 1 + 3 * x + k] = Math.round(c * (0.35 + 0.65 * t))));
    }
  }
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}

const PHOTOS: ExportImage[] = [
  { id: 'img-th', type: 'image/png', dataUrl: gradientPng(48, 48, [40, 120, 200]) },
  { id: 'img-fa', type: 'image/png', dataUrl: gradientPng(48, 48, [200, 90, 40]) },
];

const PERSONAS: Persona[] = [
  persona('persona-th', 'มาลี ใจดี', {
    avatarImageId: 'img-th',
    occupation: 'พนักงานบัญชี',
    quote: 'อยากให้ติดต่อครั้งเดียวจบ ไม่ต้องเล่าเรื่องซ้ำ',
    goals: ['ได้คำตอบภายในสายเดียว', 'ติดตามสถานะทาง LINE'],
  }),
  persona('persona-fa', 'مریم احمدی', {
    avatarImageId: 'img-fa',
    occupation: 'معلم',
    location: 'تهران',
    quote: 'می‌خواهم فقط یک بار مشکلم را توضیح بدهم',
    goals: ['پیگیری سفارش بدون تماس دوباره', 'پاسخ در کمتر از یک ساعت'],
  }),
  persona('persona-en', 'Kevin Smith', { quote: 'Just tell me once what happens next', goals: ['Be recognised as a long-time customer'] }),
];

// ---------------------------------------------------------------------------------------------
// Getting maps into the app

async function importMap(page: Page, map: JourneyMap, personas: Persona[] = [], images: ExportImage[] = []) {
  const file = exportMapFile(map, personas, images);
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
}

const A4_LANDSCAPE: PrintOptions = { size: 'A4', orientation: 'landscape' };

// ---------------------------------------------------------------------------------------------

for (const sample of SAMPLES) {
  test(`print view of ${sample.id} makes a PDF with every stage and card text on its page`, async ({ page }, testInfo) => {
    // The Persian sample comes with two personas (Persian and Thai, both with a photo).
    const personas = sample.id === 'sample-fa' ? PERSONAS.slice(0, 2) : [];
    const map = { ...sample.build(), personaIds: ['persona-fa', 'persona-th'].filter((id) => personas.some((p) => p.id === id)) };
    await importMap(page, map, personas, PHOTOS);
    await openPrint(page, map.id, A4_LANDSCAPE);
    const pdf = await makePdf(page, testInfo, sample.id);
    await expectPdfShows(pdf, map, personas, A4_LANDSCAPE);
    if (personas.length) expect(pdf.sheets.filter((s) => s.kind === 'persona')).toHaveLength(2);
    for (const p of personas) await expectQuoteTypography(page.locator('.jbp-quote q', { hasText: p.quote }), p.quote);
    // The bundled fonts are embedded, not a system fallback.
    if (sample.id === 'sample-th') expect(pdf.fonts).toMatch(/NotoSansThai/);
    if (sample.id === 'sample-fa') expect(pdf.fonts).toMatch(/Vazirmatn/);
    expect(pdf.fonts).toMatch(/NotoSans/);
  });
}

test('a 12-stage map with three personas: persona pages, then pages of whole stages, each card on its page, in every page size', async ({ page }, testInfo) => {
  const map = { ...wideMap(12), personaIds: PERSONAS.map((p) => p.id) };
  await importMap(page, map, PERSONAS, PHOTOS);
  for (const options of [
    A4_LANDSCAPE,
    { size: 'A4', orientation: 'portrait' },
    { size: 'A3', orientation: 'landscape' },
    { size: 'Letter', orientation: 'landscape' },
    { size: 'A2', orientation: 'landscape' },
    { size: 'A4', orientation: 'landscape', fitToPage: true },
  ] as PrintOptions[]) {
    await openPrint(page, map.id, options);
    const pdf = await makePdf(page, testInfo, `wide12-${options.size}-${options.orientation}${options.fitToPage ? '-fit' : ''}`);
    await expectPdfShows(pdf, map, PERSONAS, options);
    expect(pdf.sheets.filter((s) => s.kind === 'persona')).toHaveLength(3);
    const mapPages = pdf.sheets.filter((s) => s.kind === 'map').length;
    if (options.fitToPage) expect(mapPages).toBe(1);
    if (options === A4_LANDSCAPE) expect(mapPages).toBe(3);
    for (const t of Object.values(TEXTS)) expect(pdf.pages.some((p) => missingOnPage(p, t).length === 0)).toBe(true);
  }
});

test('a map taller than the page: rows packed into pages, long rows continued with their lane title, page count as printed', async ({ page }, testInfo) => {
  const map = tallMap();
  await importMap(page, map);
  for (const options of [A4_LANDSCAPE, { size: 'A4', orientation: 'portrait' }] as PrintOptions[]) {
    await openPrint(page, map.id, options);
    const pdf = await makePdf(page, testInfo, `tall-${options.orientation}`);
    await expectPdfShows(pdf, map, [], options);
    const maps = pdf.sheets.filter((s) => s.kind === 'map');
    expect(maps.length).toBeGreaterThan(3);
    // The text lane is taller than a page: it runs over several pages, its title on each, said so in the caption.
    const firstGroup = maps.filter((s) => s.stageIds.join() === maps[0]!.stageIds.join());
    const textLane = firstGroup.filter((s) => s.laneTitles.includes('Customer actions'));
    expect(textLane.length).toBeGreaterThan(1);
    expect(textLane[0]!.label).not.toMatch(/continued/);
    for (const sheet of textLane.slice(1)) expect(sheet.label).toMatch(/lane 1 continued/);
    // The long card is cut between words, across pages, never lost (the parts are checked above).
    expect(maps.filter((s) => s.cards.some((c) => c.id === 'card-2-text')).length).toBeGreaterThan(1);
  }
});

test('printed with backgrounds, every page is white below its content (no grey box)', async ({ page }, testInfo) => {
  const map = { ...wideMap(12), personaIds: PERSONAS.map((p) => p.id) };
  await importMap(page, map, PERSONAS, PHOTOS);
  await openPrint(page, map.id, A4_LANDSCAPE);
  const pdf = await makePdf(page, testInfo, 'white');
  // Persona pages and map pages all end above the lowest eighth of an A4 landscape page. The cover's
  // foot line (the dates) sits at the bottom by design: its band is white but for that line of text.
  pdf.sheets.forEach((sheet, i) => {
    const ink = inkInFoot(pdf.path, i + 1, 1 / 8);
    if (sheet.kind === 'cover') expect(ink, 'foot of the cover').toBeLessThan(0.05);
    else expect(ink, `foot of page ${i + 1} (${sheet.kind})`).toBe(0);
  });
});

test('in a right-to-left map, a KPI meta line reads in order: label, value with its unit, target', async ({ page }) => {
  const map = wideMap(2, { direction: 'rtl' });
  map.cards = map.cards.map((c) => (c.kind === 'kpi' ? { ...c, metric: 'response-time', value: 30, target: 24, unit: 'ساعت' } : c));
  await importMap(page, map);
  await openPrint(page, map.id, A4_LANDSCAPE);
  await waitForPrintView(page);
  const meta = page.locator('.jbp-card-kpi .jbp-card-meta').first();
  await expect(meta).toHaveText('Response time: 30 ساعت · target 24 ساعت · ✗ Above target');
  // Where each piece is drawn: x of the label, of "30" and "ساعت" in the value, of "target", of the target value.
  const x = await meta.evaluate((p) => {
    /** The left edge of the n-th occurrence of `sub` in the line's text, wherever the markup puts it. */
    const left = (sub: string, nth = 0) => {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let at = text.indexOf(sub); at >= 0; at = text.indexOf(sub, at + 1)) {
          if (seen++ < nth) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + sub.length);
          return range.getBoundingClientRect().left;
        }
      }
      throw new Error(`"${sub}" not in the meta line`);
    };
    return { label: left('Response'), number: left('30'), unit: left('ساعت'), target: left('target'), targetNumber: left('24'), targetUnit: left('ساعت', 1) };
  });
  // Our words are English: the line runs left to right, whatever the table's direction...
  expect(x.label).toBeLessThan(Math.min(x.number, x.unit));
  expect(Math.max(x.number, x.unit)).toBeLessThan(x.target);
  expect(x.target).toBeLessThan(Math.min(x.targetNumber, x.targetUnit));
  // ...and each value reads right to left inside its isolate: "30" to the right of its "ساعت".
  expect(x.number).toBeGreaterThan(x.unit);
  expect(x.targetNumber).toBeGreaterThan(x.targetUnit);
});

test('an imported card whose text is markup is printed as text and runs nothing', async ({ page }, testInfo) => {
  const map = wideMap(2);
  map.id = 'map-xss';
  map.cards[0] = { ...map.cards[0]!, text: '<img src=x onerror=alert(1)>' };
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await importMap(page, map);
  await page.goto(`./#/maps/${map.id}/print`);
  await expect(page.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(page.locator('.jbp-print img[src="x"]')).toHaveCount(0);
  const pdf = await makePdf(page, testInfo, 'xss');
  expect(pdf.pages.some((p) => p.includes('<img src=x onerror=alert(1)>'))).toBe(true);
  expect(dialogs).toEqual([]);
});

test('Export CSV downloads <title>.zip: cards, personas and connections as UTF-8 spreadsheets with every field and guarded cells', async ({ page }) => {
  const map = wideMap(4);
  map.channels = map.channels.map((c) => (c.id === 'phone' ? { ...c, name: '=HYPERLINK("http://evil","x")' } : c));
  map.cards = map.cards.map((c) => {
    if (c.kind === 'kpi') return { ...c, metric: 'response-time' as const, value: 30, target: 24, unit: 'ساعت' };
    if (c.kind === 'opportunity' && c.stageId === 'stage-2') return { ...c, status: 'in-progress' as const };
    if (c.kind === 'pain' && c.stageId === 'stage-1') return { ...c, touchpointId: 'card-1-touchpoint' };
    return c;
  });
  map.personaIds = ['persona-1'];
  map.connections = [{ id: 'conn-1', from: 'card-1-touchpoint', to: 'card-2-touchpoint', label: 'ایمیل ← چت', personaId: 'persona-1' }];
  const personas = [persona('persona-1', 'مریم احمدی', { goals: ['ติดต่อครั้งเดียวจบ', TEXTS.vi] })];
  await importMap(page, map, personas);
  await page.goto(`./#/maps/${map.id}`);
  const download = page.waitForEvent('download');
  await page.getByRole('navigation', { name: 'Map actions' }).getByRole('button', { name: 'Export CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Wide map with 4 stages.zip');
  const bytes = readFileSync(await file.path());
  const zip = readCsvZip(bytes);
  expect(zip.names).toEqual(['cards.csv', 'personas.csv', 'connections.csv']);
  for (const name of zip.names) expect([...new TextEncoder().encode(zip.texts[name]!.slice(0, 1))], name).toEqual([0xef, 0xbb, 0xbf]);
  // The same map gives the same bytes in the browser as in Node (the CLI): one function, dates fixed.
  expect(bytes.equals(Buffer.from((await exportMapCsv(await i18nOf(map.language), map, personas)).bytes))).toBe(true);

  const cards = records(zip.tables['cards.csv']!);
  expect(cards).toHaveLength(map.cards.length);
  const card = (id: string) => cards.find((r) => r['Card id'] === id)!;
  expect(card('card-1-touchpoint')).toMatchObject({ Kind: 'Touchpoints', Channel: `'=HYPERLINK("http://evil","x")`, Owner: 'Contact center' });
  expect(card('card-1-kpi')).toMatchObject({ 'KPI metric': 'Response time', Value: '30', Target: '24', Unit: 'ساعت' });
  expect(card('card-2-opportunity')).toMatchObject({ Status: 'In progress', Priority: 'High', Impact: 'Medium', Effort: 'Low', Owner: 'CX team' });
  expect(card('card-1-pain')).toMatchObject({ Severity: 'High', 'Touchpoint id': 'card-1-touchpoint', 'Felt at touchpoint': card('card-1-touchpoint').Text });
  expect(card('card-1-emotion')['Emotion score']).toBe('-1');
  for (const t of Object.values(TEXTS)) expect(cards.some((r) => r.Text!.includes(t))).toBe(true);

  // Channels by the map's names (this map renamed Phone); only a cell's start can make a formula.
  expect(records(zip.tables['personas.csv']!)).toEqual([
    expect.objectContaining({
      'Persona id': 'persona-1',
      Name: 'مریم احمدی',
      Goals: `ติดต่อครั้งเดียวจบ\n${TEXTS.vi}`,
      'Preferred channels': 'LINE\n=HYPERLINK("http://evil","x")',
    }),
  ]);
  expect(records(zip.tables['connections.csv']!)).toEqual([
    {
      'From card id': 'card-1-touchpoint',
      'From card': card('card-1-touchpoint').Text,
      'To card id': 'card-2-touchpoint',
      'To card': card('card-2-touchpoint').Text,
      'Arrow label': 'ایمیل ← چت',
      'Whose path': 'مریم احمدی',
    },
  ]);
});

test('a library backup over 20 MB (more than a map file may be) is written and restores through Import', async ({ page }) => {
  test.setTimeout(120_000); // 40 MB of files through IndexedDB and back, on a shared machine
  // Two maps of ~11 MB of Thai text each: each file is under the 20 MB limit of a map file, the backup is over it.
  const thai = TEXTS.th.repeat(Math.ceil(20_000 / TEXTS.th.length)).slice(0, 20_000);
  const big = (id: string): JourneyMap => ({
    ...wideMap(1, { title: id }),
    id,
    connections: [],
    cards: Array.from({ length: 185 }, (_, i) => ({ id: `${id}-${i}`, kind: 'text' as const, stageId: 'stage-1', laneId: 'lane-text', order: i, text: thai })),
  });
  await importMap(page, big('big-a'));
  await importMap(page, big('big-b'));
  await page.goto('./');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up library' }).click();
  const backup = await download;
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toHaveText('Backed up 2 maps and 0 personas.');
  const bytes = readFileSync(await backup.path());
  expect(bytes.length).toBeGreaterThan(20 * 1024 * 1024);

  await page.getByLabel('Import a file').setInputFiles({ name: backup.suggestedFilename(), mimeType: 'application/json', buffer: bytes });
  // Both maps are still here: one question for the two of them.
  const conflict = page.getByRole('dialog', { name: 'These maps are already in your library' });
  await conflict.getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('Imported 2 maps')).toBeVisible();
});

test('PNG export downloads the whole map at 2x', async ({ page }) => {
  const id = await createSample(page, SAMPLES[0]!.name.slice(0, 12));
  await page.goto(`./#/maps/${encodeURIComponent(id)}/print`);
  await waitForPrintView(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // 2x: wider than the map's CSS width.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
});
