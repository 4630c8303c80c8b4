import type { Locale } from '../../src/i18n/locales';
import { anySlideName, i18nOf } from './catalogue';
import { expectQuoteTypography } from './exportHelpers';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { exportMapFile, exportPersonaFile } from '../../src/export/envelope';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { templateById } from '../../src/model/templates';
import { cardHeadline } from '../../src/present/slides';
import { persona, TEXTS, wideMap } from '../export/arbitraries';

// Presentation mode in Chromium: a workshop facilitator walks a room through a map with the
// keyboard (or a clicker, which sends the same keys), on a 1920x1080 and a 1280x720 projector.
// Each test gets a fresh browser context (an empty IndexedDB).

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
] as const;

/** The map a template or sample builds: the expected stage names and card texts (ids differ). */
function blueprint(id: string): JourneyMap {
  const t = templateById(id) ?? sampleById(id);
  if (!t) throw new Error(id);
  return t.build();
}

async function openNewMap(page: Page, choice: { template: string } | { sample: string }): Promise<string> {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new map' });
  if ('template' in choice) await dialog.getByRole('button', { name: new RegExp(choice.template) }).click();
  else await dialog.getByTestId(choice.sample).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  return decodeURIComponent(/#\/maps\/([^/]+)$/.exec(page.url())?.[1] ?? '');
}

/** Speaker notes are written in the editor's side panel, on the stage. */
async function writeNotes(page: Page, stageName: string, notes: string) {
  await page.getByRole('button', { name: `Stage 1: ${stageName}` }).click();
  await page.getByRole('complementary', { name: 'Details' }).getByLabel('Speaker notes').fill(notes);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
}

// A slide region, named in its map's language.
const SLIDE = anySlideName();
const slide = (page: Page) => page.getByRole('region', { name: SLIDE });
const cards = (page: Page) => slide(page).getByTestId('present-card');

/**
 * The smallest text a back-of-the-room audience can read, in px on a slide as tall as a 1280x720
 * projector's (680 px above the control bar); scaled with the slide's height, so 1.5x at 1920x1080.
 * `main`: card text on stage and whole-map slides; the description, persona names and quotes and
 * the stage list on the title slide; every slide's h1. `secondary`: lane titles, meta lines, the
 * kicker and the curve's stage numbers. The whole map holds every card of the map at once: 11 px
 * there is the floor, not the aim (it is ~13 px on the templates).
 */
const READABLE = {
  title: { main: 18, secondary: 14 },
  stage: { main: 18, secondary: 14 },
  overview: { main: 11, secondary: 8.5 },
} as const;
type Readable = { main: number; secondary: number };

/**
 * Nothing cut off, no scroll bars: the page does not scroll either way; every text, image and box
 * of the slide lies inside the box that shows it, the slide and the window; no box hides overflow
 * it has; and no text is smaller than READABLE (or `readable`, for maps crowded on purpose). The
 * notes panel, when open, is checked the same way (notesReport).
 */
async function expectFits(page: Page, what: string, readable?: Partial<Readable>) {
  // The slide is fitted again when its box changes (a resize, the notes opening): measure once settled.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const report = await page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    const region = document.querySelector('section.jbpres-slide[aria-label]');
    const problems: string[] = [];
    if (root.scrollWidth > root.clientWidth || root.scrollHeight > root.clientHeight) {
      problems.push(`page scrolls: ${root.scrollWidth}x${root.scrollHeight} in ${root.clientWidth}x${root.clientHeight}`);
    }
    if (!region) return { problems: ['no slide'], kind: '', scale: 1, main: 0, secondary: 0 };
    const within = (b: DOMRect, box: DOMRect) => b.left >= box.left - 1 && b.right <= box.right + 1 && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
    const view = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const slideBox = region.getBoundingClientRect();
    const label = (el: Element) => `${el.tagName.toLowerCase()}.${el.className} “${(el.textContent ?? '').trim().slice(0, 30)}”`;
    const ownText = (el: Element) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    for (const el of region.querySelectorAll('*')) {
      const s = getComputedStyle(el);
      if (el.closest('.jbpres-visually-hidden') || s.display === 'none') continue;
      const b = el.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) continue;
      if (ownText(el) || el.matches('img, li, p, q, h1, h2, th, figure, [data-testid="present-card"]')) {
        const fit = el.parentElement?.closest('.jbpres-fit');
        if (fit && !within(b, fit.getBoundingClientRect())) problems.push(`cut off by its box: ${label(el)}`);
        if (!within(b, slideBox)) problems.push(`cut off by the slide: ${label(el)}`);
        if (!within(b, view)) problems.push(`outside the window: ${label(el)}`);
      }
      const scrolls = (v: string) => v === 'auto' || v === 'scroll';
      const tall = el.scrollHeight > el.clientHeight + 1;
      const wide = el.scrollWidth > el.clientWidth + 1;
      if ((scrolls(s.overflowY) && tall) || (scrolls(s.overflowX) && wide)) problems.push(`scroll bar on ${label(el)}`);
      else if (el !== region && (s.overflowY === 'hidden' || s.overflowX === 'hidden') && (tall || wide)) problems.push(`hides overflow: ${label(el)}`);
    }
    const kind = region.getAttribute('data-slide') ?? '';
    const smallest = (selector: string) =>
      Math.min(...[...region.querySelectorAll(selector)].filter((el) => (el.textContent ?? '').trim()).map((el) => parseFloat(getComputedStyle(el).fontSize)));
    const main = smallest(kind === 'title' ? 'h1, .jbpres-description, .jbpres-persona-name, .jbpres-persona-quote, .jbpres-agenda li, .jbpres-muted' : 'h1, .jbpres-card-text');
    const secondary = smallest('.jbpres-meta, .jbpres-lane-title, .jbpres-kicker, .jbpres-curve-labels > span, .jbpres-overview tbody th');
    // Secondary text keeps at least 0.75 of the card text beside it (a meta line, a lane's title).
    const size = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : NaN);
    for (const meta of region.querySelectorAll('.jbpres-card .jbpres-meta')) {
      const ratio = size(meta) / size(meta.closest('.jbpres-card')?.querySelector('.jbpres-card-text') ?? null);
      if (ratio < 0.75) problems.push(`meta line ${ratio.toFixed(2)} of its card text: ${label(meta)}`);
    }
    for (const title of region.querySelectorAll('.jbpres-lane-title')) {
      const ratio = size(title) / size(title.closest('.jbpres-lane')?.querySelector('.jbpres-card-text') ?? null);
      if (ratio < 0.75) problems.push(`lane title ${ratio.toFixed(2)} of its card text: ${label(title)}`);
    }
    return { problems, kind, scale: slideBox.height / 680, main, secondary };
  });
  expect(report.problems, what).toEqual([]);
  const floor = { ...(READABLE[report.kind as keyof typeof READABLE] ?? READABLE.stage), ...readable };
  if (Number.isFinite(report.main)) expect(report.main, `${what}: main text size (px)`).toBeGreaterThanOrEqual(floor.main * report.scale);
  if (Number.isFinite(report.secondary)) expect(report.secondary, `${what}: secondary text size (px)`).toBeGreaterThanOrEqual(floor.secondary * report.scale);
  if (await page.getByRole('complementary', { name: 'Speaker notes' }).count()) {
    expect((await notesReport(page)).problems, `${what}: notes`).toEqual([]);
  }
}

