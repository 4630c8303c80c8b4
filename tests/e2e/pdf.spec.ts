/**
 * The PDF made for paper (issue 16): the contact-center template (5 stages x 9 lanes) printed from
 * the print view as the app prints it (page.pdf with the page's own CSS size, backgrounds on), each
 * page rendered with pdftoppm and checked from its pixels: no page is blank, and each page's ink
 * spans at least 90% of the printable width or height (the page inside its margins).
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { METRICS, type PrintOptions } from '../../src/export/printLayout';
import { SAMPLES } from '../../src/model/samples';
import { catalogue } from './catalogue';
import { createSample, inkBox, openPrint, pdfPageCount, pdfPageSizePt, renderPages, waitForPrintView } from './exportHelpers';

const TEMPLATE = 'Contact-center life cycle';
const LANES = ['Customer goals', 'Customer actions', 'Touchpoints', 'Thoughts and feelings', 'Emotion', 'Pain points', 'Opportunities', 'Backstage', 'KPIs'];
const PT_MM = 25.4 / 72;

interface PdfPage {
  n: number;
  kind: string;
  ink: number;
  widthShare: number;
  heightShare: number;
}

/** Prints the print view to a temporary PDF and measures every page's ink. */
async function printPdf(page: Page, testInfo: TestInfo, name: string): Promise<{ path: string; pages: PdfPage[]; toolbarPages: number }> {
  await waitForPrintView(page);
  const said = await page.getByRole('toolbar', { name: 'Print options' }).getByRole('status').innerText();
  const kinds = await page.locator('section.jbp-sheet').evaluateAll((s) => s.map((e) => (e as HTMLElement).dataset.kind ?? ''));
  const path = testInfo.outputPath(`${name}.pdf`);
  writeFileSync(path, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  const images = renderPages(path, 40);
  expect(images, 'pdftoppm drew every page pdfinfo counts').toHaveLength(pdfPageCount(path));
  const pages = images.map((img, i) => {
    const size = pdfPageSizePt(path, i + 1);
    const box = inkBox(img, { x: METRICS.marginMm / (size.width * PT_MM), y: METRICS.marginMm / (size.height * PT_MM) });
    return { n: i + 1, kind: kinds[i] ?? '?', ...box };
  });
  for (const p of pages) {
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', String(p.n), '-l', String(p.n), '-singlefile', path, `${path}-page${p.n}`]);
    await testInfo.attach(`${name}-page${p.n}.png`, { path: `${path}-page${p.n}.png`, contentType: 'image/png' });
  }
  await testInfo.attach(`${name}-fill.json`, { body: JSON.stringify(pages, null, 1), contentType: 'application/json' });
  return { path, pages, toolbarPages: Number(/^(\d+) pages?$/.exec(said)?.[1] ?? NaN) };
}

function expectEveryPageFilled(pages: PdfPage[]) {
  for (const p of pages) {
    const where = `page ${p.n} (${p.kind}): ink spans ${(p.widthShare * 100).toFixed(1)}% of the width, ${(p.heightShare * 100).toFixed(1)}% of the height`;
    expect(p.ink, `page ${p.n} is not blank`).toBeGreaterThan(0);
    expect(Math.max(p.widthShare, p.heightShare), where).toBeGreaterThanOrEqual(0.9);
    // Nothing is drawn in the margins (beyond anti-aliasing): the box is inside the printable area.
    expect(Math.max(p.widthShare, p.heightShare), where).toBeLessThanOrEqual(1.02);
  }
}

const A4_LANDSCAPE: PrintOptions = { size: 'A4', orientation: 'landscape' };
const A4_PORTRAIT: PrintOptions = { size: 'A4', orientation: 'portrait' };

test.describe('the PDF of the contact-center template', () => {
  let mapId = '';
  test.beforeEach(async ({ page }) => {
    mapId = await createSample(page, TEMPLATE);
  });

  for (const options of [A4_LANDSCAPE, A4_PORTRAIT]) {
    test(`A4 ${options.orientation}: a cover with content, then tiles, every page filled`, async ({ page }, testInfo) => {
      await openPrint(page, mapId, options);
      const pdf = await printPdf(page, testInfo, `contact-center-a4-${options.orientation}`);
      expect(pdf.toolbarPages, 'the toolbar says how many pages the PDF has').toBe(pdf.pages.length);
      expect(pdf.pages[0]!.kind).toBe('cover');
      expect(pdf.pages.filter((p) => p.kind === 'map').length).toBeGreaterThan(1);
      expectEveryPageFilled(pdf.pages);
      // The cover carries the summary and the KPI scorecard (the template's KPI cards with value, target and status).
      const cover = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf.path, '-']).toString('utf8');
      expect(cover).toContain('KPI scorecard');
      expect(cover).toMatch(/5 stages, 9 lanes/);
      expect(cover).toMatch(/On target|Below target/);
    });
  }

  test('fit to one page: the whole map on one A4 sheet, filled; without the cover the PDF is that one page', async ({ page }, testInfo) => {
    await openPrint(page, mapId, { ...A4_LANDSCAPE, fitToPage: true });
    const withCover = await printPdf(page, testInfo, 'contact-center-fit');
    expect(withCover.pages.map((p) => p.kind)).toEqual(['cover', 'map']);
    expectEveryPageFilled(withCover.pages);

    await openPrint(page, mapId, { ...A4_LANDSCAPE, fitToPage: true, cover: false });
    const alone = await printPdf(page, testInfo, 'contact-center-fit-alone');
    expect(pdfPageCount(alone.path)).toBe(1);
    expect(alone.toolbarPages).toBe(1);
    expectEveryPageFilled(alone.pages);
    // Every stage is on that page.
    const text = execFileSync('pdftotext', ['-raw', alone.path, '-']).toString('utf8').replace(/\s+/g, ' ');
    for (const stage of ['Awareness', 'Initial contact', 'Buying', 'After sales', 'Review and offer next']) expect(text).toContain(stage);
  });

  test('the first tile shows each lane header once, at the inline start, under one row of stage headers', async ({ page }, testInfo) => {
    await openPrint(page, mapId, { ...A4_LANDSCAPE, cover: false });
    await waitForPrintView(page);
    const tile = page.locator('section.jbp-sheet-map').first();
    // One header row of stages; one lane header per row, each naming its lane once.
    await expect(tile.locator('thead tr')).toHaveCount(1);
    const headers = tile.getByRole('rowheader');
    const texts = await headers.allInnerTexts();
    const titles = texts.map((t) => t.split('\n')[0]!.trim());
    expect(new Set(titles).size, 'no lane twice').toBe(titles.length);
    for (const title of titles) expect(LANES).toContain(title);
    for (const t of texts) {
      const lines = t.split('\n').map((l) => l.trim().toLowerCase()).filter(Boolean);
      expect(new Set(lines).size, `"${t}" repeats a line`).toBe(lines.length);
    }
    // In the PDF: "Touchpoints" is printed once on that page (the lane's title, not its kind again).
    const pdf = await printPdf(page, testInfo, 'contact-center-first-tile');
    const first = execFileSync('pdftotext', ['-f', '1', '-l', '1', '-raw', pdf.path, '-']).toString('utf8');
    expect(first.match(/Touchpoints/g)).toHaveLength(1);
    // The lane headers sit at the inline start (left in this left-to-right map), the stage row across the top.
    const box = await headers.first().boundingBox();
    const stage = await tile.locator('thead th.jbp-stage').first().boundingBox();
    expect(box!.x).toBeLessThan(stage!.x);
    expect(stage!.y).toBeLessThan(box!.y);
  });
});

