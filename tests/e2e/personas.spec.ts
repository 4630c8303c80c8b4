import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// Issue 4, "Done when": a persona with a Thai name and a photo, linked to two maps, survives a
// reload, shows at the head of both maps, a quote edit shows in both; deleting it names its maps
// and needs a confirmation, and undo brings it and its links back.

const NAME = 'สมหญิง ใจดี';
const QUOTE = 'ถ้าตอบทาง LINE ได้เลย ฉันก็ไม่ต้องโทรไปรอสาย';
const NEW_QUOTE = 'อยากให้จำได้ว่าฉันเป็นลูกค้าเก่า';

async function createMap(page: Page, template: RegExp): Promise<{ title: string; url: string }> {
  await page.goto('./#/');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: template }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  return { title, url: page.url() };
}

/** A real PNG made by the browser's canvas: 1200 x 800, so the resize to 512 px has work to do. */
async function makePng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 1200;
    canvas.height = 800;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#2e6b30';
    ctx.fillRect(0, 0, 1200, 800);
    ctx.fillStyle = '#f2b84b';
    ctx.beginPath();
    ctx.arc(600, 400, 300, 0, Math.PI * 2);
    ctx.fill();
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

function saved(page: Page) {
  return expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
}

function head(page: Page) {
  return page.getByRole('list', { name: 'Personas of this map' });
}

test('a Thai persona with a photo, linked to two maps, edited, deleted and restored', async ({ page }) => {
  const first = await createMap(page, /Contact-center life cycle/);
  const second = await createMap(page, /Classic five stages/);

  // Create a blank persona from the personas page (reached from the main navigation).
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Personas' }).click();
  await expect(page).toHaveURL(/#\/personas\/?$/);
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('dialog', { name: 'New persona' }).getByRole('button', { name: /Blank persona/ }).click();
  await expect(page).toHaveURL(/#\/personas\/[^/]+$/);
  const personaUrl = page.url();

  await page.getByLabel('Name', { exact: true }).fill(NAME);
  await page.getByLabel('Quote', { exact: true }).fill(QUOTE);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);

  // A text file renamed .png is refused, plainly, and nothing changes.
  await page.getByLabel('Upload photo').setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') });
  await expect(page.getByRole('alert')).toContainText('is named like an image, but its contents are not');
  await expect(page.getByRole('img', { name: `Photo of ${NAME}` })).toHaveCount(0);

  // A real PNG is accepted and resized to 512 px on its longest side.
  await page.getByLabel('Upload photo').setInputFiles({ name: 'somying.png', mimeType: 'image/png', buffer: await makePng(page) });
  const photo = page.getByRole('img', { name: `Photo of ${NAME}` });
  await expect(photo).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight])).toEqual([512, 341]);

  // Link it to both maps.
  const maps = page.getByRole('region', { name: 'Maps' });
  for (const map of [first, second]) {
    await maps.getByLabel('Add to a map').selectOption({ label: map.title });
    await maps.getByRole('button', { name: 'Add to map' }).click();
    await expect(maps.getByRole('link', { name: map.title })).toBeVisible();
  }
  await saved(page);

  // Reload: everything is still there.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(NAME);
  await expect(page.getByLabel('Quote', { exact: true })).toHaveValue(QUOTE);
  await expect(page.getByRole('img', { name: `Photo of ${NAME}` })).toBeVisible();
  await expect(maps.getByRole('link', { name: first.title })).toBeVisible();
  await expect(maps.getByRole('link', { name: second.title })).toBeVisible();

  // It is at the head of both maps, with its photo and quote.
  for (const map of [first, second]) {
    await page.goto(map.url);
    await expect(head(page)).toContainText(NAME);
    await expect(head(page)).toContainText(QUOTE);
    await expect(head(page).locator('img')).toBeVisible();
  }

  // Edit the quote; both maps show the change.
  await page.goto(personaUrl);
  await page.getByLabel('Quote', { exact: true }).fill(NEW_QUOTE);
  await saved(page);
  for (const map of [first, second]) {
    await page.goto(map.url);
    await expect(head(page)).toContainText(NEW_QUOTE);
    await expect(head(page)).not.toContainText(QUOTE);
  }

  // Delete: the dialog names both maps; cancelling keeps the persona.
  await page.goto('./#/personas');
  const list = page.getByRole('list', { name: 'Personas' });
  await expect(list.getByRole('link', { name: NAME })).toBeVisible();
  await expect(list).toContainText('Used in 2 maps');
  await page.getByRole('button', { name: `Delete ${NAME}` }).click();
  const dialog = page.getByRole('dialog', { name: `Delete “${NAME}”?` });
  await expect(dialog).toContainText(first.title);
  await expect(dialog).toContainText(second.title);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(list.getByRole('link', { name: NAME })).toBeVisible();

  // Confirm: it is gone, and so are its links.
  await page.getByRole('button', { name: `Delete ${NAME}` }).click();
  await page.getByRole('dialog', { name: `Delete “${NAME}”?` }).getByRole('button', { name: 'Delete persona' }).click();
  await expect(list.getByRole('link', { name: NAME })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'removed it from 2 maps' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeFocused();

  // Undo brings it back with both links, and the focus to its card.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('link', { name: NAME })).toBeVisible();
  await expect(list.getByRole('link', { name: NAME })).toBeFocused();
  await expect(list.getByRole('listitem').filter({ hasText: NAME })).toContainText('Used in 2 maps');
  for (const map of [first, second]) {
    await page.goto(map.url);
    await expect(head(page)).toContainText(NAME);
    await expect(head(page)).toContainText(NEW_QUOTE);
  }
});

