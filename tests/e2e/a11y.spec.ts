/**
 * Accessible as it is fast (issue 15): axe-core, run in Chromium, finds no serious or critical
 * violation on the library, the editor (a small map from a template, with a card selected), the
 * presentation and the print view. The rules are not relaxed: a failure names each rule and element.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createSample } from './exportHelpers';

async function seriousViolations(page: Page): Promise<string[]> {
  // label-content-name-mismatch is one of axe's experimental rules, off by default: turned on, as
  // the audit had it, so speech-input users can say what they see on a button.
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}): ${v.help} [${v.nodes.map((n) => n.target.join(' ')).join(', ')}]`);
}

/** A small map: five stages, a handful of lanes. */
const TEMPLATE = 'Classic five stages';

test('the library with a map in it', async ({ page }) => {
  await createSample(page, TEMPLATE);
  await page.goto('./');
  await expect(page.getByText('Customer journey in five stages').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the editor with a card selected', async ({ page }) => {
  await createSample(page, TEMPLATE);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
  const card = page.getByRole('group', { name: /Sees a post shared by a friend/ });
  await card.click();
  await expect(card).toHaveAccessibleName(/, selected$/);
  await expect(page.getByRole('complementary', { name: 'Details' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the presentation', async ({ page }) => {
  const id = await createSample(page, TEMPLATE);
  await page.goto(`./#/maps/${encodeURIComponent(id)}/present`);
  await expect(page.getByRole('region', { name: /^Slide \d+ of \d+/ })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the print view', async ({ page }) => {
  const id = await createSample(page, TEMPLATE);
  await page.goto(`./#/maps/${encodeURIComponent(id)}/print`);
  await expect(page.locator('[data-ready="true"]')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