test('A Persian map prints its stages right to left, and its tiles fill the page too', async ({ page }, testInfo) => {
  const fa = SAMPLES.find((s) => s.id === 'sample-fa')!;
  const id = await createSample(page, fa.name.slice(0, 12));
  await openPrint(page, id, A4_LANDSCAPE);
  await waitForPrintView(page);
  const tile = page.locator('section.jbp-sheet-map').first();
  const xs = await tile.locator('thead th.jbp-stage').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().x));
  expect(xs.length).toBeGreaterThan(1);
  expect([...xs].sort((a, b) => b - a), 'stage 1 on the right, then leftwards').toEqual(xs);
  const laneHeader = await tile.getByRole('rowheader').first().boundingBox();
  expect(laneHeader!.x, 'lane headers at the inline start: the right').toBeGreaterThan(xs[0]!);
  const pdf = await printPdf(page, testInfo, 'sample-fa-a4');
  expectEveryPageFilled(pdf.pages);

  // Printed from the English interface, the Persian map's PDF speaks Persian: its headings and
  // labels, and its numbers in Persian digits (the KPI 30 h against a 24 h target reads ۳۰ and ۲۴).
  const t = await catalogue('fa');
  const doc = fa.build();
  // pdftotext writes right-to-left runs in visual order, wrapped in bidi embedding marks: compare words.
  const words = (text: string) => new Set(text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '').split(/[\s:،]+/).filter(Boolean));
  const expectWords = (inText: Set<string>, phrase: string) => {
    for (const w of words(phrase)) expect(inText, `"${w}" of "${phrase}"`).toContain(w);
  };
  const text = execFileSync('pdftotext', ['-raw', pdf.path, '-']).toString('utf8');
  const all = words(text);
  const cover = words(execFileSync('pdftotext', ['-f', '1', '-l', '1', '-raw', pdf.path, '-']).toString('utf8'));
  for (const heading of [t('print.cover.scorecard'), t('print.cover.counts', { stages: doc.stages.length, lanes: doc.lanes.length, cards: doc.cards.length })]) expectWords(cover, heading);
  for (const stage of doc.stages) expectWords(all, stage.name);
  for (const lane of doc.lanes) expectWords(all, lane.title);
  for (const digits of ['۳۰', '۲۴', '۴٫۱', '۳۲', '۴۰']) expect(all).toContain(digits);
  // (Card texts keep the digits their authors typed: "24 ساعت" stays as written.)
  for (const latin of ['30', '32', '40', '4.1', '4.5']) expect(all, `${latin} in Latin digits`).not.toContain(latin);
  // The cover's list of stages is numbered ۱. to ۵. (pdftotext may put the dot on either side).
  expect(text).toMatch(/^(\.۵|۵\.)$/m);
  expect(text).not.toMatch(/^(\.[1-5]|[1-5]\.)$/m);
  for (const english of ['KPI scorecard', 'Summary', 'stages', 'Target', 'Owner', 'Severity']) expect(text).not.toContain(english);
});

