import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';

// The shell around the editor, in Chromium: the map's head (personas, export), import and
// backup from the library, and two tabs on one map (editing it together). Each test starts with an empty IndexedDB.

async function newMap(page: Page, template: RegExp | { sample: string }): Promise<string> {
  await page.goto('./#/');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new map' });
  if (template instanceof RegExp) await dialog.getByRole('button', { name: template }).click();
  else await dialog.getByTestId(template.sample).click();
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  return page.url();
}

const saved = (page: Page) => expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
const mapList = (page: Page) => page.getByRole('list', { name: 'Maps' });

test('link a persona from the map head: it shows at the head, survives a reload, and undo unlinks it', async ({ page }) => {
  // A persona from an example (Vietnamese), made on the personas page.
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Thị Lan');
  await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();

  await newMap(page, /Contact-center life cycle/);
  const head = page.getByRole('list', { name: 'Personas of this map' });
  await expect(head).toHaveCount(0);
  await page.getByRole('button', { name: 'Personas…' }).click();
  const linker = page.getByRole('region', { name: 'Link personas' });
  await linker.getByLabel('Add a persona to this map').selectOption({ label: 'Nguyễn Thị Lan' });
  await linker.getByRole('button', { name: 'Add persona' }).click();
  await expect(head).toContainText('Nguyễn Thị Lan');
  await saved(page);

  await page.reload();
  await expect(head).toContainText('Nguyễn Thị Lan');
  // The link is an edit like any other: one undo step (the history does not survive the reload, so link again).
  await page.getByRole('button', { name: 'Personas…' }).click();
  await page.getByRole('button', { name: 'Remove Nguyễn Thị Lan from this map' }).click();
  await expect(head).toHaveCount(0);
  // The linker opens over the toolbar; it is closed (as a user would) before reaching Undo.
  await page.getByRole('button', { name: 'Personas…' }).click();
  await expect(page.getByRole('region', { name: 'Link personas' })).toHaveCount(0);
  await page.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Undo' }).click();
  await expect(head).toContainText('Nguyễn Thị Lan');
  await saved(page);

  // The library lists the persona on the map.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Maps' }).click();
  await expect(mapList(page).getByRole('listitem')).toContainText('Nguyễn Thị Lan');
});

test('export a map as JSON from the editor, delete it, import the file: the same map comes back', async ({ page }) => {
  await newMap(page, { sample: 'sample-fa' });
  const title = (await page.getByRole('heading', { level: 1 }).innerText()).trim();
  const cardsBefore = await page.locator('[aria-roledescription="card"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.journey\.json$/);
  const text = readFileSync(await file.path(), 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'journeyboard', kind: 'map', map: { title } });

  await page.goto('./#/');
  await page.getByRole('button', { name: `Delete ${title}` }).click();
  await expect(mapList(page)).toHaveCount(0);
  await page.getByLabel('Import a file').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText('Imported 1 map')).toBeVisible();
  await mapList(page).getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.locator('[aria-roledescription="card"]').first()).toBeVisible();
  expect(await page.locator('[aria-roledescription="card"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))).toEqual(cardsBefore);
});