test('a persona from an example; list items edited from the keyboard', async ({ page }) => {
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Thị Lan');

  const goals = page.getByRole('region', { name: 'Goals' });
  await goals.getByRole('button', { name: 'Add goal' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Đi du lịch Huế');
  await expect(goals.getByRole('textbox', { name: 'Goal 3' })).toHaveValue('Đi du lịch Huế');
  await page.keyboard.press('Alt+ArrowUp');
  await expect(goals.getByRole('textbox', { name: 'Goal 2' })).toHaveValue('Đi du lịch Huế');
  await saved(page);

  await page.reload();
  await expect(page.getByRole('region', { name: 'Goals' }).getByRole('textbox', { name: 'Goal 2' })).toHaveValue('Đi du lịch Huế');
  await expect(page.getByRole('group', { name: 'Preferred channels' }).getByRole('checkbox', { name: 'Zalo' })).toBeChecked();
});

test('importing a persona that is already here: unchanged asks nothing; changed asks replace or keep both', async ({ page }) => {
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await page.getByLabel('Quote', { exact: true }).fill('Nhắn Zalo là nhanh nhất');
  await saved(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await download;
  const upload = { name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(readFileSync(await file.path(), 'utf8')) };

  // The same persona: no question, nothing changes.
  await page.goto('./#/personas');
  const list = page.getByRole('list', { name: 'Personas' });
  await page.getByLabel('Import a file').setInputFiles(upload);
  await expect(page.getByText('Nothing new to import. 1 persona was already here, unchanged.')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);

  // Changed here since the export: the file's older version asks first.
  await list.getByRole('link', { name: 'Nguyễn Thị Lan' }).click();
  await page.getByLabel('Quote', { exact: true }).fill('ช่วยจำฉันได้ไหม');
  await saved(page);
  await page.goto('./#/personas');
  await page.getByLabel('Import a file').setInputFiles(upload);
  const conflict = page.getByRole('dialog', { name: 'This persona is already in your library' });
  await expect(conflict).toContainText('Nguyễn Thị Lan');
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByText('Imported 1 persona')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'ช่วยจำฉันได้ไหม' })).toHaveCount(1);
  await expect(list.getByRole('listitem').filter({ hasText: 'Nhắn Zalo là nhanh nhất' })).toHaveCount(1);

  // Replace: the stored one takes the file's version (and no third persona appears).
  await page.getByLabel('Import a file').setInputFiles(upload);
  await page.getByRole('dialog', { name: 'This persona is already in your library' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.getByText('Imported 1 persona')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').filter({ hasText: 'ช่วยจำฉันได้ไหม' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Personas' }).getByRole('listitem').filter({ hasText: 'Nhắn Zalo là nhanh nhất' })).toHaveCount(2);
});
