import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type ServerProcess } from '../server/serverProcess';

// Working on one map together: two browser contexts (two people, two devices) and a real sync
// server process that the test starts, on loopback.

const dir = mkdtempSync(join(tmpdir(), 'jb-e2e-sync-'));
let server: ServerProcess;
test.beforeAll(async () => {
  server = await startServer({ JOURNEYBOARD_DATA: join(dir, 'shared.sqlite') });
});
test.afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Map editor' });
const syncStatus = (page: Page) => page.getByRole('status', { name: 'Sharing' });
const card = (page: Page, text: string) => page.getByRole('group', { name: new RegExp(text) });

async function newBlankMap(page: Page) {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: /Blank map/ }).click();
  await expect(toolbar(page)).toBeVisible();
}

/** Shares the open map on `url` from the Share dialog; returns its two links. */
async function share(page: Page, url: string, teamKey?: string, name?: string) {
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this map with your team' });
  if (name) await dialog.getByRole('textbox', { name: 'Your name (your team sees it with your pointer)' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Sync server address' }).fill(url);
  if (teamKey) await dialog.getByLabel('Team key (only if your server asks for one)').fill(teamKey);
  await dialog.getByRole('button', { name: 'Share this map' }).click();
  const edit = await dialog.getByRole('textbox', { name: 'Edit link' }).inputValue();
  const view = await dialog.getByRole('textbox', { name: 'View-only link' }).inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(syncStatus(page)).toHaveText('Shared · up to date');
  return { edit, view };
}

/** A second person: a browser context of their own (their own IndexedDB) opening `link`. */
async function joinAs(browser: Browser, link: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(link);
  await expect(toolbar(page)).toBeVisible();
  await expect(syncStatus(page)).toHaveText('Shared · up to date');
  return page;
}

async function addCard(page: Page, stage: string, lane: string, text: string) {
  await page.getByRole('button', { name: `Add card to ${stage} / ${lane}` }).click();
  const field = page.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(card(page, text)).toBeVisible();
}

test('two people edit one map at once: both keep every edit, and undo takes back only your own', async ({ page, browser }) => {
  await newBlankMap(page);
  const links = await share(page, server.url);
  const other = await joinAs(browser, links.edit);
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Untitled journey');

  // Both add a card to the same cell.
  await addCard(page, 'Before', 'Customer actions', 'ลูกค้าโทรหา Call Center');
  await addCard(other, 'Before', 'Customer actions', 'مشتری با مرکز تماس تماس می‌گیرد');
  for (const p of [page, other]) {
    await expect(card(p, 'ลูกค้าโทรหา Call Center')).toBeVisible();
    await expect(card(p, 'مشتری با مرکز تماس تماس می‌گیرد')).toBeVisible();
  }

  // One renames a stage while the other is adding a card to it.
  await page.getByRole('button', { name: 'Add card to During / Customer actions' }).click();
  await expect(page.getByRole('textbox', { name: 'Card text' })).toBeFocused();
  await page.keyboard.type('Gọi tổng đài');
  await other.getByRole('button', { name: /^Stage 2: During$/ }).dblclick();
  const rename = other.getByRole('textbox', { name: 'Rename stage' });
  await rename.fill('Đang mua hàng');
  await rename.press('Enter');
  await expect(page.getByRole('button', { name: /^Stage 2: Đang mua hàng$/ })).toBeVisible();
  await page.getByRole('textbox', { name: 'Card text' }).press('Enter');
  for (const p of [page, other]) {
    await expect(card(p, 'Gọi tổng đài')).toBeVisible();
    await expect(p.getByRole('button', { name: /^Stage 2: Đang mua hàng$/ })).toBeVisible();
  }

  // My undo takes back my card; my colleague's rename and card stay, here and there.
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect(card(page, 'Gọi tổng đài')).toHaveCount(0);
  for (const p of [page, other]) {
    await expect(card(p, 'Gọi tổng đài')).toHaveCount(0);
    await expect(p.getByRole('button', { name: /^Stage 2: Đang mua hàng$/ })).toBeVisible();
    await expect(card(p, 'مشتری با مرکز تماس تماس می‌گیرد')).toBeVisible();
    await expect(card(p, 'ลูกค้าโทรหา Call Center')).toBeVisible();
  }
  // And redo brings it back for both.
  await toolbar(page).getByRole('button', { name: 'Redo' }).click();
  await expect(card(other, 'Gọi tổng đài')).toBeVisible();

  // A card deleted by one while the other writes in it: the writer is told, with what they wrote.
  await addCard(page, 'After', 'Customer actions', 'Khách hàng gọi lại');
  await expect(card(other, 'Khách hàng gọi lại')).toBeVisible();
  await card(other, 'Khách hàng gọi lại').dblclick();
  const field = other.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await other.keyboard.press('End');
  await other.keyboard.type(' lần hai');
  await expect(card(page, 'Khách hàng gọi lại lần hai')).toBeVisible();
  await card(page, 'Khách hàng gọi lại lần hai').click();
  await page.keyboard.press('Delete');
  await expect(card(page, 'Khách hàng gọi lại')).toHaveCount(0);
  await expect(other.getByRole('status').filter({ hasText: 'A colleague deleted the card you were writing in.' })).toContainText('“Khách hàng gọi lại lần hai”');
  await expect(card(other, 'Khách hàng gọi lại')).toHaveCount(0);

  // What arrived from the colleague is kept on this device too.
  await other.reload();
  await expect(card(other, 'Gọi tổng đài')).toBeVisible();
  await expect(other.getByRole('button', { name: /^Stage 2: Đang mua hàng$/ })).toBeVisible();
});

test('colleagues see each other: who is here, what each has selected, and their pointers', async ({ page, browser }) => {
  await newBlankMap(page);
  await addCard(page, 'Before', 'Customer actions', 'ลูกค้าโทรหา Call Center');
  const links = await share(page, server.url, undefined, 'สมชาย');
  const other = await joinAs(browser, links.edit);
  await other.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = other.getByRole('dialog', { name: 'Share this map with your team' });
  await dialog.getByRole('textbox', { name: 'Your name (your team sees it with your pointer)' }).fill('مینا');
  await dialog.getByRole('button', { name: 'Close' }).click();

  const hereForOther = other.getByRole('list', { name: 'Here now' });
  const hereForMe = page.getByRole('list', { name: 'Here now' });
  await expect(hereForOther).toContainText('สมชาย');
  await expect(hereForMe).toContainText('مینا');

  // I select a card: my colleague reads it in the list and sees it outlined with my name.
  await card(page, 'ลูกค้าโทรหา Call Center').click();
  await expect(hereForOther.getByRole('listitem')).toHaveText('สมชาย has selected “ลูกค้าโทรหา Call Center”');
  const outline = other.locator('.jb-peer-outline', { hasText: 'สมชาย' });
  await expect(outline).toBeVisible();
  const cardBox = (await card(other, 'ลูกค้าโทรหา Call Center').boundingBox())!;
  const outlineBox = (await outline.boundingBox())!;
  expect(Math.abs(outlineBox.x + outlineBox.width / 2 - (cardBox.x + cardBox.width / 2))).toBeLessThan(6);

  // My pointer moves over the canvas: theirs shows it, with my name; off the canvas, it goes.
  const canvas = (await page.getByRole('application', { name: /canvas/i }).boundingBox())!;
  await page.mouse.move(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  await page.mouse.move(canvas.x + canvas.width / 2 + 40, canvas.y + canvas.height / 2 + 30, { steps: 5 });
  const pointer = other.getByRole('img', { name: 'สมชาย’s pointer' });
  await expect(pointer).toBeVisible();
  await page.mouse.move(5, 5);
  await expect(pointer).toHaveCount(0);

  // Typing in a card says so.
  await card(other, 'ลูกค้าโทรหา Call Center').dblclick();
  await expect(hereForMe.getByRole('listitem')).toHaveText('مینا is typing in “ลูกค้าโทรหา Call Center”');
});

test('a comment made on a card in one context appears in the other, gets a reply and is resolved from there', async ({ page, browser }) => {
  await newBlankMap(page);
  await addCard(page, 'Before', 'Customer actions', 'ลูกค้าโทรหา Call Center');
  const links = await share(page, server.url, undefined, 'สมชาย');
  const other = await joinAs(browser, links.edit);
  const details = (p: Page) => p.getByRole('complementary', { name: 'Details' });

  await card(page, 'ลูกค้าโทรหา Call Center').click();
  await details(page).getByRole('textbox', { name: 'Add a comment' }).fill('ลูกค้ารอสายนานเกินไปที่ IVR');
  await details(page).getByRole('button', { name: 'Comment', exact: true }).click();
  await expect(card(page, 'ลูกค้าโทรหา Call Center')).toHaveAccessibleName(/1 open comment/);

  // There: the card says so; its panel holds the thread, which gets a reply and is resolved.
  await expect(card(other, 'ลูกค้าโทรหา Call Center')).toHaveAccessibleName(/1 open comment/);
  await card(other, 'ลูกค้าโทรหา Call Center').click();
  const thread = details(other).getByRole('article', { name: 'Comment by สมชาย' });
  await expect(thread).toContainText('ลูกค้ารอสายนานเกินไปที่ IVR');
  await thread.getByRole('textbox', { name: 'Reply to สมชาย' }).fill('میانگین انتظار ۴ دقیقه است');
  await thread.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(card(page, 'ลูกค้าโทรหา Call Center')).toHaveAccessibleName(/2 open comments/);
  await expect(details(page).getByRole('article', { name: 'Comment by สมชาย' })).toContainText('میانگین انتظار ۴ دقیقه است');
  await thread.getByRole('button', { name: 'Resolve' }).click();

  for (const p of [page, other]) {
    await expect(card(p, 'ลูกค้าโทรหา Call Center')).not.toHaveAccessibleName(/open comment/);
    await expect(details(p).getByRole('button', { name: 'Show 1 resolved thread' })).toBeVisible();
  }
  // Reopened here, it is open there again.
  await details(page).getByRole('button', { name: 'Show 1 resolved thread' }).click();
  await details(page).getByRole('button', { name: 'Reopen' }).click();
  await expect(card(other, 'ลูกค้าโทรหา Call Center')).toHaveAccessibleName(/2 open comments/);
});

test('the personas a shared map uses travel with it to whoever joins', async ({ page, browser }) => {
  await page.goto('./#/personas');
  await page.getByRole('button', { name: 'New persona' }).click();
  await page.getByRole('button', { name: /Nguyễn Thị Lan/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /changes saved/ })).toBeVisible();
  await newBlankMap(page);
  await page.getByRole('button', { name: 'Personas…' }).click();
  const linker = page.getByRole('region', { name: 'Link personas' });
  await linker.getByLabel('Add a persona to this map').selectOption({ label: 'Nguyễn Thị Lan' });
  await linker.getByRole('button', { name: 'Add persona' }).click();
  await page.getByRole('button', { name: 'Personas…' }).click();
  const links = await share(page, server.url);

  const other = await joinAs(browser, links.view);
  await expect(other.getByRole('list', { name: 'Personas of this map' })).toContainText('Nguyễn Thị Lan');
  // She is in the joiner's own library now, with her quote.
  await other.goto('./#/personas');
  await other.getByRole('link', { name: /Nguyễn Thị Lan/ }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Nguyễn Thị Lan');
});

test('two tabs of a shared map are two peers: both edit, each sees the other, even with the server down', async ({ page, context }) => {
  const own = await startServer({ JOURNEYBOARD_DATA: join(dir, 'tabs.sqlite') });
  try {
    await newBlankMap(page);
    await share(page, own.url);
    const second = await context.newPage();
    await second.goto(page.url());
    await expect(syncStatus(second)).toHaveText('Shared · up to date');
    await expect(second.getByRole('note')).toHaveCount(0);
    await expect(toolbar(second).getByRole('button', { name: 'Add stage' })).toBeEnabled();

    await addCard(second, 'Before', 'Customer actions', 'Sees the ad on Facebook');
    await expect(card(page, 'Sees the ad on Facebook')).toBeVisible();

    await own.stop();
    await expect(syncStatus(page)).not.toHaveText('Shared · up to date');
    await addCard(page, 'During', 'Customer actions', 'Chats with an agent on LINE');
    await expect(card(second, 'Chats with an agent on LINE')).toBeVisible();
    // My undo in one tab takes back my edit there, and the other tab follows.
    await toolbar(page).getByRole('button', { name: 'Undo' }).click();
    await expect(card(second, 'Chats with an agent on LINE')).toHaveCount(0);
    await expect(card(page, 'Sees the ad on Facebook')).toBeVisible();
  } finally {
    await own.stop();
  }
});

test('follow the facilitator: whoever joins a presentation follows its slides, and can step out and back', async ({ page, browser }) => {
  await newBlankMap(page);
  const links = await share(page, server.url, undefined, 'สมชาย');
  const other = await joinAs(browser, links.view);
  const slideOf = (p: Page) => p.getByRole('progressbar', { name: 'Progress' });

  await page.getByRole('link', { name: 'Present' }).click();
  await expect(slideOf(page)).toHaveAttribute('aria-valuenow', '1');
  await page.keyboard.press('ArrowRight');
  await expect(slideOf(page)).toHaveAttribute('aria-valuenow', '2');

  // The colleague's map says who presents; Follow opens the presentation where it is.
  await expect(other.getByRole('list', { name: 'Here now' })).toContainText('สมชาย is presenting');
  await other.getByRole('link', { name: 'Follow สมชาย' }).click();
  await expect(slideOf(other)).toHaveAttribute('aria-valuenow', '2');
  await expect(other.getByRole('status').filter({ hasText: 'Following สมชาย' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(slideOf(other)).toHaveAttribute('aria-valuenow', '3');

  // A slide of one's own steps out; the presenter goes on; Follow brings one back.
  await other.keyboard.press('ArrowLeft');
  await expect(slideOf(other)).toHaveAttribute('aria-valuenow', '2');
  await page.keyboard.press('ArrowRight');
  await expect(slideOf(page)).toHaveAttribute('aria-valuenow', '4');
  await expect(slideOf(other)).toHaveAttribute('aria-valuenow', '2');
  await other.getByRole('button', { name: 'Follow สมชาย' }).click();
  await expect(slideOf(other)).toHaveAttribute('aria-valuenow', '4');
});

test('the view link follows the map live but cannot edit it; a wrong key is refused with a message', async ({ page, browser }) => {
  await newBlankMap(page);
  const links = await share(page, server.url);
  const viewer = await joinAs(browser, links.view);
  await expect(viewer.getByRole('note')).toContainText('You joined this map with a view-only link');
  await expect(toolbar(viewer).getByRole('button', { name: 'Add stage' })).toBeDisabled();
  await expect(viewer.getByRole('button', { name: 'Add card to Before / Customer actions' })).toHaveCount(0);

  await addCard(page, 'After', 'Customer actions', 'Khách hàng đánh giá dịch vụ');
  await expect(card(viewer, 'Khách hàng đánh giá dịch vụ')).toBeVisible();

  const wrong = links.edit.replace(/key=[^&]+/, `key=${'x'.repeat(43)}`);
  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(wrong);
  await expect(stranger.getByRole('heading', { level: 1 })).toHaveText('Could not open the shared map');
  await expect(stranger.getByRole('alert')).toHaveText('This link does not work. Ask whoever shared the map for a new one.');
});

test('a server with a team key refuses to share a map without it, and shares it with it', async ({ page }) => {
  const guarded = await startServer({ JOURNEYBOARD_DATA: join(dir, 'team.sqlite'), JOURNEYBOARD_TEAM_KEY: 'ศูนย์บริการ-2026' });
  try {
    await newBlankMap(page);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this map with your team' });
    await dialog.getByRole('textbox', { name: 'Sync server address' }).fill(guarded.url);
    await dialog.getByRole('button', { name: 'Share this map' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('This server lets only its team share maps. Enter the team key and try again.');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(syncStatus(page)).toHaveCount(0);
    await share(page, guarded.url, 'ศูนย์บริการ-2026');
  } finally {
    await guarded.stop();
  }
});

test('edits made while the server is down arrive when it is back, and its restart loses nothing', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const data = join(dir, 'restart.sqlite');
  let own = await startServer({ JOURNEYBOARD_DATA: data });
  try {
    await newBlankMap(page);
    const links = await share(page, own.url);
    const other = await joinAs(browser, links.edit);
    const port = new URL(own.url).port;

    await own.stop();
    await expect(syncStatus(page)).not.toHaveText('Shared · up to date');
    await addCard(page, 'During', 'Touchpoints', 'LINE Official Account');
    await expect(syncStatus(page)).toHaveText(/offline, \d+ changes? waiting|connecting/);
    await addCard(other, 'Before', 'Pain points', 'รอสายนานเกิน 10 นาที');

    own = await startServer({ JOURNEYBOARD_DATA: data, PORT: port });
    for (const p of [page, other]) {
      await expect(syncStatus(p)).toHaveText('Shared · up to date', { timeout: 45_000 });
      await expect(card(p, 'LINE Official Account')).toBeVisible();
      await expect(card(p, 'รอสายนานเกิน 10 นาที')).toBeVisible();
    }
    // A third device joining now gets everything from the restarted server.
    const late = await joinAs(browser, links.view);
    await expect(card(late, 'LINE Official Account')).toBeVisible();
    await expect(card(late, 'รอสายนานเกิน 10 นาที')).toBeVisible();
  } finally {
    await own.stop();
  }
});