test('a broken file is refused with its reasons and changes nothing; a dropped backup restores, asking about duplicates', async ({ page }) => {
  await newMap(page, /Classic five stages/);
  await newMap(page, { sample: 'sample-th' });
  await page.goto('./#/');
  await expect(mapList(page).getByRole('listitem')).toHaveCount(2);

  // Not JSON at all.
  await page.getByLabel('Import a file').setInputFiles({ name: 'notes.journey.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "journeyboard", "kind": "map", ') });
  await expect(page.getByRole('alert')).toContainText('notes.journey.json was not imported');
  await expect(mapList(page).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('alert').getByRole('button', { name: 'Close' }).click();

  // Back up the library, then drop the backup on the page.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up library' }).click();
  const backup = await download;
  expect(backup.suggestedFilename()).toMatch(/^journeyboard-backup-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(page.getByRole('status').filter({ hasText: 'Backed up' })).toHaveText('Backed up 2 maps and 0 personas.');
  const text = readFileSync(await backup.path(), 'utf8');
  const drop = await page.evaluateHandle((json) => {
    const dt = new DataTransfer();
    dt.items.add(new File([json], 'backup.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.getByRole('heading', { name: 'Journey maps' }).dispatchEvent('dragover', { dataTransfer: drop });
  await page.getByRole('heading', { name: 'Journey maps' }).dispatchEvent('drop', { dataTransfer: drop });
  const conflict = page.getByRole('dialog', { name: 'These maps are already in your library' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByText('Imported 2 maps')).toBeVisible();
  await expect(mapList(page).getByRole('listitem')).toHaveCount(4);
});

test('two tabs on one map edit it together: each sees the other, each undoes its own, and closing one keeps everything', async ({ context }) => {
  const first = await context.newPage();
  const url = await newMap(first, /Blank map/);
  const second = await context.newPage();
  await second.goto(url);
  const addStage = (p: Page) => p.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Add stage' });
  await expect(addStage(second)).toBeEnabled();
  await expect(second.getByRole('note')).toHaveCount(0);

  // An edit in each tab shows in the other.
  await addStage(first).click();
  const field = first.getByRole('textbox', { name: 'Rename stage' });
  await field.fill('ຂັ້ນຕອນ Nhận biết');
  await field.press('Enter');
  await expect(second.getByRole('button', { name: /^Stage 4: ຂັ້ນຕອນ Nhận biết$/ })).toBeVisible();
  await addStage(second).click();
  const other = second.getByRole('textbox', { name: 'Rename stage' });
  await other.fill('Đánh giá dịch vụ');
  await other.press('Enter');
  await expect(first.getByRole('button', { name: /^Stage 5: Đánh giá dịch vụ$/ })).toBeVisible();

  // Undo in the second tab takes back its stage only, in both tabs.
  await second.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Undo' }).click();
  await expect(first.getByRole('button', { name: /^Stage 5: Đánh giá dịch vụ$/ })).toHaveCount(0);
  await expect(first.getByRole('button', { name: /^Stage 4: ຂັ້ນຕອນ Nhận biết$/ })).toBeVisible();
  await saved(first);
  await saved(second);

  // The first tab closes: the second carries on, editable, with everything.
  await first.close();
  await expect(second.getByRole('button', { name: /^Stage 4: ຂັ້ນຕອນ Nhận biết$/ })).toBeVisible();
  await expect(addStage(second)).toBeEnabled();
  await second.reload();
  await expect(second.getByRole('button', { name: /^Stage 4: ຂັ້ນຕອນ Nhận biết$/ })).toBeVisible();
});

test('linking a persona to a map that another tab is editing is refused plainly, and nothing is overwritten', async ({ context }) => {
  const editor = await context.newPage();
  await newMap(editor, /Classic five stages/);
  const title = (await editor.getByRole('heading', { level: 1 }).innerText()).trim();

  const personas = await context.newPage();
  await personas.goto('./#/personas');
  await personas.getByRole('button', { name: 'New persona' }).click();
  await personas.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  const maps = personas.getByRole('region', { name: 'Maps' });
  await maps.getByLabel('Add to a map').selectOption({ label: title });
  await maps.getByRole('button', { name: 'Add to map' }).click();
  await expect(personas.getByRole('alert')).toContainText('open for editing in another tab');
  await expect(maps.getByRole('link', { name: title })).toHaveCount(0);

  // Linked from the map itself, it sticks.
  await editor.getByRole('button', { name: 'Personas…' }).click();
  await editor.getByRole('region', { name: 'Link personas' }).getByRole('button', { name: 'Add persona' }).click();
  await saved(editor);
  await expect(maps.getByRole('link', { name: title })).toBeVisible();
});

test('deleting a map that another tab is editing is refused plainly; once that tab closes, it deletes', async ({ context }) => {
  const editor = await context.newPage();
  await newMap(editor, /Classic five stages/);
  const title = (await editor.getByRole('heading', { level: 1 }).innerText()).trim();

  const libraryTab = await context.newPage();
  await libraryTab.goto('./#/');
  await libraryTab.getByRole('button', { name: `Delete ${title}` }).click();
  await expect(libraryTab.getByRole('alert')).toHaveText(
    'This map is open for editing in another tab, so it was not deleted. Close it there first, then delete it here.',
  );
  await expect(mapList(libraryTab).getByRole('listitem')).toHaveCount(1);

  // The editing tab keeps working and saving: the map does not come and go.
  await editor.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Add stage' }).click();
  await editor.getByRole('textbox', { name: 'Rename stage' }).press('Enter');
  await saved(editor);
  await expect(mapList(libraryTab).getByRole('listitem')).toContainText('6 stages');
  await editor.close();

  await libraryTab.getByRole('button', { name: `Delete ${title}` }).click();
  await expect(mapList(libraryTab)).toHaveCount(0);
  await expect(libraryTab.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(title);
  await expect(libraryTab.getByRole('alert')).toHaveCount(0);
});

test('undoing a persona delete while another tab edits one of its maps is refused plainly, then works', async ({ context }) => {
  const personas = await context.newPage();
  await personas.goto('./#/personas');
  await personas.getByRole('button', { name: 'New persona' }).click();
  await personas.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(personas.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
  const url = await newMap(personas, /Classic five stages/);
  await personas.getByRole('button', { name: 'Personas…' }).click();
  await personas.getByRole('region', { name: 'Link personas' }).getByRole('button', { name: 'Add persona' }).click();
  await saved(personas);

  await personas.goto('./#/personas');
  await personas.getByRole('button', { name: 'Delete Nguyễn Thị Lan' }).click();
  await personas.getByRole('dialog', { name: 'Delete “Nguyễn Thị Lan”?' }).getByRole('button', { name: 'Delete persona' }).click();
  await expect(personas.getByRole('status').filter({ hasText: 'removed it from 1 map' })).toBeVisible();

  // The map is opened for editing in another tab before the undo.
  const editor = await context.newPage();
  await editor.goto(url);
  await expect(editor.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  await personas.getByRole('button', { name: 'Undo' }).click();
  await expect(personas.getByRole('alert')).toContainText('is open for editing in another tab. Close it first, then undo.');
  await expect(personas.getByRole('list', { name: 'Personas' })).toHaveCount(0);

  await editor.close();
  await personas.getByRole('button', { name: 'Undo' }).click();
  const card = personas.getByRole('list', { name: 'Personas' }).getByRole('listitem').filter({ hasText: 'Nguyễn Thị Lan' });
  await expect(card).toContainText('Used in 1 map');
  // The refusal is over: it is no longer on screen.
  await expect(personas.getByRole('alert')).toHaveCount(0);
  await personas.goto(url);
  await expect(personas.getByRole('list', { name: 'Personas of this map' })).toContainText('Nguyễn Thị Lan');
});

test('after the first visit the app works offline: reload with the network off, maps and fonts still there', async ({ page, context }) => {
  await newMap(page, { sample: 'sample-th' });
  const url = page.url();
  // The service worker precaches the app (scripts, styles, fonts) on the first visit.
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active?.state;
  });
  await context.setOffline(true);
  await page.goto(url);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Stage 1: / })).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  const thai = await page.evaluate(() => {
    const faces: FontFace[] = [];
    document.fonts.forEach((f) => faces.push(f));
    return faces.some((f) => f.family.replace(/"/g, '') === 'Noto Sans Thai' && f.status === 'loaded');
  });
  expect(thai).toBe(true);
  await context.setOffline(false);
});

test('a persona exported on its own comes back whole from its file, on the personas page', async ({ page }) => {
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Thị Lan');
  await page.getByLabel('Quote', { exact: true }).fill('Tôi muốn nhắn Zalo, không muốn chờ tổng đài');
  await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.persona\.json$/);
  const text = readFileSync(await file.path(), 'utf8');

  await page.goto('./#/personas');
  const list = page.getByRole('list', { name: 'Personas' });
  await page.getByRole('button', { name: 'Delete Nguyễn Thị Lan' }).click();
  await page.getByRole('dialog', { name: 'Delete “Nguyễn Thị Lan”?' }).getByRole('button', { name: 'Delete persona' }).click();
  await expect(list.getByRole('link', { name: 'Nguyễn Thị Lan' })).toHaveCount(0);
  await page.getByLabel('Import a file').setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(page.getByText('Imported 1 persona')).toBeVisible();
  await list.getByRole('link', { name: 'Nguyễn Thị Lan' }).click();
  await expect(page.getByLabel('Quote', { exact: true })).toHaveValue('Tôi muốn nhắn Zalo, không muốn chờ tổng đài');
});

test('importing over a map that another tab is editing is refused plainly, and the dialog names the map as the library has it', async ({ context }) => {
  const editor = await context.newPage();
  await newMap(editor, /Classic five stages/);
  const title = (await editor.getByRole('heading', { level: 1 }).innerText()).trim();
  const download = editor.waitForEvent('download');
  await editor.getByRole('button', { name: 'Export JSON' }).click();
  const file = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { map: { title: string } };
  file.map.title = 'Nhận biết, from the file';
  const upload = { name: 'renamed.journey.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(file)) };

  const libraryTab = await context.newPage();
  await libraryTab.goto('./#/');
  await libraryTab.getByLabel('Import a file').setInputFiles(upload);
  const conflict = libraryTab.getByRole('dialog', { name: 'This map is already in your library' });
  await expect(conflict).toContainText(`Already in your library: ${title} (the file calls it Nhận biết, from the file)`);
  await conflict.getByRole('button', { name: 'Replace' }).click();
  await expect(libraryTab.getByRole('alert')).toContainText(`“${title}” is open for editing in another tab. Close it first, then import the file.`);
  await expect(mapList(libraryTab).getByRole('listitem')).toContainText(title);

  // The editing tab's next save does not fight an import; once it closes, the import goes in.
  await editor.close();
  await libraryTab.getByLabel('Import a file').setInputFiles(upload);
  await libraryTab.getByRole('dialog', { name: 'This map is already in your library' }).getByRole('button', { name: 'Replace' }).click();
  await expect(libraryTab.getByText('Imported 1 map')).toBeVisible();
  await expect(mapList(libraryTab).getByRole('listitem')).toContainText('Nhận biết, from the file');
});
