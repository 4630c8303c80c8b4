import { expect, test, type Page } from '@playwright/test';
import { createSample } from './exportHelpers';

// How the canvas shows a map: it opens readable at the first stage; stage and lane headers stay
// in view while the map is panned or zoomed in, as a spreadsheet's
// frozen row and column do, so the grid is never lost; the overview shows where the view is.

async function openTemplate(page: Page, name: RegExp) {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name }).click();
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
}

/** The part of the canvas on screen (below the toolbar). */
async function canvasBox(page: Page) {
  const box = await page.locator('.jb-canvas').boundingBox();
  if (!box) throw new Error('no canvas');
  return box;
}

/** Texts drawn on screen within `band` (screen rectangle), found by their text as a user reads them. */
async function visibleTextIn(page: Page, text: string, band: { x0: number; x1: number; y0: number; y1: number }) {
  const boxes = await page.getByText(text, { exact: true }).evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, w: r.width })),
  );
  return boxes.some((b) => b.w > 0 && b.x >= band.x0 && b.x <= band.x1 && b.y >= band.y0 && b.y <= band.y1);
}

test('zoomed in on the middle of the map, the stage row and lane column stay at the canvas edges, and a click there selects', async ({ page }) => {
  await openTemplate(page, /Classic five stages/);
  // In full view the real headers show, and no frozen copy.
  await expect(page.getByRole('button', { name: /^Stage 1: / })).toBeVisible();
  await expect(page.locator('.jb-frozen')).toHaveCount(0);

  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  // The real headers have scrolled away (off the top and the left: not drawn at all).
  await expect(page.getByRole('button', { name: /^Stage 1: / })).toHaveCount(0);

  const c = await canvasBox(page);
  const top = { x0: c.x, x1: c.x + c.width, y0: c.y, y1: c.y + 40 };
  const left = { x0: c.x, x1: c.x + 150, y0: c.y + 36, y1: c.y + c.height };
  // Some stage of the middle of the map is named along the top, some lane along the left.
  const stages = ['Awareness', 'Consideration', 'Purchase', 'Post-purchase', 'Advocacy'];
  const named = [];
  for (const s of stages) if (await visibleTextIn(page, s, top)) named.push(s);
  expect(named.length).toBeGreaterThan(0);
  const lanes = ['Customer goals', 'Customer actions', 'Touchpoints', 'Thoughts and feelings', 'Emotion', 'Pain points', 'Opportunities', 'KPIs'];
  const laneNamed = [];
  for (const l of lanes) if (await visibleTextIn(page, l, left)) laneNamed.push(l);
  expect(laneNamed.length).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/frozen-ltr.png' });

  // A click on a frozen stage name selects that stage: its details open in the side panel.
  await page.locator('.jb-frozen__stage').filter({ hasText: named[0]! }).click();
  await expect(page.getByRole('textbox', { name: 'Stage name' })).toHaveValue(named[0]!);
});

test('on a right-to-left map the lane column freezes at the right', async ({ page }) => {
  await createSample(page, 'نمونه: سفر مشتری در مرکز تماس');
  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  await expect(page.locator('.jb-frozen__column')).toBeVisible();
  const c = await canvasBox(page);
  const col = await page.locator('.jb-frozen__column').boundingBox();
  expect(col).not.toBeNull();
  // Flush with the canvas's right edge.
  expect(Math.abs(col!.x + col!.width - (c.x + c.width))).toBeLessThan(2);
  await page.screenshot({ path: 'test-results/frozen-rtl.png' });
});

/** The on-screen size of a card's text, in CSS pixels. */
async function cardTextPx(page: Page, name: RegExp): Promise<number> {
  return page.getByRole('group', { name }).locator('.jb-card__text').evaluate((el) => {
    const zoom = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    return parseFloat(getComputedStyle(el).fontSize) * zoom;
  });
}