async function shoot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A 1x1 PNG: enough for a persona photo that must show on the title slide. */
const PNG_1x1 = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A persona with a photo, from a .persona.json file on the library page (each test starts with none). */
async function importPersona(page: Page, p: Persona) {
  const images = p.avatarImageId ? [{ id: p.avatarImageId, type: 'image/png' as const, dataUrl: PNG_1x1 }] : [];
  const file = exportPersonaFile(p, images);
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText('Imported 1 persona.')).toBeVisible();
}

/** Links a persona of the library to the map open in the editor, from the map's head. */
async function linkPersona(page: Page, name: string) {
  await page.getByRole('button', { name: 'Personas…' }).click();
  const linker = page.getByRole('region', { name: 'Link personas' });
  await linker.getByLabel('Add a persona to this map').selectOption({ label: name });
  await linker.getByRole('button', { name: 'Add persona' }).click();
  await expect(page.getByRole('list', { name: 'Personas of this map' })).toContainText(name);
  await page.getByRole('button', { name: 'Personas…' }).click();
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
}

/** The title slide shows the persona: photo (loaded), name and quote. */
async function expectPersonaOnTitle(page: Page, p: Pick<Persona, 'name' | 'quote'>, language: Locale = 'en') {
  const people = slide(page).getByRole('list', { name: (await i18nOf(language))._('present.title.personas') });
  await expect(people.getByRole('listitem')).toHaveCount(1);
  await expect(people).toContainText(p.name);
  await expect(people).toContainText(p.quote);
  await expectQuoteTypography(people.locator('q'), p.quote);
  await expect.poll(() => people.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  await expect(people.locator('img')).toBeInViewport({ ratio: 1 });
}

/** Walks every slide from the title to the whole map with `forward`, checking each one. */
/**
 * The slides' names as the presentation gives them, in the map's language (a Persian map presents
 * in Persian whatever the interface's): "Slide 3 of 7: Buying".
 */
async function slideNamer(map: JourneyMap) {
  const i18n = await i18nOf(map.language);
  const total = map.stages.length + 2;
  return {
    i18n,
    name: (n: number, title: string) => i18n._('present.slide.label', { number: i18n.number(n), count: i18n.number(total), title }),
    overview: i18n._('present.slide.overview'),
    progress: i18n._('present.progress'),
  };
}

async function walkDeck(page: Page, testInfo: TestInfo, map: JourneyMap, forward: string[], tag: string, persona?: Persona) {
  const total = map.stages.length + 2;
  const { i18n, name, overview, progress } = await slideNamer(map);
  await page.keyboard.press('Home');
  await expect(slide(page)).toHaveAccessibleName(name(1, map.title));
  await expect(slide(page).getByRole('heading', { level: 1 })).toHaveText(map.title);
  if (persona) await expectPersonaOnTitle(page, persona, map.language);
  await shoot(page, testInfo, `${tag}-01-title`);
  await expectFits(page, `${tag} title`);
  for (const [i, stage] of map.stages.entries()) {
    await page.keyboard.press(forward[i % forward.length] ?? 'PageDown');
    await expect(slide(page)).toHaveAccessibleName(name(i + 2, stage.name));
    await expect(slide(page).getByRole('heading', { level: 1 })).toHaveText(stage.name);
    await expect(page.getByRole('progressbar', { name: progress })).toHaveAttribute('aria-valuenow', String(i + 2));
    const expected = map.cards.filter((c) => c.stageId === stage.id).map((c) => cardHeadline(i18n, c));
    await expect(cards(page)).toHaveCount(expected.length);
    const shown = await cards(page).evaluateAll((els) => els.map((el) => el.firstElementChild?.textContent ?? ''));
    expect(shown.sort(), `cards of ${stage.name}`).toEqual([...expected].sort());
    await shoot(page, testInfo, `${tag}-${String(i + 2).padStart(2, '0')}-stage`);
    await expectFits(page, `${tag} ${stage.name}`);
  }
  await page.keyboard.press(forward[0] ?? 'PageDown');
  await expect(slide(page)).toHaveAccessibleName(name(total, overview));
  await expect(cards(page)).toHaveCount(map.cards.length);
  await shoot(page, testInfo, `${tag}-${String(total).padStart(2, '0')}-whole-map`);
  await expectFits(page, `${tag} whole map`);
  await expectCurveUnderColumns(page, `${tag} whole map`);
}

/** On the whole-map slide each point of the emotion curve, and its number, sits under its stage's column. */
async function expectCurveUnderColumns(page: Page, what: string) {
  const offsets = await page.evaluate(() => {
    const centre = (el: Element | null) => {
      const b = el?.getBoundingClientRect();
      return b ? b.left + b.width / 2 : NaN;
    };
    const heads = [...document.querySelectorAll('.jbpres-overview thead th[scope="col"]:not(.jbpres-corner)')];
    const at = (selector: string, i: number) => document.querySelector(`${selector}[data-stage="${i + 1}"]`);
    return heads.map((th, i) => ({
      label: centre(at('.jbpres-curve-labels > span', i)) - centre(th),
      point: centre(at('.jbpres-curve-point', i)) - centre(th),
    }));
  });
  expect(offsets.length, `${what}: stage columns`).toBeGreaterThan(0);
  for (const [i, o] of offsets.entries()) {
    expect(Math.abs(o.label), `${what}: number ${i + 1} under its column`).toBeLessThanOrEqual(2);
    expect(Math.abs(o.point), `${what}: point ${i + 1} under its column`).toBeLessThanOrEqual(2);
  }
}

test('contact-center template: every stage by keyboard, notes, number jump, Esc back to the editor', async ({ page }, testInfo) => {
  const map = blueprint('contact-center-lifecycle');
  await page.setViewportSize(SIZES[0]);
  const kevin = persona('persona-kevin', 'Kevin Smith', {
    avatarImageId: 'photo-kevin',
    occupation: 'Sales manager, 28',
    quote: 'I want one call to sort it out, not three.',
  });
  await importPersona(page, kevin);
  const id = await openNewMap(page, { template: 'Contact-center life cycle' });
  await linkPersona(page, kevin.name);
  await writeNotes(page, 'Awareness', 'Ask the room: who called us after seeing an ad?');

  // In from the editor's Present link.
  await page.getByRole('navigation', { name: 'Map actions' }).getByRole('link', { name: 'Present' }).click();
  await expect(page).toHaveURL(new RegExp(`#/maps/${id}/present$`));
  await expect(slide(page)).toBeVisible();

  // Notes stay off the audience view by default.
  await page.keyboard.press('ArrowRight');
  await expect(slide(page)).toHaveAccessibleName('Slide 2 of 7: Awareness');
  await expect(page.getByText('Ask the room: who called us after seeing an ad?')).toHaveCount(0);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    // Forward by every key a clicker or keyboard sends.
    await walkDeck(page, testInfo, map, ['ArrowRight', 'PageDown', 'Space', 'ArrowDown'], `contact-center-${size.width}x${size.height}`, kevin);
    // And back again.
    await page.keyboard.press('ArrowLeft');
    await expect(slide(page)).toHaveAccessibleName('Slide 6 of 7: Review and offer next');
    await page.keyboard.press('PageUp');
    await expect(slide(page)).toHaveAccessibleName('Slide 5 of 7: After sales');
    await page.keyboard.press('ArrowUp');
    await expect(slide(page)).toHaveAccessibleName('Slide 4 of 7: Buying');
  }

  // A stage by its number.
  await page.keyboard.press('1');
  await expect(slide(page)).toHaveAccessibleName('Slide 2 of 7: Awareness');

  // Notes: by the toggle, then by N.
  const toggle = page.getByRole('button', { name: 'Show speaker notes' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const notes = page.getByRole('complementary', { name: 'Speaker notes' });
  await expect(notes).toHaveText(/Ask the room: who called us after seeing an ad\?/);
  await shoot(page, testInfo, 'contact-center-1280x720-notes');
  await expectFits(page, 'with notes');
  // The toggle was clicked with the mouse: Space now turns the slide, it does not hide the notes.
  await page.keyboard.press('Space');
  await expect(slide(page)).toHaveAccessibleName('Slide 3 of 7: Initial contact');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('End');
  await expect(notes).toHaveText(/No speaker notes for this slide/);
  await page.keyboard.press('n');
  await expect(notes).toHaveCount(0);

  // Esc leaves, back to the editor.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/maps/${id}$`));
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
});

test('Persian sample: right to left, the arrows follow the reading direction', async ({ page }, testInfo) => {
  const map = blueprint('sample-fa');
  await page.setViewportSize(SIZES[0]);
  const maryam = persona('persona-maryam', 'مریم احمدی', {
    avatarImageId: 'photo-maryam',
    occupation: 'مدیر دفتر',
    quote: 'نمی‌خواهم مشکلم را برای هر کارشناس دوباره توضیح بدهم.',
  });
  await importPersona(page, maryam);
  const id = await openNewMap(page, { sample: 'sample-fa' });
  await linkPersona(page, maryam.name);
  const first = map.stages[0]?.name ?? '';
  // Notes as a facilitator writes them: several lines, long enough to need the room they get.
  const notes = [
    'از حاضران بپرسید آخرین بار چرا تماس گرفتند.',
    'سه نوع مشتری را نام ببرید: تازه‌وارد، مشتری قدیمی، و کسی که شکایت دارد.',
    'بپرسید هر کدام از کدام کانال استفاده می‌کند و چرا؛ پاسخ‌ها را روی تخته بنویسید.',
    'یادآوری: مشتری نباید مجبور شود مشکلش را دوباره توضیح دهد.',
  ].join('\n');
  await writeNotes(page, first, notes);

  // A link straight into it works as well as the button.
  await page.goto(`./#/maps/${encodeURIComponent(id)}/present`);
  const { name } = await slideNamer(map);
  await expect(slide(page)).toHaveAccessibleName(name(1, map.title));
  await expect(page.locator('[data-view]')).toHaveAttribute('dir', 'rtl');

  for (const size of SIZES) {
    await page.setViewportSize(size);
    // ← is forward on a right-to-left map.
    await walkDeck(page, testInfo, map, ['ArrowLeft'], `persian-${size.width}x${size.height}`, maryam);
    await page.keyboard.press('ArrowRight');
    await expect(slide(page)).toHaveAccessibleName(name(6, map.stages[4]?.name ?? ''));
  }

  // Stage 1 reads from the right: the first lane sits to the right of the second.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowLeft');
  await expect(slide(page)).toHaveAccessibleName(name(2, first));
  const lanes = slide(page).getByRole('region');
  const a = await lanes.nth(0).boundingBox();
  const b = await lanes.nth(1).boundingBox();
  expect(a && b && a.x > b.x).toBe(true);

  // The deck of a Persian map speaks Persian, its controls too.
  const fa = await i18nOf('fa');
  await page.getByRole('button', { name: fa._('present.showNotes') }).click();
  await expect(page.getByRole('complementary', { name: fa._('present.notes.title') })).toHaveText(/از حاضران بپرسید آخرین بار چرا تماس گرفتند/);
  await expect(page.getByRole('complementary', { name: fa._('present.notes.title') })).toHaveText(/یادآوری: مشتری نباید/);
  for (const size of [SIZES[1], SIZES[0]]) {
    await page.setViewportSize(size);
    await shoot(page, testInfo, `persian-${size.width}x${size.height}-notes`);
    await expectFits(page, `Persian stage 1 with notes at ${size.width}x${size.height}`);
  }

  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`#/maps/${id}$`));
});