test('poster sizes: A3 tiles and an A2 sheet of the whole map, each page of the size asked for and filled', async ({ page }, testInfo) => {
  const id = await createSample(page, TEMPLATE);
  for (const [options, widthPt, heightPt] of [
    [{ size: 'A3', orientation: 'landscape' }, 1190.55, 841.89],
    [{ size: 'A2', orientation: 'portrait', fitToPage: true, cover: false }, 1190.55, 1683.78],
  ] as const) {
    await openPrint(page, id, options);
    const pdf = await printPdf(page, testInfo, `contact-center-${options.size}`);
    for (let n = 1; n <= pdf.pages.length; n++) {
      const size = pdfPageSizePt(pdf.path, n);
      expect(size.width).toBeCloseTo(widthPt, -1);
      expect(size.height).toBeCloseTo(heightPt, -1);
    }
    expectEveryPageFilled(pdf.pages);
    if (options.size === 'A2') expect(pdf.pages).toHaveLength(1);
  }
});

test('the print page is a main landmark and its options work from the keyboard', async ({ page }) => {
  const id = await createSample(page, TEMPLATE);
  await page.goto(`./#/maps/${encodeURIComponent(id)}/print`);
  await waitForPrintView(page);
  await expect(page.getByRole('main')).toHaveCount(1);
  const toolbar = page.getByRole('main').getByRole('toolbar', { name: 'Print options' });
  const status = toolbar.getByRole('status');
  await expect(status).toHaveText('3 pages');
  // Tab from the page size to the checkboxes; Space toggles them, arrow keys pick a paper size.
  await toolbar.getByRole('combobox', { name: 'Page size' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('checkbox', { name: 'Fit to one page' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(status).toHaveText('2 pages');
  await page.keyboard.press('Tab');
  await expect(toolbar.getByRole('checkbox', { name: 'Cover page' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(status).toHaveText('1 page');
  await expect(page.locator('section.jbp-sheet')).toHaveCount(1);
});