test('a big map opens readable, at its first stage: card text at least 12 px, the header row in view; "Fit the stages\' width" fits them', async ({ page }) => {
  await openTemplate(page, /Contact-center life cycle/);
  const first = page.getByRole('button', { name: /^Stage 1: / });
  await expect(first).toBeVisible();
  const c = await canvasBox(page);
  const h = (await first.boundingBox())!;
  // The first stage at the top left, its header row at the top (under the room kept for the loop arrows).
  expect(h.x - c.x).toBeLessThan(200);
  expect(h.y - c.y).toBeLessThan(120);
  const someCard = page.locator('.jb-card').first();
  await expect(someCard).toBeVisible();
  const name = new RegExp(`^${(await someCard.getAttribute('aria-label'))!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  expect(await cardTextPx(page, name)).toBeGreaterThanOrEqual(12);

  // Fit the stages' width: the last stage comes into view, the header row stays at the top.
  await page.getByRole('button', { name: "Fit the stages' width" }).click();
  const last = page.getByRole('button', { name: /^Stage 5: / });
  await expect(last).toBeVisible();
  await expect.poll(async () => (await page.getByRole('button', { name: /^Stage 1: / }).boundingBox())?.y ?? 1e9).toBeLessThan(c.y + 120);
  await expect.poll(async () => {
    const b = await last.boundingBox();
    return b !== null && b.x + b.width <= c.x + c.width + 1;
  }).toBe(true);
});

test('a right-to-left map opens at its first stage on the right', async ({ page }) => {
  await createSample(page, 'نمونه: سفر مشتری در مرکز تماس');
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  const first = page.getByRole('button', { name: /^Stage 1: / });
  await expect(first).toBeVisible();
  const c = await canvasBox(page);
  const h = (await first.boundingBox())!;
  expect(c.x + c.width - (h.x + h.width)).toBeLessThan(200);
});

test('the overview draws the grid, moves the view where it is clicked, and folds away', async ({ page }) => {
  await openTemplate(page, /Contact-center life cycle/);
  const overview = page.getByRole('img', { name: 'Overview of the map' });
  await expect(overview).toBeVisible();
  // One shape per cell, not per card.
  const stages = await page.locator('.react-flow__node-stageHeader').count();
  expect(await overview.locator('.jb-overview__cell').count()).toBeGreaterThanOrEqual(stages);
  // The map opens at its first stage: the last one is off screen until the overview is clicked at the map's far end.
  const last = page.getByRole('button', { name: /^Stage 5: / });
  await expect(last).toHaveCount(0);
  const box = (await overview.boundingBox())!;
  await page.mouse.click(box.x + box.width - 4, box.y + 6);
  await expect(last).toBeVisible();

  await page.getByRole('button', { name: 'Hide overview' }).click();
  await expect(overview).toHaveCount(0);
  await page.getByRole('button', { name: 'Overview' }).click();
  await expect(overview).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide overview' })).toHaveAttribute('aria-expanded', 'true');
});

test('zoomed far out, cards are drawn as coloured blocks without text; zoomed back in, their text is back', async ({ page }) => {
  await openTemplate(page, /Contact-center life cycle/);
  await page.getByRole('button', { name: /fit view/i }).click();
  const inbound = page.getByRole('group', { name: /Inbound call from the campaign/ });
  await expect(inbound.getByText('Inbound call from the campaign (lead)')).toBeVisible();
  const zoomOut = page.getByRole('button', { name: /zoom out/i });
  await zoomOut.click();
  await zoomOut.click();
  // A block: the card is there (and named for a screen reader), its text is not drawn.
  await expect(inbound.getByText('Inbound call from the campaign (lead)')).toBeHidden();
  await expect(inbound).toBeVisible();
  const block = await inbound.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(block).not.toBe('rgb(255, 255, 255)');
  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  await zoomIn.click();
  await zoomIn.click();
  await expect(inbound.getByText('Inbound call from the campaign (lead)')).toBeVisible();
});

test('a card edited while drawn as a block is brought to a readable size, its text box focused', async ({ page }) => {
  await openTemplate(page, /Contact-center life cycle/);
  await page.getByRole('button', { name: /fit view/i }).click();
  const zoomOut = page.getByRole('button', { name: /zoom out/i });
  await zoomOut.click();
  await zoomOut.click();
  const inbound = page.getByRole('group', { name: /Inbound call from the campaign/ });
  await expect(inbound.getByText('Inbound call from the campaign (lead)')).toBeHidden();
  await inbound.click();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await expect(field).toBeInViewport();
  // Readable: the text box's letters are drawn at 12 px on screen (READABLE_ZOOM; less a rounding).
  await expect
    .poll(async () => field.evaluate((el) => (parseFloat(getComputedStyle(el).fontSize) * el.getBoundingClientRect().height) / (el as HTMLElement).offsetHeight))
    .toBeGreaterThan(11.5);
  await page.keyboard.press('End');
  await page.keyboard.type(' (campaign)');
  await page.keyboard.press('Enter');
  await expect(inbound).toHaveAccessibleName(/\(lead\) \(campaign\)/);
});

test('"Zoom to stage" and "Zoom to lane" from a header bring that stage or lane across the canvas, readable', async ({ page }) => {
  await openTemplate(page, /Contact-center life cycle/);
  await page.getByRole('button', { name: /fit view/i }).click();
  const c = await canvasBox(page);
  await page.getByRole('button', { name: 'Zoom to stage 4' }).click();
  const stage4 = page.getByRole('button', { name: /^Stage 4: / });
  await expect.poll(async () => {
    const b = await stage4.boundingBox();
    // Centred across the canvas, near its top.
    return b !== null && Math.abs(b.x + b.width / 2 - (c.x + c.width / 2)) < c.width / 3 && b.y < c.y + 120;
  }).toBe(true);
  await expect(page.getByRole('button', { name: /^Stage 1: / })).toHaveCount(0);

  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByRole('button', { name: 'Zoom to lane 6' }).click();
  const lane6 = page.getByRole('button', { name: /^Lane 6: / });
  await expect.poll(async () => {
    const b = await lane6.boundingBox();
    return b !== null && b.x < c.x + 60 && Math.abs(b.y - (c.y + c.height / 2)) < c.height / 2;
  }).toBe(true);
  const text = page.locator('.jb-card__text').first();
  const px = await text.evaluate((el) => parseFloat(getComputedStyle(el).fontSize) * new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
  expect(px).toBeGreaterThanOrEqual(12);
});