test('from the library: focus filters, full screen, and a presenter window kept in step', async ({ page, context }, testInfo) => {
  await page.setViewportSize(SIZES[1]);
  await openNewMap(page, { template: 'Contact-center life cycle' });
  await page.goto('./');
  await page.getByRole('link', { name: 'Present Contact-center life cycle' }).click();
  await expect(slide(page)).toHaveAccessibleName('Slide 1 of 7: Contact-center life cycle');

  // Only pain points, then only one channel's touchpoints; the clicker still turns the slides.
  const focus = page.getByRole('combobox', { name: 'Focus' });
  await focus.selectOption({ label: 'Only pain points' });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('PageDown');
  await expect(slide(page)).toHaveAccessibleName('Slide 3 of 7: Initial contact');
  await expect(cards(page)).toHaveText([/^Prices on the web differ from the store/]);
  await focus.selectOption({ label: 'Only Phone touchpoints' });
  await expect(slide(page)).toBeFocused();
  await page.keyboard.press('PageDown');
  await expect(cards(page)).toHaveText([/^Welcome and satisfaction call/]);
  // With the filter focused (clicked or tabbed to), a clicker's arrows turn slides, never the filter.
  await focus.focus();
  await page.keyboard.press('ArrowDown');
  await expect(slide(page)).toHaveAccessibleName('Slide 5 of 7: After sales');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowRight');
  await expect(slide(page)).toHaveAccessibleName('Slide 4 of 7: Buying');
  await expect(focus).toHaveValue('channel:phone');
  await expect(focus).toBeFocused();
  await page.keyboard.press('End');
  await expect(cards(page)).toHaveText([/^Inbound call from the campaign/, /^Welcome and satisfaction call/, /^Offer of the new model/]);
  await shoot(page, testInfo, 'focus-phone-whole-map');
  await expectFits(page, 'whole map, phone only');
  await focus.selectOption({ label: 'Everything' });

  // Full screen on request (F); the view works the same without it.
  const fullscreen = page.getByRole('button', { name: 'Full screen' });
  await slide(page).focus();
  await page.keyboard.press('f');
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await fullscreen.click();
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');
  // In full screen the first Esc only leaves full screen; it does not end the talk.
  await page.keyboard.press('f');
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(fullscreen).toHaveAttribute('aria-pressed', 'false');
  await expect(page).toHaveURL(/\/present$/);
  await expect(slide(page)).toBeVisible();

  // The presenter view: a second window with the notes, following the audience view both ways.
  const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Presenter view' }).click()]);
  await expect(presenter.getByRole('complementary', { name: 'Speaker notes' })).toBeVisible();
  await expect(slide(presenter)).toHaveAccessibleName('Slide 7 of 7: The whole map');
  await page.keyboard.press('Home');
  await expect(slide(presenter)).toHaveAccessibleName('Slide 1 of 7: Contact-center life cycle');
  await presenter.keyboard.press('PageDown');
  await expect(slide(page)).toHaveAccessibleName('Slide 2 of 7: Awareness');
  await expect(presenter.getByRole('complementary', { name: 'Speaker notes' })).toHaveText(/Next: Initial contact/);
  // The audience still sees no notes.
  await expect(page.getByRole('complementary', { name: 'Speaker notes' })).toHaveCount(0);
});

