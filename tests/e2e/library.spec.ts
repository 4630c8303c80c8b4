import { expect, test, type Page } from '@playwright/test';

// The library (issue 2, "Done when"), in Chromium. Each test gets a fresh browser context,
// so a fresh, empty IndexedDB.

async function createFromTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new map' });
  await dialog.getByRole('button', { name: new RegExp(name) }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
}

/** The cards on the canvas, by their accessible names (kind, channel, text…), in document order. */
/** The names of every card, read with the whole map in view (a map opens at its first stage). */
async function cardNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: /fit view/i }).click();
  // Fitting animates: the last stage's header in view says the whole width is.
  await expect(page.getByRole('button', { name: /^Stage 5: / })).toBeInViewport();
  const cards = page.locator('.react-flow').getByRole('group').and(page.locator('[aria-roledescription="card"]'));
  await expect(cards.first()).toBeVisible();
  return cards.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
}

test('create a map from a template, reload, and find it with all its cards', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText('No maps yet')).toBeVisible();

  await createFromTemplate(page, 'Contact-center life cycle');
  await expect(page.getByRole('button', { name: /^Stage 1: Awareness/ })).toBeVisible();
  await page.getByRole('button', { name: /fit view/i }).click();
  // The loop is seen under the stage's header and read with its button.
  await expect(page.getByRole('button', { name: /^Stage \d+: Review and offer/ })).toHaveAccessibleDescription(/back to Buying/);
  const before = await cardNames(page);
  expect(before.length).toBeGreaterThan(5);
  // Emotion cards are drawn as points on the curve, not as boxes.
  const points = await page.getByRole('slider', { name: /^Emotion at / }).count();

  await page.reload();
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  expect(await cardNames(page)).toEqual(before);

  // The back button returns to the library, where the map is listed with its counts.
  await page.goBack();
  await expect(page).toHaveURL(/#\/$|\/$/);
  const item = page.getByRole('list', { name: 'Maps' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('5 stages');
  await expect(item).toContainText(`${before.length + points} cards`);
  await page.goForward();
  expect(await cardNames(page)).toEqual(before);
});

test('duplicate, rename, search, delete and undo', async ({ page }) => {
  await page.goto('./');
  await createFromTemplate(page, 'Classic five stages');
  await page.goto('./#/');
  const list = page.getByRole('list', { name: 'Maps' });
  const original = (await list.getByRole('heading').first().innerText()).trim();

  await page.getByRole('button', { name: `Duplicate ${original}` }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('link', { name: `Copy of ${original}`, exact: true })).toBeVisible();

  await page.getByRole('button', { name: `Rename Copy of ${original}` }).click();
  const field = page.getByRole('textbox', { name: `New title for Copy of ${original}` });
  await field.fill('แผนที่การเดินทางของลูกค้า');
  await field.press('Enter');
  await expect(list.getByRole('link', { name: 'แผนที่การเดินทางของลูกค้า', exact: true })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Search maps by title' }).fill('แผนที่');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Search maps by title' }).fill('');

  await page.getByRole('button', { name: 'Delete แผนที่การเดินทางของลูกค้า' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText('Deleted “แผนที่การเดินทางของลูกค้า”');
  // The focus is not lost with the deleted item: it is on Undo, then on the map that came back.
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('link', { name: 'แผนที่การเดินทางของลูกค้า', exact: true })).toBeFocused();

  // The undone delete really is stored again: it survives a reload.
  await page.reload();
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'แผนที่การเดินทางของลูกค้า', exact: true })).toBeVisible();
});

test('two deletes in a row: the toast names both, and one Undo brings both back', async ({ page }) => {
  await page.goto('./');
  await createFromTemplate(page, 'Classic five stages');
  await page.goto('./#/');
  await page.getByRole('button', { name: /^Duplicate / }).click();
  const list = page.getByRole('list', { name: 'Maps' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const titles = (await list.getByRole('heading').allInnerTexts()).map((t) => t.trim());

  for (const title of titles) await page.getByRole('button', { name: `Delete ${title}`, exact: true }).click();
  await expect(list).toHaveCount(0);
  const toast = page.getByRole('status').filter({ hasText: 'Deleted' });
  await expect(toast).toContainText('Deleted 2 maps');
  for (const title of titles) await expect(toast).toContainText(`“${title}”`);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await page.reload();
  await expect(page.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(2);
});

test('the Thai, Persian and Vietnamese sample maps display in their scripts, with bundled fonts only', async ({ page }, info) => {
  const outside: string[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol.startsWith('http')) outside.push(req.url());
  });
  await page.goto('./');

  const samples = [
    { button: 'sample-th', script: /[\u0E00-\u0E7F]/, font: 'Noto Sans Thai', rtl: false },
    { button: 'sample-fa', script: /[\u0600-\u06FF]/, font: 'Vazirmatn', rtl: true },
    { button: 'sample-vi', script: /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i, font: 'Noto Sans', rtl: false },
  ];
  for (const sample of samples) {
    await page.goto('./#/');
    await page.getByRole('button', { name: 'New map' }).click();
    await page.getByRole('dialog').getByTestId(sample.button).click();
    await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();

    const stages = page.getByRole('button', { name: /^Stage \d+: / });
    await expect(stages.first()).toBeVisible();
    const stageNames = await page.locator('.jb-stage__name').allInnerTexts();
    expect(stageNames.length).toBeGreaterThanOrEqual(4);
    for (const name of stageNames) expect(name).toMatch(sample.script);
    expect((await cardNames(page)).join('\n')).toMatch(sample.script);

    // Stages run in reading order: right to left on the Persian map.
    const first = await page.getByRole('button', { name: /^Stage 1: / }).boundingBox();
    const second = await page.getByRole('button', { name: /^Stage 2: / }).boundingBox();
    expect(first && second).toBeTruthy();
    if (sample.rtl) expect(first!.x).toBeGreaterThan(second!.x);
    else expect(first!.x).toBeLessThan(second!.x);

    // The script's own font is loaded from the app, not a system fallback.
    await page.evaluate(() => document.fonts.ready);
    const loaded = await page.evaluate((family) => {
      const faces: FontFace[] = [];
      document.fonts.forEach((f) => faces.push(f));
      return faces.some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded');
    }, sample.font);
    expect(loaded, `${sample.font} is loaded`).toBe(true);
    await page.screenshot({ path: info.outputPath(`${sample.button}.png`), fullPage: false });
  }
  expect(outside, 'no request leaves the machine').toEqual([]);
});

test('an address that leads nowhere says so', async ({ page }) => {
  await page.goto('./#/maps/does-not-exist');
  await expect(page.getByRole('heading', { name: 'Map not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to your maps' }).click();
  await expect(page.getByRole('heading', { name: 'Journey maps' })).toBeVisible();
});
