import { expect, test, type Page } from '@playwright/test';
import { LOCALE_NAMES, type Locale } from '../../src/i18n/locales';
import { templateById } from '../../src/model/templates';
import { anySlideName, catalogue, entries } from './catalogue';
import { fitView } from './canvasHelpers';

// The interface in Thai, Persian and Vietnamese (issue 12): a CX designer switches the language
// in the header, and every word around their map is in it; Persian runs the chrome right to left.

/**
 * Words, brands and formats that stay as they are in every language: the product, the metric
 * and file-format names the seed articles themselves write in Latin letters, and channel brands.
 */
const NOT_TRANSLATED = new Set(
  'Journeyboard NPS CSAT FCR KPI KPIs CSV PDF PNG JSON HTML IndexedDB LINE Facebook Messenger WhatsApp Instagram Zalo TikTok Google CRM IVR SMS Email Web A3 A4 A2'
    .toLowerCase()
    .split(' '),
);

/**
 * The words of the English interface (every English message, its ICU keywords and placeholder
 * names aside), less those the other language's catalogue writes too (LINE, email, persona):
 * what would betray a message left in English, in any script, Vietnamese's Latin one included.
 */
async function englishWords(locale: Locale): Promise<Set<string>> {
  const words = (texts: string[]) => {
    const out = new Set<string>();
    for (const text of texts) {
      const names = new Set([...text.matchAll(/\{\s*(\w+)/g)].map((m) => m[1]!.toLowerCase()));
      for (const w of text.match(/(?<![.\w])[A-Za-z]{3,}(?![\w])/g) ?? []) if (!names.has(w.toLowerCase())) out.add(w.toLowerCase());
    }
    for (const k of ['plural', 'select', 'selectordinal', 'other', 'one', 'number']) out.delete(k);
    return out;
  };
  const english = words(Object.values(await entries('en')));
  const theirs = words(Object.values(await entries(locale)));
  return new Set([...english].filter((w) => !theirs.has(w) && !NOT_TRANSLATED.has(w)));
}

/**
 * English words the user sees in the chrome: text, accessible names, titles and placeholders of
 * everything visible, outside the map's own content (which this app marks dir="auto": titles,
 * card texts, persona names), and with that content taken out of names that quote it.
 */
async function englishInChrome(page: Page, english: Set<string>, mapTexts: readonly string[] = []): Promise<string[]> {
  const found = await page.evaluate((mapTexts) => {
    const content = [...document.querySelectorAll<HTMLElement>('[dir="auto"]')]
      .map((el) => (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.innerText))
      .concat(mapTexts)
      .filter((t) => t.trim().length > 1)
      // Longest first, so a title is taken out whole before a word of it.
      .sort((a, b) => b.length - a.length);
    const strip = (text: string) => content.reduce((t, c) => t.split(c).join(' '), text);
    const out: string[] = [];
    const visible = (el: Element) => el instanceof HTMLElement && el.checkVisibility?.({ visibilityProperty: true }) !== false && !el.closest('[aria-hidden="true"]');
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('[dir="auto"], script, style, code, option:not(:checked)') || !visible(el)) continue;
      out.push(n.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (!visible(el) || el.closest('[dir="auto"]')) continue;
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a);
        if (v) out.push(strip(v));
      }
    }
    return out.map(strip);
  }, mapTexts);
  const words = found.flatMap((t) => t.match(/(?<![.\w])[A-Za-z]{3,}(?![\w])/g) ?? []);
  return [...new Set(words.filter((w) => english.has(w.toLowerCase())))];
}

const TEMPLATE = 'contact-center-lifecycle';

