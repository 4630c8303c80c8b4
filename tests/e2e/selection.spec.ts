import { expect, test, type Locator, type Page } from '@playwright/test';
import { fitView } from './canvasHelpers';

// What the user sees on the canvas is what acts (issue 15): an arrow's label never sits on a
// card nor takes its click, and copy and paste take only the cards that show as selected.

async function openTemplate(page: Page, name: string) {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog', { name: 'Start a new map' }).getByRole('button', { name: new RegExp(`^${name}`) }).click();
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  await fitView(page);
}

async function box(l: Locator) {
  const b = await l.boundingBox();
  if (!b) throw new Error('not on screen');
  return b;
}

const card = (page: Page, text: string) => page.getByRole('group', { name: new RegExp(text) }).and(page.locator('[aria-roledescription="card"]'));

test('the "Re-purchase" label sits clear of the LINE card, and a click there selects the card', async ({ page }) => {
  await openTemplate(page, 'Contact-center life cycle');
  const line = card(page, 'LINE');
  const label = page.getByRole('button', { name: 'Arrow: Re-purchase' });
  await expect(label).toBeVisible();
  const l = await box(line);
  const t = await box(label);
  // No card under any part of the label.
  const covered = await page.evaluate(
    ([x0, y0, x1, y1]) =>
      [...document.querySelectorAll('.jb-card')].some((el) => {
        const r = el.getBoundingClientRect();
        return r.right > x0 && r.left < x1 && r.bottom > y0 && r.top < y1;
      }),
    [t.x, t.y, t.x + t.width, t.y + t.height],
  );
  expect(covered).toBe(false);
  // Where the label used to be: the middle of the arrow, on the LINE card's middle row.
  await page.mouse.click(l.x + l.width / 2, l.y + l.height / 2);
  await expect(line).toHaveAccessibleName(/selected$/);
  await expect(page.getByRole('button', { name: /^Arrow: Re-purchase/ })).not.toHaveClass(/is-selected/);
});

test('after dragging an emotion point, Shift+click on two cards then copy and paste adds exactly those two', async ({ page }) => {
  await openTemplate(page, 'Contact-center life cycle');
  const cards = page.locator('[aria-roledescription="card"]');
  const before = await cards.count();
  const points = page.getByRole('slider');
  const pointsBefore = await points.count();

  const point = points.first();
  const p = await box(point);
  const valueBefore = await point.getAttribute('aria-valuenow');
  await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2);
  await page.mouse.down();
  await page.mouse.move(p.x + p.width / 2, p.y + p.height / 2 - 40, { steps: 6 });
  await page.mouse.up();
  await expect(point).not.toHaveAttribute('aria-valuenow', valueBefore ?? '');

  const welcome = card(page, 'Welcome and satisfaction call');
  const showroom = card(page, 'Showroom visit');
  await welcome.click({ modifiers: ['Shift'] });
  await showroom.click({ modifiers: ['Shift'] });
  await expect(welcome).toHaveAccessibleName(/selected$/);
  await expect(showroom).toHaveAccessibleName(/selected$/);
  // What the panel says is selected is what shows: the two cards.
  await expect(page.getByText('2 selected')).toBeVisible();

  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(cards).toHaveCount(before + 2);
  await expect(card(page, 'Welcome and satisfaction call')).toHaveCount(2);
  await expect(card(page, 'Showroom visit')).toHaveCount(2);
  await expect(points).toHaveCount(pointsBefore);
});