for (const sample of ['sample-th', 'sample-vi'] as const) {
  test(`${sample}: every slide fits a 1280x720 projector`, async ({ page }, testInfo) => {
    const map = blueprint(sample);
    await page.setViewportSize(SIZES[1]);
    const id = await openNewMap(page, { sample });
    await page.goto(`./#/maps/${encodeURIComponent(id)}/present`);
    await walkDeck(page, testInfo, map, ['PageDown'], `${sample}-1280x720`);
  });
}

/** 36 cards in one stage, 12 stages on the whole map: shrunk on purpose, to what a laptop screen still shows. */
const CROWDED = { main: 9, secondary: 7 };
const CROWDED_MAP = { main: 5, secondary: 4 };

test('a crowded 12-stage map with a persona: photo on the title, two-digit jump, shrunk to fit, that persona’s path', async ({ page }, testInfo) => {
  const map = wideMap(12, { title: 'Crowded workshop map' });
  // Stage 1 gets 30 more cards in four scripts: far more than a slide holds at full size.
  const lanes = map.lanes.filter((l) => l.kind === 'text' || l.kind === 'pain' || l.kind === 'opportunity');
  const base = map.cards.find((c) => c.stageId === 'stage-1' && c.kind === 'text');
  if (!base) throw new Error('no text card');
  const scripts = Object.values(TEXTS);
  for (let i = 0; i < 30; i++) {
    const lane = lanes[i % lanes.length]!;
    const template = map.cards.find((c) => c.laneId === lane.id)!;
    map.cards.push({ ...template, id: `crowd-${i}`, stageId: 'stage-1', order: 1 + Math.floor(i / lanes.length), text: `${scripts[i % scripts.length]} #${i}` });
  }
  map.stages[0]!.notes = 'Crowded on purpose.';
  map.connections[0]!.personaId = 'persona-1'; // her path: the first two cards of stage 1
  const somying = persona('persona-1', 'สมหญิง ใจดี', { avatarImageId: 'photo-1', quote: 'ขอให้ติดต่อครั้งเดียวจบ', preferredChannels: ['line'] });
  const file = exportMapFile(map, [somying], [{ id: 'photo-1', type: 'image/png', dataUrl: PNG_1x1 }]);
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  // The print view first: its stylesheet stays loaded and must not restyle the slides.
  await page.goto(`./#/maps/${map.id}/print`);
  await expect(page.getByRole('combobox', { name: 'Page size' })).toBeVisible();
  await page.goto(`./#/maps/${map.id}/present`);
  const printCssLoaded = () =>
    [...document.styleSheets].some((sheet) => [...sheet.cssRules].some((rule) => rule.cssText.includes('.jbp-sheet')));
  expect(await page.evaluate(printCssLoaded)).toBe(true);

  // Title: the persona with photo, name and quote.
  await expect(slide(page)).toHaveAccessibleName('Slide 1 of 14: Crowded workshop map');
  const personas = slide(page).getByRole('list', { name: 'Personas' });
  await expect(personas).toContainText('สมหญิง ใจดี');
  await expect(personas).toContainText('ขอให้ติดต่อครั้งเดียวจบ');
  await expect.poll(() => personas.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  // "1" then "2" is stage 12; "1" alone, after a pause, is stage 1.
  await page.keyboard.press('1');
  await page.keyboard.press('2');
  await expect(slide(page)).toHaveAccessibleName(/^Slide 13 of 14: Stage 12 /);
  await page.keyboard.press('1');
  await expect(slide(page)).toHaveAccessibleName(/^Slide 2 of 14: Stage 1 /);

  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expect(cards(page)).toHaveCount(map.cards.filter((c) => c.stageId === 'stage-1').length);
    await shoot(page, testInfo, `crowded-${size.width}x${size.height}-stage-1`);
    await expectFits(page, `crowded stage at ${size.width}x${size.height}`, CROWDED);
    await page.getByRole('button', { name: 'Show speaker notes' }).click();
    await expectFits(page, `crowded stage with notes at ${size.width}x${size.height}`, CROWDED);
    await page.getByRole('button', { name: 'Show speaker notes' }).click();
    await page.keyboard.press('End');
    await expect(cards(page)).toHaveCount(map.cards.length);
    await shoot(page, testInfo, `crowded-${size.width}x${size.height}-whole-map`);
    await expectFits(page, `whole map at ${size.width}x${size.height}`, CROWDED_MAP);
    await page.keyboard.press('Home');
    await page.keyboard.press('PageDown');
  }

  // Her path: her name and quote on every stage slide, her preferred channel marked.
  await page.getByRole('combobox', { name: 'Focus' }).selectOption({ label: 'สมหญิง ใจดี’s path' });
  await expect(slide(page)).toContainText('สมหญิง ใจดี’s path');
  await expect(slide(page)).toContainText('ขอให้ติดต่อครั้งเดียวจบ');
  await shoot(page, testInfo, 'crowded-persona-journey');
  await expectFits(page, 'her path, stage 1');
});