for (const locale of ['th', 'fa', 'vi'] as const) {
  test(`in ${LOCALE_NAMES[locale]}: the language switch, a map from a template, a card of every kind, present and print, without an English word in the chrome`, async ({ page }) => {
    const t = await catalogue(locale);
    const english = await englishWords(locale);
    const dir = locale === 'fa' ? 'rtl' : 'ltr';
    await page.goto('./');
    await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: LOCALE_NAMES[locale] });
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('html')).toHaveAttribute('dir', dir);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('library.title'));

    // Remembered on this device.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('combobox', { name: t('app.language') })).toHaveValue(locale);
    expect(await englishInChrome(page, english)).toEqual([]);

    await page.getByRole('button', { name: t('library.newMap') }).click();
    const dialog = page.getByRole('dialog', { name: t('templates.title') });
    expect(await englishInChrome(page, english)).toEqual([]);
    // Chosen by its name in the language, as the user reads it.
    const name = templateById(TEMPLATE)!.names[locale];
    await dialog.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
    // What the map itself says (its texts are data, in whatever words its authors chose).
    // The template comes written in the interface's language (and right to left in Persian).
    const sample = templateById(TEMPLATE)!.build(locale);
    const mapTexts = [sample.title, sample.description, ...sample.stages.flatMap((st) => [st.name, st.description]), ...sample.lanes.map((l) => l.title), ...sample.cards.map((c) => c.text), ...sample.channels.map((c) => c.name), ...sample.connections.map((k) => k.label)];
    const toolbar = page.getByRole('toolbar', { name: t('editor.toolbar.name') });
    await expect(toolbar).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sample.title);
    await fitView(page, t('editor.canvas.fitView'));

    // A lane of every kind, and a card in each, written in place.
    const kinds = page.getByRole('combobox', { name: t('editor.toolbar.laneKind') });
    for (const kind of ['text', 'touchpoint', 'pain', 'opportunity', 'kpi'] as const) {
      await kinds.selectOption(kind);
      await toolbar.getByRole('button', { name: t('editor.toolbar.addLane') }).click();
      await page.keyboard.press('Enter');
      await toolbar.getByRole('button', { name: t('editor.toolbar.addCard') }).click();
      const field = page.getByRole('textbox', { name: t('editor.card.editText') });
      await expect(field).toBeFocused();
      await page.keyboard.type(`${kind} ✓`);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('group', { name: new RegExp(`${kind} ✓`) })).toBeVisible();
    }
    // An emotion lane: its card is a point on the curve, named and valued in the language.
    await kinds.selectOption('emotion');
    await toolbar.getByRole('button', { name: t('editor.toolbar.addLane') }).click();
    await page.keyboard.press('Enter');
    await toolbar.getByRole('button', { name: t('editor.toolbar.addCard') }).click();
    const curve = page.getByRole('group', { name: t('editor.emotion.curveName', { title: t('editor.lane.defaultTitle.emotion') }) });
    await expect(curve.getByRole('slider')).toHaveCount(1);
    await expect(curve.getByRole('slider')).toHaveAttribute('aria-valuetext', /\S/);
    await expect(page.getByRole('status', { name: t('editor.save.name') })).toHaveText(t('editor.save.saved'));
    expect(await englishInChrome(page, english, mapTexts)).toEqual([]);

    await page.getByRole('link', { name: t('map.present') }).click();
    await expect(page.getByRole('region', { name: anySlideName() })).toBeVisible();
    await expect(page.locator('[data-view]')).toHaveAttribute('dir', dir);
    expect(await englishInChrome(page, english, mapTexts)).toEqual([]);
    await page.goBack();
    await expect(toolbar).toBeVisible();

    await page.getByRole('link', { name: t('map.print') }).click();
    await expect(page.getByRole('main')).toBeVisible();
    expect(await englishInChrome(page, english, mapTexts)).toEqual([]);
  });
}

test('under the Persian interface the chrome runs right to left, and a left-to-right map keeps its canvas left to right', async ({ page }) => {
  const fa = await catalogue('fa');
  await page.goto('./');
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: LOCALE_NAMES.fa });
  await page.getByRole('button', { name: fa('library.newMap') }).click();
  await page.getByRole('dialog', { name: fa('templates.title') }).getByTestId('sample-vi').click();
  const toolbar = page.getByRole('toolbar', { name: fa('editor.toolbar.name') });
  await expect(toolbar).toBeVisible();
  // The chrome mirrors; the canvas of this left-to-right map does not: its first stage is at the left.
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.react-flow')).toHaveCSS('direction', 'ltr');
  await fitView(page, fa('editor.canvas.fitView'));
  const first = await page.locator('.react-flow__node-stageHeader').first().boundingBox();
  const last = await page.locator('.react-flow__node-stageHeader').last().boundingBox();
  expect(first!.x).toBeLessThan(last!.x);
});

test('a KPI value typed in Persian, Arabic-Indic or Thai digits is stored as the number and shown in the map’s digits', async ({ page }) => {
  // An English interface on a Persian map: the panel takes any of the three keyboards' digits, the
  // card shows the figure as the map writes numbers (Persian digits), the panel in the interface's.
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByTestId('sample-fa').click();
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  await fitView(page, 'Fit View');
  const card = page.getByRole('group', { name: /شاخص NPS/ });
  await expect(card).toContainText('۳۲');
  await card.click();
  const value = page.getByRole('complementary', { name: 'Details' }).getByRole('textbox', { name: 'Value' });
  await expect(value).toHaveValue('32');
  for (const typed of ['۹۵', '٩٥', '๙๕']) {
    await value.fill(typed);
    await expect(card).toContainText('۹۵');
    await expect(card).not.toContainText('95');
  }
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  await page.reload();
  await fitView(page, 'Fit View');
  await page.getByRole('group', { name: /شاخص NPS/ }).click();
  await expect(page.getByRole('complementary', { name: 'Details' }).getByRole('textbox', { name: 'Value' })).toHaveValue('95');
  await expect(page.getByRole('group', { name: /شاخص NPS/ })).toContainText('۹۵');
});
