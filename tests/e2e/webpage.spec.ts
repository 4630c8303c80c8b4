/**
 * Export -> Web page, in Chromium: for the Persian, Thai and Vietnamese samples, the page made in
 * the app opens from file:// with every request blocked and counted (none is made), shows the map's
 * text in its script with the embedded font, walks its slides from the keyboard, passes axe-core
 * (no serious or critical violation), and dropped on the library brings back the same map.
 */
import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { exportMapFile } from '../../src/export/envelope';
import { SAMPLES } from '../../src/model/samples';
import { createSample, exportFile } from './exportHelpers';
import type { JourneyMap } from '../../src/model/schema';
import type { Locale } from '../../src/i18n/locales';
import { catalogue } from './catalogue';
import { persona } from '../export/arbitraries';

/** A sample's name as the "New map" dialog shows it. */
const nameOf = (id: string) => SAMPLES.find((s) => s.id === id)!.name;

const CASES: { id: string; lang: Locale; family: string }[] = [
  { id: 'sample-fa', lang: 'fa', family: 'Vazirmatn' },
  { id: 'sample-th', lang: 'th', family: 'Noto Sans Thai' },
  { id: 'sample-vi', lang: 'vi', family: 'Noto Sans' },
];

/** The map (and its personas) as the app reads it back from storage: its own JSON export. */
async function documentsOf(page: Page, testInfo: TestInfo): Promise<{ map: JourneyMap; personas: unknown[] }> {
  const { path } = await exportFile(page, testInfo, 'Export JSON');
  const envelope = JSON.parse(readFileSync(path, 'utf8')) as { map: JourneyMap; personas: unknown[] };
  return { map: envelope.map, personas: envelope.personas };
}

/** Opens the page from file:// with every request but the document itself blocked and counted. */
async function openOffline(browser: Browser, path: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const url = pathToFileURL(path).href;
  // The document itself (also opened again as the presenter window, with a #fragment) is the only load allowed.
  const isDocument = (u: string) => u.split('#')[0] === url;
  const requests: string[] = [];
  // On the context, so a window the page opens is watched too.
  await context.route('**/*', (route) => {
    if (!isDocument(route.request().url())) requests.push(`routed: ${route.request().url()}`);
    return isDocument(route.request().url()) ? route.continue() : route.abort();
  });
  context.on('request', (r) => {
    if (!isDocument(r.url())) requests.push(r.url());
  });
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  return { context, page, requests, violations };
}

async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