test('two personas, two paths: drawn in the editor, the persona focus shows only the chosen one’s cards', async ({ page }, testInfo) => {
  await page.setViewportSize(SIZES[1]);
  const kevin = persona('persona-kevin', 'Kevin Smith', { quote: 'Just tell me the price.', preferredChannels: ['phone'] });
  const mai = persona('persona-mai', 'Mai Trần', { quote: 'Tôi muốn xem tận mắt.', preferredChannels: ['store'] });
  await importPersona(page, kevin);
  await importPersona(page, mai);
  const id = await openNewMap(page, { template: 'Contact-center life cycle' });
  await linkPersona(page, kevin.name);
  await linkPersona(page, mai.name);
  const details = page.getByRole('complementary', { name: 'Details' });
  const findCard = async (text: string) => {
    const search = page.getByRole('searchbox', { name: 'Find in map' });
    await search.fill(text);
    await search.press('Enter');
    await expect(details.getByLabel('Text', { exact: true })).toHaveValue(new RegExp(`^${text}`));
  };

  // Kevin: the template's arrow from the campaign call to the product pages is his path.
  await findCard('Inbound call from the campaign');
  await details.getByRole('button', { name: /^→ Product pages and promotion/ }).click();
  const whose = details.getByRole('combobox', { name: 'Whose path' });
  await expect(whose).toHaveValue('');
  await whose.selectOption({ label: 'Kevin Smith' });
  // Mai: a new arrow from the showroom visit to the welcome call, drawn from the keyboard's picker.
  await findCard('Showroom visit');
  await details.getByRole('button', { name: 'Draw an arrow to…' }).click();
  await details.getByRole('combobox', { name: 'Draw an arrow to' }).selectOption({ label: 'Welcome and satisfaction call — Buying' });
  await expect(whose).toHaveValue('');
  await whose.selectOption({ label: 'Mai Trần' });
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');

  // Stored: after a reload the arrow still says whose path it is.
  await page.reload();
  await findCard('Showroom visit');
  await details.getByRole('button', { name: /^→ Welcome and satisfaction call/ }).click();
  await expect(whose).toHaveValue('persona-mai');

  await page.getByRole('navigation', { name: 'Map actions' }).getByRole('link', { name: 'Present' }).click();
  await expect(page).toHaveURL(new RegExp(`#/maps/${id}/present$`));
  await expect(slide(page)).toHaveAccessibleName('Slide 1 of 7: Contact-center life cycle');

  const focus = page.getByRole('combobox', { name: 'Focus' });
  await focus.selectOption({ label: 'Kevin Smith’s path' });
  await page.keyboard.press('PageDown');
  await expect(slide(page)).toHaveAccessibleName('Slide 2 of 7: Awareness');
  await expect(slide(page)).toContainText('Kevin Smith’s path');
  await expect(cards(page)).toHaveText([/^Inbound call from the campaign/, /^0 \(neutral\)/]);
  await page.keyboard.press('PageDown');
  await expect(cards(page)).toHaveText([/^Product pages and promotion/, /^\+1 \(positive\)/, /^Prices on the web differ from the store/]);
  await expect(slide(page).getByText('Showroom visit')).toHaveCount(0);
  await shoot(page, testInfo, 'two-paths-kevin-initial-contact');
  await expectFits(page, 'Kevin’s path, Initial contact');
  await page.keyboard.press('PageDown');
  await expect(cards(page)).toHaveCount(0);
  await expect(slide(page)).toContainText('Nothing in this stage on Kevin Smith’s path.');

  // Mai walks another way: the showroom, then the welcome call.
  await focus.selectOption({ label: 'Mai Trần’s path' });
  await expect(slide(page)).toHaveAccessibleName('Slide 4 of 7: Buying');
  await expect(cards(page)).toHaveText([/^Welcome and satisfaction call/, /^\+2 \(very positive\)/]);
  await page.keyboard.press('PageUp');
  await expect(cards(page)).toHaveText([/^Showroom visit/, /^\+1 \(positive\)/]);
  await page.keyboard.press('End');
  // The whole map, lane by lane: her two touchpoints, then how she felt at each.
  await expect(cards(page)).toHaveText([/^Showroom visit/, /^Welcome and satisfaction call/, /^\+1 \(positive\)/, /^\+2 \(very positive\)/]);
  await shoot(page, testInfo, 'two-paths-mai-whole-map');
  await expectFits(page, 'Mai’s path, whole map');
});

