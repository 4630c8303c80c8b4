import { expect, test, type Page } from '@playwright/test';

// Data safety in Chromium: edits survive a reload or a closed tab made right after them
// (before the autosave's ~300 ms throttle fires). Each test starts with an empty IndexedDB.

async function newBlankMap(page: Page): Promise<string> {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: /Blank map/ }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  return page.url();
}

const stages = (page: Page) => page.getByRole('button', { name: /^Stage \d+: / });

/** How many stages the stored record of the map has, read straight from IndexedDB. */
function storedStageCount(page: Page, url: string): Promise<number> {
  const mapId = decodeURIComponent(url.slice(url.lastIndexOf('/') + 1));
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('journeyboard');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('maps').objectStore('maps').get(id);
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { stages: unknown[] } | undefined)?.stages.length ?? -1);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    mapId,
  );
}

// Three rounds each: the write at page hide must win every time, not most of the time.
for (let round = 1; round <= 3; round++) {
  test(`an edit made just before a reload is there after it (round ${round})`, async ({ page }) => {
    const url = await newBlankMap(page);
    const before = await stages(page).count();
    await page.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Add stage' }).click();
    // No wait for "Saved": reload at once.
    await page.reload();
    await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
    await expect(stages(page)).toHaveCount(before + 1);
    expect(await storedStageCount(page, url)).toBe(before + 1);
  });

  test(`an edit made just before the tab closes is there in a new tab (round ${round})`, async ({ context }) => {
    const page = await context.newPage();
    const url = await newBlankMap(page);
    const before = await stages(page).count();
    await page.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Add stage' }).click();
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await again.goto(url);
    await expect(again.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
    await expect(stages(again)).toHaveCount(before + 1);
    expect(await storedStageCount(again, url)).toBe(before + 1);
  });
}

test('a persona edit made just before a reload is there after it', async ({ page }) => {
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Thị Lan');
  await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
  for (const quote of ['Nhắn Zalo là nhanh nhất', 'ช่วยจำฉันได้ไหม']) {
    await page.getByLabel('Quote', { exact: true }).fill(quote);
    // The persona editor waits for a pause in typing (400 ms) before it saves: reload first.
    await page.reload();
    await expect(page.getByLabel('Quote', { exact: true })).toHaveValue(quote);
  }
});

test('a browser that will not let the app store anything gets a plain message, and stored maps are kept', async ({ context }) => {
  const first = await context.newPage();
  await newBlankMap(first);
  await first.goto('./#/');
  await expect(first.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);
  await first.close();

  // As in a private window that has no IndexedDB.
  const blocked = await context.newPage();
  await blocked.addInitScript(() => {
    delete (window as { indexedDB?: IDBFactory }).indexedDB;
  });
  await blocked.goto('./#/');
  await expect(blocked.getByRole('heading', { name: 'This browser is not letting Journeyboard store maps' })).toBeVisible();
  await expect(blocked.getByText('Open Journeyboard in a normal (not private) window')).toBeVisible();
  await expect(blocked.getByRole('alert')).toContainText("can't use this browser's storage");
  await expect(blocked.getByText('Loading your maps…')).toHaveCount(0);
  await blocked.close();

  // Nothing was thrown away: with storage back, the map is still there.
  const again = await context.newPage();
  await again.goto('./#/');
  await expect(again.getByRole('list', { name: 'Maps' }).getByRole('listitem')).toHaveCount(1);
});