for (const { id, lang, family } of CASES) {
  test(`web page of ${id}: offline from file://, slides from the keyboard, accessible, and it imports back`, async ({ page, browser }, testInfo) => {
    const t = await catalogue(lang);
    const zoom = (z: number) => t('viewer.zoom', { percent: new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(z) });
    const sample = SAMPLES.find((s) => s.id === id)!.build() as JourneyMap;
    await createSample(page, nameOf(id));
    const original = await documentsOf(page, testInfo);
    const exported = await exportFile(page, testInfo, 'Export web page');
    expect(exported.name).toMatch(/\.html$/);
    testInfo.annotations.push({ type: 'size', description: `${exported.name}: ${statSync(exported.path).size} bytes` });
    console.log(`web page ${id}: ${exported.name} ${(statSync(exported.path).size / 1024).toFixed(1)} KB`);

    const offline = await openOffline(browser, exported.path);
    const viewer = offline.page;
    try {
      await expect(viewer.getByRole('main')).toBeVisible();
      await expect(viewer.getByRole('heading', { level: 1, name: original.map.title })).toBeVisible();
      await expect(viewer.locator('html')).toHaveAttribute('lang', lang);
      await expect(viewer.locator('html')).toHaveAttribute('dir', sample.direction);
      // The map's text, in its script, on screen: every stage name and the first card.
      const region = viewer.getByRole('region', { name: t('viewer.mapRegion') });
      for (const stage of original.map.stages) {
        // first(): a stage that loops back names its target too ("↺ back to …"), after the target's own header.
        await expect(region.getByRole('columnheader').getByText(stage.name, { exact: true }).first()).toBeVisible();
      }
      const card = original.map.cards[0]!;
      await expect(region.getByText(card.text, { exact: true })).toBeVisible();
      // Drawn with the embedded face, not a system fallback.
      const loaded = await viewer.evaluate(async () => {
        await document.fonts.ready;
        return [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/["']/g, ''));
      });
      expect(loaded).toContain(family);

      // Search highlights the matching card, and says how many match.
      const word = card.text.split(/\s+/u).find((w) => w.length > 3) ?? card.text;
      await viewer.getByRole('searchbox', { name: t('viewer.search') }).fill(word);
      const hits = original.map.cards.filter((c) =>
        [c.text, 'owner' in c ? c.owner : ''].some((t) => t.toLocaleLowerCase().includes(word.toLocaleLowerCase())),
      ).length;
      await expect(viewer.getByRole('status').filter({ hasText: t('viewer.matches', { count: hits }) })).toBeVisible();
      await expect(region.locator(`[data-card-id="${card.id}"]`)).toHaveAttribute('data-match', 'true');

      expect(await seriousViolations(viewer)).toEqual([]);

      // Pan and zoom from the keyboard, in the map region (the arrows scroll it: the browser's own panning).
      await region.focus();
      await viewer.keyboard.press('ArrowDown');
      await expect.poll(() => region.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
      await viewer.keyboard.press('+');
      await expect(viewer.getByRole('group', { name: zoom(1.1) })).toBeVisible();
      await viewer.keyboard.press('0');
      await expect(viewer.getByRole('group', { name: zoom(1) })).toBeVisible();

      // The presentation, walked with the keyboard: PageDown through every stage, the reading
      // direction's arrow back; speaker notes hidden until asked for.
      await viewer.getByRole('button', { name: t('viewer.view.present') }).focus();
      await viewer.keyboard.press('Enter');
      const slides = original.map.stages.length + 2;
      const num = (n: number) => new Intl.NumberFormat(lang).format(n);
      const slideName = (n: number, title: string) => t('present.slide.label', { number: num(n), count: num(slides), title });
      await expect(viewer.getByRole('region', { name: slideName(1, original.map.title) })).toBeVisible();
      await expect(viewer.getByRole('complementary', { name: t('present.notes.title') })).toHaveCount(0);
      for (const [i, stage] of original.map.stages.entries()) {
        await viewer.keyboard.press('PageDown');
        await expect(viewer.getByRole('region', { name: slideName(i + 2, stage.name) })).toBeVisible();
        await expect(viewer.getByRole('heading', { level: 1, name: stage.name })).toBeVisible();
      }
      await viewer.keyboard.press(sample.direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft');
      const last = original.map.stages.at(-1)!;
      await expect(viewer.getByRole('region', { name: slideName(slides - 2, original.map.stages.at(-2)!.name) })).toBeVisible();
      await viewer.keyboard.press('n');
      await expect(viewer.getByRole('complementary', { name: t('present.notes.title') })).toBeVisible();
      expect(await seriousViolations(viewer)).toEqual([]);
      await viewer.keyboard.press('Escape');
      await expect(viewer.getByRole('region', { name: t('viewer.mapRegion') })).toBeVisible();
      expect(last.name).toBeTruthy();

      expect(offline.violations).toEqual([]);
      expect(offline.requests).toEqual([]);
    } finally {
      await offline.context.close();
    }

    // Dropped on the library of a browser that does not have the map: the same map comes back.
    const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL, viewport: { width: 1280, height: 800 } });
    try {
      const app = await fresh.newPage();
      await app.goto('./#/');
      const html = readFileSync(exported.path, 'utf8');
      const drop = await app.evaluateHandle(
        ({ html, name }) => {
          const dt = new DataTransfer();
          dt.items.add(new File([html], name, { type: 'text/html' }));
          return dt;
        },
        { html, name: exported.name },
      );
      const target = app.getByRole('heading', { name: 'Journey maps' });
      await target.dispatchEvent('dragover', { dataTransfer: drop });
      await target.dispatchEvent('drop', { dataTransfer: drop });
      await expect(app.getByText('Imported 1 map.')).toBeVisible();
      await app.goto(`./#/maps/${encodeURIComponent(original.map.id)}`);
      await expect(app.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
      const back = await documentsOf(app, testInfo);
      expect(back).toEqual(original);
    } finally {
      await fresh.close();
    }
  });
}

test('a web page without a map in it is refused with a clear message', async ({ page }) => {
  await page.goto('./#/');
  await page.getByLabel('Import a file').setInputFiles({
    name: 'someone-else.html',
    mimeType: 'text/html',
    buffer: Buffer.from('<!doctype html><html><head><title>Hi</title></head><body><p>Hello</p></body></html>'),
  });
  await expect(page.getByRole('alert')).toContainText('This web page holds no Journeyboard map');
});

test('persona profiles and photos travel in the page: shown offline, and imported back with the map', async ({ page, browser }, testInfo) => {
  const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
  const maryam = persona('persona-fa', 'مریم احمدی', { avatarImageId: 'img-fa', occupation: 'معلم', goals: ['پیگیری سفارش بدون تماس دوباره'] });
  const map = { ...(SAMPLES.find((s) => s.id === 'sample-fa')!.build() as JourneyMap), personaIds: [maryam.id] };
  const file = exportMapFile(map, [maryam], [{ id: 'img-fa', type: 'image/png', dataUrl: PNG }]);
  await page.goto('./#/');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  await page.goto(`./#/maps/${encodeURIComponent(map.id)}`);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  const original = await documentsOf(page, testInfo);
  const exported = await exportFile(page, testInfo, 'Export web page');

  const offline = await openOffline(browser, exported.path);
  try {
    const fa = await catalogue('fa');
    await offline.page.getByRole('button', { name: fa('viewer.view.personas') }).click();
    const profile = offline.page.getByRole('region', { name: new RegExp(fa('print.page.persona')) });
    await expect(profile.getByRole('heading', { name: 'مریم احمدی' })).toBeVisible();
    await expect(profile.getByText('پیگیری سفارش بدون تماس دوباره')).toBeVisible();
    await expect(profile.locator('img')).toHaveAttribute('src', PNG);
    expect(await seriousViolations(offline.page)).toEqual([]);
    expect(offline.requests).toEqual([]);
  } finally {
    await offline.context.close();
  }

  // Back into a library that has neither the map nor the persona: both come back, photo included.
  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  try {
    const app = await fresh.newPage();
    await app.goto('./#/');
    await app.getByLabel('Import a file').setInputFiles({ name: exported.name, mimeType: 'text/html', buffer: readFileSync(exported.path) });
    await expect(app.getByText('Imported 1 map and 1 persona.')).toBeVisible();
    await app.goto(`./#/maps/${encodeURIComponent(map.id)}`);
    await expect(app.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
    const { path } = await exportFile(app, testInfo, 'Export JSON');
    const envelope = JSON.parse(readFileSync(path, 'utf8')) as { map: JourneyMap; personas: unknown[]; images: unknown[] };
    expect({ map: envelope.map, personas: envelope.personas }).toEqual(original);
    expect(envelope.images).toEqual([{ id: 'img-fa', type: 'image/png', dataUrl: PNG }]);
  } finally {
    await fresh.close();
  }
});

test('hostile text in a map stays text in its web page: nothing runs, nothing loads, it reads as typed', async ({ page, browser }, testInfo) => {
  const HOSTILE = '</script><img src=x onerror=alert(1)>';
  const base = SAMPLES.find((s) => s.id === 'sample-vi')!.build() as JourneyMap;
  const map: JourneyMap = {
    ...base,
    title: '<script>alert("title")</script> & </title>',
    stages: base.stages.map((s, i) => (i === 0 ? { ...s, name: '<!-- <script>alert(2)</script> -->' } : s)),
    cards: base.cards.map((c, i) => (i === 0 ? { ...c, text: HOSTILE } : c)),
  };
  const file = exportMapFile(map, []);
  await page.goto('./#/');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  await page.goto(`./#/maps/${encodeURIComponent(map.id)}`);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  const exported = await exportFile(page, testInfo, 'Export web page');

  const offline = await openOffline(browser, exported.path);
  const dialogs: string[] = [];
  offline.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await offline.page.reload();
    const region = offline.page.getByRole('region', { name: (await catalogue('vi'))('viewer.mapRegion') });
    await expect(region.getByText(HOSTILE, { exact: true })).toBeVisible();
    await expect(region.getByText('<!-- <script>alert(2)</script> -->', { exact: true })).toBeVisible();
    await expect(offline.page.getByRole('heading', { level: 1, name: map.title })).toBeVisible();
    await expect(offline.page).toHaveTitle(map.title);
    expect(await offline.page.locator('img').count()).toBe(0);
    // The map's envelope and its language's messages (both JSON data, never run) and the viewer's code.
    expect(await offline.page.locator('script').count()).toBe(3);
    expect(await offline.page.locator('script:not([type="application/json"])').count()).toBe(1);
    expect(dialogs).toEqual([]);
    expect(offline.requests).toEqual([]);
  } finally {
    await offline.context.close();
  }
});

test('the web page’s presenter view opens from file:// and follows the slides', async ({ page, browser }, testInfo) => {
  await createSample(page, nameOf('sample-th'));
  const exported = await exportFile(page, testInfo, 'Export web page');
  const offline = await openOffline(browser, exported.path);
  try {
    const viewer = offline.page;
    // A Thai map: its page, presenter view and all, speaks Thai.
    const th = await catalogue('th');
    await viewer.getByRole('button', { name: th('viewer.view.present') }).click();
    const popup = viewer.waitForEvent('popup');
    await viewer.getByRole('button', { name: th('present.presenterView') }).click();
    const presenter = await popup;
    await expect(presenter.getByRole('link', { name: th('present.closePresenter') })).toBeVisible();
    await expect(presenter.getByRole('complementary', { name: th('present.notes.title') })).toBeVisible();
    const slideStart = (n: number) => new RegExp(`^${th('present.slide.label', { number: n, count: 7, title: '' }).split(' ')[0]} ${n} `);
    await viewer.getByRole('region', { name: slideStart(1) }).focus();
    await viewer.keyboard.press('PageDown');
    await viewer.keyboard.press('PageDown');
    await expect(presenter.getByRole('region', { name: slideStart(3) })).toBeVisible();
    expect(offline.requests).toEqual([]);
  } finally {
    await offline.context.close();
  }
});