/** The notes panel: nothing cut off, no scroll bar, "Next:" and the clock in sight; its smallest text size. */
async function notesReport(page: Page) {
  return page.evaluate(() => {
    const panel = document.querySelector('aside[aria-label="Speaker notes"]');
    if (!panel) return { problems: ['no notes panel'], textPx: 0, heightShare: 0 };
    const problems: string[] = [];
    const box = panel.getBoundingClientRect();
    const inside = (el: Element) => {
      const b = el.getBoundingClientRect();
      return b.top >= box.top - 1 && b.bottom <= box.bottom + 1 && b.left >= box.left - 1 && b.right <= box.right + 1 && b.bottom <= window.innerHeight + 1;
    };
    for (const el of panel.querySelectorAll('h2, p')) if (!inside(el)) problems.push(`cut off: ${(el.textContent ?? '').slice(0, 30)}`);
    for (const el of [panel, ...panel.querySelectorAll('*')]) {
      const s = getComputedStyle(el);
      if (['auto', 'scroll'].includes(s.overflowY) && el.scrollHeight > el.clientHeight) problems.push(`scroll bar on ${el.className}`);
      if (s.overflowY === 'hidden' && el.scrollHeight > el.clientHeight + 1) problems.push(`clipped: ${el.className}`);
    }
    const text = panel.querySelector('.jbpres-notes-text');
    return { problems, textPx: text ? parseFloat(getComputedStyle(text).fontSize) : 0, heightShare: box.height / window.innerHeight };
  });
}

