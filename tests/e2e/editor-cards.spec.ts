import { expect, test, type Page } from '@playwright/test';
import { SAMPLES } from '../../src/model/samples';
import { TEMPLATES } from '../../src/model/templates';

// Cards show everything they hold: the layout's estimate of each card's height (made
// before the browser lays anything out) leaves room for every line the card draws.

async function openNewMap(page: Page, name: string) {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  const startsWith = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: startsWith }).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
}

/**
 * Cards whose content does not fit their box, and cards with more than a text line of
 * empty room at their foot (the estimate should match what the card draws). The canvas
 * renders only the cards on screen: fit the view first.
 */
async function misfits(page: Page): Promise<{ clipped: string[]; roomy: string[] }> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    const roomy: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.jb-card')) {
      const name = el.getAttribute('aria-label') ?? '?';
      const body = el.querySelector<HTMLElement>('.jb-card__body')!;
      const text = el.querySelector<HTMLElement>('.jb-card__text');
      const over = body.scrollHeight - body.clientHeight;
      const textOver = text ? text.scrollHeight - text.clientHeight : 0;
      if (over > 0 || textOver > 0) clipped.push(`${name} (${over} px${textOver > 0 ? `, text ${textOver} px` : ''})`);
      // Room under the last part, in CSS pixels (the canvas is zoomed).
      const box = body.getBoundingClientRect();
      const zoom = box.height / body.offsetHeight;
      const room = (box.bottom - body.lastElementChild!.getBoundingClientRect().bottom) / zoom;
      if (room > 24) roomy.push(`${name} (${Math.round(room)} px)`);
    }
    return { clipped, roomy };
  });
}

for (const map of [...TEMPLATES, ...SAMPLES]) {
  test(`every card of "${map.name}" has room for what it shows, and no more`, async ({ page }) => {
    await openNewMap(page, map.name);
    const doc = map.build();
    const boxes = doc.cards.filter((c) => c.kind !== 'emotion').length;
    await page.getByRole('button', { name: /fit view/i }).click();
    await page.evaluate(() => document.fonts.ready);
    await expect(page.locator('.jb-card')).toHaveCount(boxes);
    expect(await misfits(page)).toEqual({ clipped: [], roomy: [] });
  });
}

test('an opportunity shows its priority by its label', async ({ page }) => {
  await openNewMap(page, 'Classic five stages');
  // The map opens readable at its first stage; the opportunities lane is further down.
  await page.getByRole('button', { name: /fit view/i }).click();
  const guest = page.getByRole('group', { name: /Guest checkout/ });
  await expect(guest.getByRole('term')).toHaveText(['Priority', 'Owner']);
  await expect(guest.getByRole('definition')).toHaveText(['High', 'E-commerce']);
  await expect(page.getByRole('group', { name: /Self-service help centre/ }).getByRole('definition').first()).toHaveText('Medium');
});

test('channel icons are drawings shipped with the app, the name written beside them', async ({ page }) => {
  await openNewMap(page, 'ตัวอย่าง: Customer Journey กับ Contact Center');
  await page.getByRole('button', { name: /fit view/i }).click();
  const line = page.getByRole('group', { name: /LINE/ });
  await expect(line).toHaveCount(1);
  // The head holds the name as text and an SVG drawing, no character a missing font could show as a box.
  await expect(line.locator('.jb-channel')).toHaveText('LINE');
  const icon = line.locator('.jb-channel svg');
  await expect(icon).toBeVisible();
  await expect(icon).toHaveAttribute('aria-hidden', 'true');
  const drawn = await icon.evaluate((svg) => {
    const box = (svg as SVGSVGElement).getBBox();
    return box.width > 4 && box.height > 4;
  });
  expect(drawn).toBe(true);
  // Every touchpoint on the map has one; the channel list in the panel names the channels.
  const touchpoints = page.locator('.jb-card--touchpoint');
  await expect(page.locator('.jb-card--touchpoint .jb-channel svg')).toHaveCount(await touchpoints.count());
  // Click its head: at this zoom an arrow's label lies over the middle of the card.
  await line.click({ position: { x: 12, y: 6 } });
  await expect(page.getByRole('complementary', { name: 'Details' }).getByLabel('Channel').locator('option:checked')).toHaveText('LINE');
});

test('a long Persian owner wraps its value, never the label inside a word', async ({ page }) => {
  await openNewMap(page, SAMPLES.find((s) => s.id === 'sample-fa')!.name);
  await page.getByRole('button', { name: /fit view/i }).click();
  const card = page.getByRole('group', { name: /یک استراتژی omnichannel/ });
  await card.click();
  const owner = page.getByRole('complementary', { name: 'Details' }).getByRole('textbox', { name: 'Owner' });
  // From the seed articles' vocabulary; one long run without a space, as a pasted team name can be.
  await owner.fill('مدیر ارشد تجربه مشتری و مرکز تماس چندکاناله، واحدپشتیبانی‌مشتریان‌دیجیتال‌سازمان');
  await expect(card.getByRole('definition').last()).toContainText('واحدپشتیبانی');
  // Each label (Priority, Owner) is drawn whole on one line: one line box for its text.
  const lines = await card.getByRole('term').evaluateAll((terms) =>
    terms.map((dt) => {
      const range = document.createRange();
      range.selectNodeContents(dt);
      return [dt.textContent, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size];
    }),
  );
  expect(lines).toEqual([
    ['Priority', 1],
    ['Owner', 1],
  ]);
  expect(await misfits(page)).toEqual({ clipped: [], roomy: [] });
});
