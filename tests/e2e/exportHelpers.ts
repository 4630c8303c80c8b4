/**
 * What the export specs share: making a map from a template or sample as a user does, saving what
 * an export button downloads, opening the print view with options, waiting until it is laid out,
 * asking pdfinfo for the page count, and reading a page's pixels from pdftoppm.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import type { PrintOptions } from '../../src/export/printLayout';

/** Text as a regular expression that matches it literally. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Makes a map from the template or sample whose name contains `name`, in the "New map" dialog; returns its id. */
export async function createSample(page: Page, name: string): Promise<string> {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: new RegExp(escapeRegExp(name)) }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  return decodeURIComponent(/#\/maps\/([^/]+)$/.exec(page.url())![1]!);
}

/** Presses an export button of the open map and saves the download under the test's output. */
export async function exportFile(page: Page, testInfo: TestInfo, button: string): Promise<{ path: string; name: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button, exact: true }).click();
  const file = await download;
  const path = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** The print view of a map with these options, set through the toolbar as a user sets them. */
export async function openPrint(page: Page, mapId: string, options: PrintOptions) {
  await page.goto(`./#/maps/${encodeURIComponent(mapId)}/print`);
  const toolbar = page.getByRole('toolbar', { name: 'Print options' });
  await toolbar.getByRole('combobox', { name: 'Page size' }).selectOption(options.size);
  if (options.size !== 'fit') await toolbar.getByRole('combobox', { name: 'Orientation' }).selectOption(options.orientation);
  if (options.size !== 'fit') await toolbar.getByRole('checkbox', { name: 'Fit to one page' }).setChecked(options.fitToPage === true);
  await toolbar.getByRole('checkbox', { name: 'Cover page' }).setChecked(options.cover !== false);
}

export async function waitForPrintView(page: Page) {
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
}

export function pdfPageCount(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath]).toString('utf8');
  return Number(/Pages:\s+(\d+)/.exec(info)![1]);
}

/** A page's size in points (pdfinfo -f n -l n: "Page    n size: 841.89 x 595.28 pts"). */
export function pdfPageSizePt(pdfPath: string, n: number): { width: number; height: number } {
  const info = execFileSync('pdfinfo', ['-f', String(n), '-l', String(n), pdfPath]).toString('utf8');
  const m = /size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { width: Number(m[1]), height: Number(m[2]) };
}

export interface GrayImage {
  width: number;
  height: number;
  /** One byte a pixel, 0 black to 255 white, row by row. */
  pixels: Uint8Array;
}

/** Decodes the 8-bit grey or RGB, non-interlaced PNG that pdftoppm writes (RGB is turned to grey). */
export function decodePng(bytes: Buffer): GrayImage {
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 1;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      channels = body[9] === 0 ? 1 : body[9] === 2 ? 3 : NaN;
      if (Number.isNaN(channels)) throw new Error(`PNG colour type ${body[9]} not handled`);
    } else if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const out = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const e = a + b - c;
        const [pa, pb, pc] = [Math.abs(e - a), Math.abs(e - b), Math.abs(e - c)];
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (v + p) & 0xff;
    }
  }
  if (channels === 1) return { width, height, pixels: out };
  const gray = new Uint8Array(width * height);
  for (let i = 0; i < gray.length; i++) gray[i] = Math.round(0.299 * out[3 * i]! + 0.587 * out[3 * i + 1]! + 0.114 * out[3 * i + 2]!);
  return { width, height, pixels: gray };
}

/** Every page of a PDF as pixels: pdftoppm -r <dpi> -png, page 1 first. */
export function renderPages(pdfPath: string, dpi = 40): GrayImage[] {
  const prefix = `${pdfPath}-r${dpi}`;
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdfPath, prefix]);
  const stem = basename(prefix);
  const files = readdirSync(dirname(prefix))
    .map((f) => ({ f, n: new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)\\.png$`).exec(f)?.[1] }))
    .filter((x): x is { f: string; n: string } => x.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  return files.map(({ f }) => decodePng(readFileSync(join(dirname(prefix), f))));
}

export interface InkBox {
  /** Pixels that are not white. */
  ink: number;
  /** The bounding box of those pixels, as shares of the page's printable width and height (inside its margins). */
  widthShare: number;
  heightShare: number;
}

/** Where a rendered page has ink: pixels darker than `white`, boxed, measured against the printable area. */
export function inkBox(img: GrayImage, marginShare: { x: number; y: number }, white = 250): InkBox {
  let [minX, minY, maxX, maxY, ink] = [Infinity, Infinity, -1, -1, 0];
  for (let y = 0; y < img.height; y++) {
    for (let x = 0; x < img.width; x++) {
      if (img.pixels[y * img.width + x]! >= white) continue;
      ink++;
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
  }
  if (ink === 0) return { ink, widthShare: 0, heightShare: 0 };
  const printableW = img.width * (1 - 2 * marginShare.x);
  const printableH = img.height * (1 - 2 * marginShare.y);
  return { ink, widthShare: (maxX - minX + 1) / printableW, heightShare: (maxY - minY + 1) / printableH };
}

/**
 * A persona's quote as drawn: the marks of its own script (« » for Persian, “ ” otherwise) and
 * no slant for Arabic-script or Thai letters, which have no italic (the browser would fake one).
 */
export async function expectQuoteTypography(quote: Locator, text: string) {
  const drawn = await quote.evaluate((el) => ({
    marks: getComputedStyle(el, '::before').content === 'open-quote' ? getComputedStyle(el).quotes : 'none drawn',
    fontStyle: getComputedStyle(el).fontStyle,
  }));
  const persian = /[\u0600-\u06ff]/.test(text);
  const upright = persian || /[\u0e00-\u0e7f]/.test(text);
  expect(drawn, `the quote "${text}"`).toEqual({ marks: persian ? '"«" "»"' : '"“" "”"', fontStyle: upright ? 'normal' : 'italic' });
}