test('long speaker notes fit: shrunk on the audience view, and the presenter keeps "Next:" and the clock in sight', async ({ page, context }, testInfo) => {
  const map = blueprint('contact-center-lifecycle');
  const long = Array.from({ length: 14 }, (_, i) =>
    `${i + 1}. ${TEXTS.en}; ${TEXTS.th}. Ask who called us last week, and why they had to call twice.`,
  ).join('\n');
  map.stages[0]!.notes = long;
  const file = exportMapFile({ ...map, id: 'map-long-notes' }, [], []);
  await page.setViewportSize(SIZES[1]);
  await page.goto('./');
  await page.getByLabel('Import a file').setInputFiles({ name: file.filename, mimeType: 'application/json', buffer: Buffer.from(file.text) });
  await expect(page.getByText(/Imported 1 map/)).toBeVisible();
  await page.goto('./#/maps/map-long-notes/present');
  await expect(slide(page)).toHaveAccessibleName(/^Slide 1 of 7/);
  await page.keyboard.press('PageDown');
  await expect(slide(page)).toHaveAccessibleName('Slide 2 of 7: Awareness');
  await page.keyboard.press('n');
  const notes = page.getByRole('complementary', { name: 'Speaker notes' });
  await expect(notes).toContainText('14. The customer compares');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await expectFits(page, `audience view with long notes at ${size.width}x${size.height}`);
    const report = await notesReport(page);
    expect(report.problems, 'notes panel').toEqual([]);
    expect(report.heightShare, 'the notes leave the slide most of the window').toBeLessThanOrEqual(0.31);
    expect(report.textPx, 'notes text size').toBeGreaterThanOrEqual(7);
    await shoot(page, testInfo, `long-notes-audience-${size.width}x${size.height}`);
  }

  const presenter = await context.newPage();
  await presenter.setViewportSize(SIZES[1]);
  await presenter.goto('./#/maps/map-long-notes/present?view=presenter');
  // It opens where the audience view is (slide 2), as a presenter window does.
  await expect(slide(presenter)).toHaveAccessibleName('Slide 2 of 7: Awareness');
  const next = presenter.getByText(/^Next: Initial contact/);
  await expect(next).toBeInViewport({ ratio: 1 });
  await expect(presenter.getByText(/^\d+:\d\d elapsed$/)).toBeInViewport({ ratio: 1 });
  const report = await notesReport(presenter);
  expect(report.problems, 'presenter notes').toEqual([]);
  expect(report.textPx, 'presenter notes text size').toBeGreaterThanOrEqual(10);
  await shoot(presenter, testInfo, 'long-notes-presenter-1280x720');
});
