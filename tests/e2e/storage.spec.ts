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

/** A map from the five-stage template, with the card the tests retype. */
async function newTemplateMap(page: Page): Promise<string> {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: /Classic five stages/ }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
  return page.url();
}

const POST = /Sees a post shared by a friend/;

/** Opens the card's in-place editor and types `text` over its text, without Enter. */
/** `delay`: ms between keys; a person types about one key every 100 ms, so drafts are written while they type. */
async function retype(page: Page, from: RegExp, text: string, { delay = 0 }: { delay?: number } = {}) {
  await page.getByRole('group', { name: from }).dblclick();
  const field = page.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay });
}

/** Kills the page's renderer as a crash would: no pagehide, no unload, no handler runs. */
async function crash(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  // The answer never comes: the page is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await expect.poll(() => page.evaluate(() => 1).then(() => 'alive', () => 'gone')).toBe('gone');
}

async function reopen(page: Page, url: string): Promise<Page> {
  const again = await page.context().newPage();
  await again.goto(url);
  await expect(again.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  return again;
}

for (let round = 1; round <= 3; round++) {
  test(`text typed in a card, without Enter, is there after a reload 100 ms later (round ${round})`, async ({ page }) => {
    await newTemplateMap(page);
    const text = `ลูกค้าเห็นโพสต์ที่เพื่อนแชร์ ${round}`;
    await retype(page, POST, text);
    await page.waitForTimeout(100);
    await page.reload();
    await expect(page.getByRole('group', { name: new RegExp(text) })).toBeVisible();
    await expect(page.getByRole('group', { name: POST })).toHaveCount(0);
  });
}

test('a committed edit is there after the page crashes 100 ms later', async ({ page }) => {
  const url = await newTemplateMap(page);
  // Typed at a person's pace: drafts are being written (and the queue throttled) when Enter comes.
  await retype(page, POST, 'مشتری پست دوستش را می‌بیند', { delay: 60 });
  await page.keyboard.press('Enter');
  await page.waitForTimeout(100);
  await crash(page);
  const again = await reopen(page, url);
  await expect(again.getByRole('group', { name: /مشتری پست دوستش را می‌بیند/ })).toBeVisible();
});

test('text still being typed in a card is there after the page crashes a second later', async ({ page }) => {
  const url = await newTemplateMap(page);
  await retype(page, POST, 'Khách hàng thấy bài đăng của bạn bè');
  await page.waitForTimeout(1_000);
  await crash(page);
  const again = await reopen(page, url);
  await expect(again.getByRole('group', { name: /Khách hàng thấy bài đăng của bạn bè/ })).toBeVisible();
});

test('Escape after a pause in typing gives the card its old text back, and the typing is one undo step', async ({ page }) => {
  await newTemplateMap(page);
  await retype(page, POST, 'A draft that is cancelled');
  // The draft reached the document: the card (still being edited) is named by it.
  await expect(page.getByRole('group', { name: /A draft that is cancelled/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: POST })).toBeVisible();
  await expect(page.getByRole('group', { name: /A draft that is cancelled/ })).toHaveCount(0);

  await retype(page, POST, 'First half');
  await expect(page.getByRole('group', { name: /First half/ })).toBeVisible();
  await page.keyboard.type(' and second half');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: /First half and second half/ })).toBeVisible();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(page.getByRole('group', { name: POST })).toBeVisible();
});

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
