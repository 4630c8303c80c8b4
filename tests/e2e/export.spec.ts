/**
 * Print view -> PDF (page.pdf, standing in for the user's "Save as PDF"), checked with pdftotext.
 * Needs the app shell to route #/maps/<id>/print to src/export/PrintPage and the library to show
 * src/export/ImportPanel ("Import a file").
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { exportMapFile } from '../../src/export/envelope';
import { SAMPLES } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';
import { TEXTS, wideMap } from '../export/arbitraries';

/** pdftotext writes RTL lines in visual order, drops ZWNJ and spells lam-alef backwards: compare word by word. */
const FORMAT = /\p{Cf}/gu;
const SEPARATORS = /[\s\p{P}\p{S}\u200C]+/u;
function squash(s: string): string {
  return s.normalize('NFKC').replace(FORMAT, '').replace(/[\s\p{P}\p{S}]+/gu, '');
}
function words(s: string): string[] {
  return s.normalize('NFKC').split(SEPARATORS).map((w) => w.replace(FORMAT, '')).filter(Boolean);
}
function missingWords(pdfText: string, expected: readonly string[]): string[] {
  const hay = squash(pdfText);
  // A short right-to-left run cut off by a ZWNJ (the "می" of "می‌خواهد") comes out in visual order,
  // its letters reversed: the glyphs are in the PDF, only pdftotext's reading order differs.
  const found = (w: string) => new RegExp(w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/لا/g, '(?:لا|ال)'), 'u').test(hay);
  const rtl = /[\u0590-\u08FF]/u;
  return expected.flatMap(words).filter((w) => !found(w) && !(rtl.test(w) && found([...w].reverse().join(''))));
}

async function pdfOf(page: Page, outputPath: (name: string) => string, name: string): Promise<string> {
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const pdfPath = outputPath(`${name}.pdf`);
  writeFileSync(pdfPath, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  // The first page as a PNG, for a look.
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, outputPath(`${name}-page1`)]);
  return pdfPath;
}

function expectedTexts(map: JourneyMap): string[] {
  return [map.title, ...map.stages.map((s) => s.name), ...map.lanes.map((l) => l.title), ...map.cards.map((c) => c.text)];
}

function checkPdf(pdfPath: string, map: JourneyMap) {
  const raw = execFileSync('pdftotext', ['-raw', pdfPath, '-']).toString('utf8');
  expect(missingWords(raw, expectedTexts(map))).toEqual([]);
  const fonts = execFileSync('pdffonts', [pdfPath]).toString('utf8');
  return { raw, fonts };
}

async function createSample(page: Page, name: string): Promise<string> {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  return decodeURIComponent(/#\/maps\/([^/]+)$/.exec(page.url())![1]!);
}

for (const sample of SAMPLES) {
  test(`print view of ${sample.id} makes a PDF with every stage and card text`, async ({ page }, testInfo) => {
    const id = await createSample(page, sample.name.slice(0, 12));
    await page.goto(`./#/maps/${encodeURIComponent(id)}/print`);
    await expect(page.getByRole('combobox', { name: 'Page size' })).toBeVisible();
    const map = sample.build();
    const pdfPath = await pdfOf(page, (n) => testInfo.outputPath(n), sample.id);
    const { fonts } = checkPdf(pdfPath, map);
    // The bundled fonts are embedded, not a system fallback.
    if (sample.id === 'sample-th') expect(fonts).toMatch(/NotoSansThai/);
    if (sample.id === 'sample-fa') expect(fonts).toMatch(/Vazirmatn/);
    expect(fonts).toMatch(/NotoSans/);
  });
}

test('a 12-stage map is split into pages of whole stages, all in the PDF, in every page size', async ({ page }, testInfo) => {
  const map = wideMap(12);
  const file = exportMapFile(map, [], []);
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  await page.goto(`./#/maps/${map.id}/print`);

  for (const size of ['A4', 'A3', 'Letter', 'fit'] as const) {
    await page.getByRole('combobox', { name: 'Page size' }).selectOption(size);
    const pdfPath = await pdfOf(page, (n) => testInfo.outputPath(n), `wide12-${size}`);
    const { raw } = checkPdf(pdfPath, map);
    for (const t of Object.values(TEXTS)) expect(missingWords(raw, [t])).toEqual([]);
    const info = execFileSync('pdfinfo', [pdfPath]).toString('utf8');
    const pageCount = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    if (size === 'fit') expect(pageCount).toBe(2); // cover + the whole map
    else expect(pageCount).toBeGreaterThanOrEqual(3);
  }
});

test('an imported card whose text is markup is printed as text and runs nothing', async ({ page }, testInfo) => {
  const map = wideMap(2);
  map.id = 'map-xss';
  map.cards[0] = { ...map.cards[0]!, text: '<img src=x onerror=alert(1)>' };
  const file = exportMapFile(map, [], []);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  await page.goto(`./#/maps/${map.id}/print`);
  await expect(page.getByText('<img src=x onerror=alert(1)>')).toBeVisible();
  await expect(page.locator('.jbp-print img[src="x"]')).toHaveCount(0);
  await pdfOf(page, (n) => testInfo.outputPath(n), 'xss');
  expect(dialogs).toEqual([]);
});

test('PNG export downloads the whole map at 2x', async ({ page }) => {
  const id = await createSample(page, SAMPLES[0]!.name.slice(0, 12));
  await page.goto(`./#/maps/${encodeURIComponent(id)}/print`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await file.path());
  expect([...bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  // 2x: wider than the map's CSS width.
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);
});
