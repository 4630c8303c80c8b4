import { expect, test, type Locator, type Page } from '@playwright/test';
import { fitView } from './canvasHelpers';
import { textWidth } from '../../src/editor/textMetrics';

// The journey-map editor, by mouse and keyboard, in Chromium. Each test gets a fresh
// browser context (an empty IndexedDB).

async function openNewMap(page: Page, choice: { template: string } | { sample: string }) {
  await page.goto('./');
  await page.getByRole('button', { name: 'New map' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new map' });
  if ('template' in choice) await dialog.getByRole('button', { name: new RegExp(choice.template) }).click();
  else await dialog.getByTestId(choice.sample).click();
  await expect(page).toHaveURL(/#\/maps\/[^/]+$/);
  await expect(page.getByRole('toolbar', { name: 'Map editor' })).toBeVisible();
}

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Map editor' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Details' });
const card = (page: Page, text: string | RegExp) => page.getByRole('group', { name: text });

async function waitSaved(page: Page) {
  await expect(page.getByRole('status', { name: 'Save status' })).toHaveText('Saved');
}

async function dragBy(page: Page, target: Locator, dx: number, dy: number) {
  const box = await target.boundingBox();
  if (!box) throw new Error('nothing to drag');
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(box.height / 2, 12);
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(x + (dx * i) / 10, y + (dy * i) / 10);
  await page.mouse.up();
}

async function centreX(l: Locator): Promise<number> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not visible');
  return b.x + b.width / 2;
}

async function addStage(page: Page, name: string) {
  await toolbar(page).getByRole('button', { name: 'Add stage' }).click();
  const field = page.getByRole('textbox', { name: 'Rename stage' });
  await expect(field).toBeFocused();
  await field.fill(name);
  await field.press('Enter');
  await expect(page.getByRole('button', { name: new RegExp(`^Stage \\d+: ${name}$`) })).toBeVisible();
}

async function addLane(page: Page, kind: string, title: string) {
  await toolbar(page).getByRole('combobox', { name: 'Kind of lane to add' }).selectOption({ label: kind });
  await toolbar(page).getByRole('button', { name: 'Add lane' }).click();
  const field = page.getByRole('textbox', { name: 'Rename lane' });
  await expect(field).toBeFocused();
  await field.fill(title);
  await field.press('Enter');
}

async function addCardTo(page: Page, stage: string, lane: string, text?: string) {
  await page.getByRole('button', { name: `Add card to ${stage} / ${lane}` }).click();
  if (text === undefined) return;
  const field = page.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(card(page, new RegExp(text))).toBeVisible();
}

const STAGES = ['Before', 'During', 'After', 'Awareness', 'ซื้อสินค้า', 'Review and offer'];
const LANES = [
  ['Text', 'Customer goals'],
  ['Touchpoints', 'Channels used'],
  ['Emotion curve', 'Feelings'],
  ['Pain points', 'Obstacles'],
  ['Opportunities', 'Ideas'],
  ['KPIs', 'Metrics'],
] as const;
const laneHeader = (page: Page, title: string, kind: string) => page.getByRole('button', { name: new RegExp(`^Lane \\d+: ${title} \\(${kind}\\)$`) });

test('build a map from blank by mouse and keyboard; undo, redo and reload keep it', async ({ page }) => {
  await openNewMap(page, { template: 'Blank map' });

  // Three more stages (the blank map has Before, During, After).
  await addStage(page, 'Awareness');
  await addStage(page, 'ซื้อสินค้า');
  await addStage(page, 'Review and offer');

  // A lane of each kind: its header names its title and its kind.
  for (const [kind, title] of LANES) {
    await addLane(page, kind, title);
    await expect(laneHeader(page, title, kind)).toBeVisible();
  }
  await fitView(page);

  // Two touchpoints on channels (text typed in place, channel chosen in the panel).
  await addCardTo(page, 'Before', 'Touchpoints', 'Call the hotline');
  await panel(page).getByLabel('Channel').selectOption('phone');
  await panel(page).getByLabel('Owner').fill('Contact center');
  await addCardTo(page, 'During', 'Touchpoints', 'Chat with an agent');
  await panel(page).getByLabel('Channel').selectOption('chat');
  await expect(card(page, /Call the hotline/)).toContainText('Phone');
  await expect(card(page, /Call the hotline/)).toContainText('Contact center');
  await expect(card(page, /Chat with an agent/)).toContainText('Live chat');

  // A pain point felt at the first touchpoint.
  await addCardTo(page, 'Before', 'Pain points', 'Long wait in the IVR');
  await panel(page).getByLabel('Severity').selectOption('high');
  await panel(page).getByLabel('Felt at touchpoint').selectOption({ label: 'Call the hotline — Before' });
  await expect(card(page, /Long wait in the IVR/)).toContainText('at Call the hotline');
  await expect(card(page, /Long wait in the IVR/)).toContainText('High');

  // Emotion scores on every stage: add a point per stage, set it by keyboard (and one by mouse).
  const scores = [1, -1, 2, 0, -2, 1];
  for (const [i, stage] of STAGES.entries()) {
    await addCardTo(page, stage, 'Emotion');
    const slider = page.getByRole('slider', { name: `Emotion at ${stage}` });
    await expect(slider).toHaveAttribute('aria-valuenow', '0');
    if (i === 0) {
      // Drag the point up to +1 with the mouse.
      const box = (await slider.locator('.jb-point__dot').boundingBox())!;
      const row = (await page.locator('.jb-emotion__svg').first().boundingBox())!;
      const step = (row.height / 2 - 24 * (row.height / 200)) / 2;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - step * 0.6, { steps: 3 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - step, { steps: 3 });
      await page.mouse.up();
    } else {
      await slider.focus();
      const key = scores[i]! > 0 ? 'ArrowUp' : 'ArrowDown';
      for (let k = 0; k < Math.abs(scores[i]!); k++) await page.keyboard.press(key);
    }
    await expect(slider).toHaveAttribute('aria-valuenow', String(scores[i]));
  }

  // An arrow between the two touchpoints, drawn with the mouse from handle to handle, then labelled.
  const from = card(page, /Call the hotline/);
  const to = card(page, /Chat with an agent/);
  await from.click();
  const handle = from.locator('.react-flow__handle-right');
  const target = to.locator('.react-flow__handle-left');
  const hb = (await handle.boundingBox())!;
  const tb = (await target.boundingBox())!;
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  await page.mouse.move(tb.x + tb.width / 2, tb.y + tb.height / 2, { steps: 12 });
  await page.mouse.up();
  await expect(page.locator('.react-flow__edge-connection')).toHaveCount(1);
  await from.click();
  await panel(page).getByRole('button', { name: /→ Chat with an agent/ }).click();
  await panel(page).getByLabel('Arrow label').fill('moves to chat');
  await expect(page.getByRole('button', { name: 'Arrow: moves to chat' })).toBeVisible();

  // A loop: the last stage leads back to Before (chosen on the stage, in the panel).
  await page.getByRole('button', { name: 'Stage 6: Review and offer' }).click();
  await panel(page).getByLabel('Loops back to').selectOption({ label: 'During' });
  await expect(page.getByText('back to During').first()).toBeVisible();
  await fitView(page);

  // Drag a card to another stage; one undo step brings it back, redo moves it again.
  await addCardTo(page, 'Before', 'Customer actions', 'Sees an advert');
  await page.keyboard.press('Escape');
  const advert = card(page, /Sees an advert/);
  const before = page.getByRole('button', { name: 'Stage 1: Before' });
  const after = page.getByRole('button', { name: 'Stage 3: After' });
  await dragBy(page, advert, (await centreX(after)) - (await centreX(before)), 0);
  await expect.poll(async () => Math.abs((await centreX(advert)) - (await centreX(after)))).toBeLessThan(30);

  await page.keyboard.press('Control+z');
  await expect.poll(async () => Math.abs((await centreX(advert)) - (await centreX(before)))).toBeLessThan(30);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(async () => Math.abs((await centreX(advert)) - (await centreX(after)))).toBeLessThan(30);
  // The toolbar buttons do the same.
  await toolbar(page).getByRole('button', { name: 'Undo' }).click();
  await expect.poll(async () => Math.abs((await centreX(advert)) - (await centreX(before)))).toBeLessThan(30);
  await toolbar(page).getByRole('button', { name: 'Redo' }).click();
  await expect.poll(async () => Math.abs((await centreX(advert)) - (await centreX(after)))).toBeLessThan(30);

  // Delete by keyboard and undo.
  await advert.click();
  await page.keyboard.press('Delete');
  await expect(advert).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(advert).toBeVisible();

  // Reload: everything is as it was left.
  await waitSaved(page);
  await page.reload();
  await expect(toolbar(page)).toBeVisible();
  await fitView(page);
  for (const [i, name] of STAGES.entries()) await expect(page.getByRole('button', { name: `Stage ${i + 1}: ${name}` })).toBeVisible();
  for (const [kind, title] of LANES) await expect(laneHeader(page, title, kind)).toBeVisible();
  await expect(card(page, /Call the hotline/)).toContainText('Phone');
  await expect(card(page, /Call the hotline/).getByRole('definition').first()).toHaveText('Contact center');
  await expect(card(page, /Chat with an agent/).locator('.jb-channel')).toHaveText('Live chat');
  await expect(card(page, /Long wait in the IVR/)).toContainText('at Call the hotline');
  await expect(card(page, /Long wait in the IVR/).locator('.jb-badge')).toHaveText('⚠ High');
  await card(page, /Long wait in the IVR/).click({ position: { x: 12, y: 6 } });
  await expect(panel(page).getByLabel('Severity')).toHaveValue('high');
  for (const [i, stage] of STAGES.entries()) {
    await expect(page.getByRole('slider', { name: `Emotion at ${stage}` })).toHaveAttribute('aria-valuenow', String(scores[i]));
  }
  await expect(page.getByRole('button', { name: 'Arrow: moves to chat' })).toBeVisible();
  await expect(page.getByText('back to During').first()).toBeVisible();
  const advert2 = card(page, /Sees an advert/);
  const after2 = page.getByRole('button', { name: 'Stage 3: After' });
  expect(Math.abs((await centreX(advert2)) - (await centreX(after2)))).toBeLessThan(30);
});

test('keyboard: arrows move between cards, Enter edits, Escape cancels, copy and paste, search jumps', async ({ page }) => {
  // The system clipboard carries copied cards to another map (even after a page load).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await openNewMap(page, { template: 'Classic five stages' });
  // The whole map in view: the duplicate and the pasted cards are drawn wherever they land.
  await fitView(page);
  const first = page.locator('.jb-card').first();
  await first.click();
  await expect(first).toBeFocused();
  const name = await first.getAttribute('aria-label');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('.jb-card:focus')).toHaveCount(1);
  expect(await page.locator('.jb-card:focus').getAttribute('aria-label')).not.toBe(name);

  // Enter edits in place; Escape leaves the text as it was.
  const focused = page.locator('.jb-card:focus');
  const original = await focused.locator('.jb-card__text').innerText();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'Card text' });
  await expect(field).toBeFocused();
  await page.keyboard.type(' changed');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(page.locator('.jb-card.is-selected .jb-card__text')).toHaveText(original);

  // Duplicate with Ctrl+D, copy and paste with Ctrl+C / Ctrl+V.
  const count = await page.locator('.jb-card').count();
  await page.keyboard.press('Control+d');
  await expect(page.locator('.jb-card')).toHaveCount(count + 1);
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.jb-card')).toHaveCount(count + 2);

  // Paste into another map (opened with a fresh page load): the copied card arrives in its first cell.
  const copiedText = await page.locator('.jb-card.is-selected .jb-card__text').first().innerText();
  const firstMap = page.url();
  await waitSaved(page);
  await openNewMap(page, { template: 'Blank map' });
  await expect(page.locator('.jb-card')).toHaveCount(0);
  await page.locator('.jb-canvas').focus();
  await page.keyboard.press('Control+v');
  await expect(page.locator('.jb-card')).toHaveCount(1);
  await expect(page.locator('.jb-card .jb-card__text')).toHaveText(copiedText);
  await page.goto(firstMap);
  await fitView(page);
  await expect(page.locator('.jb-card')).toHaveCount(count + 2);

  // Search finds text and jumps to each match.
  const search = page.getByRole('searchbox', { name: 'Find in map' });
  await search.fill(original.slice(0, Math.min(8, original.length)));
  await search.press('Enter');
  await expect(page.getByText(/^1 of \d+$/)).toBeVisible();
  await expect(page.locator('.jb-card.is-selected')).toHaveCount(1);
});

/**
 * The bundled face of `family` has loaded and draws `sample`, and a card text in that
 * script is as wide on screen as that face makes it (glyph widths of our fonts,
 * textMetrics.ts): missing glyphs would be boxes of another width, a fallback font
 * another width again.
 */
async function expectScriptRendered(page: Page, family: string, sample: string, cardText: string) {
  await page.evaluate(() => document.fonts.ready);
  const fonts = await page.evaluate(
    ({ family, sample }) => ({
      check: document.fonts.check(`16px "${family}"`, sample),
      loaded: [...document.fonts].some((f) => f.family.replace(/"/g, '') === family && f.status === 'loaded'),
    }),
    { family, sample },
  );
  expect(fonts).toEqual({ check: true, loaded: true });
  const text = page.locator('.jb-card__text', { hasText: cardText }).first();
  await expect(text).toBeVisible();
  const drawn = await text.evaluate((el: HTMLElement) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const width = [...range.getClientRects()].reduce((w, r) => w + r.width, 0);
    // The canvas is zoomed: back to CSS pixels.
    return width / (el.getBoundingClientRect().width / el.offsetWidth);
  });
  // Within 2.5 %: a system font drawing the script instead measures about 5 % off here.
  const expected = textWidth(cardText, 14);
  expect(drawn).toBeGreaterThan(expected * 0.975);
  expect(drawn).toBeLessThan(expected * 1.025);
}

test('a Thai map and a Persian (right-to-left) map render in their scripts, in the fonts we ship', async ({ page }, info) => {
  await openNewMap(page, { sample: 'sample-th' });
  const thaiStage = page.getByRole('button', { name: /^Stage 1: / });
  await expect(thaiStage).toBeVisible();
  expect(await thaiStage.innerText()).toMatch(/[\u0E00-\u0E7F]/);
  await expectScriptRendered(page, 'Noto Sans Thai', 'ลูกค้า', 'เปรียบเทียบกับคู่แข่งก่อนตัดสินใจซื้อ');
  await info.attach('editor-thai.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  await openNewMap(page, { sample: 'sample-fa' });
  const s1 = page.getByRole('button', { name: /^Stage 1: / });
  const s2 = page.getByRole('button', { name: /^Stage 2: / });
  await expect(s1).toBeVisible();
  expect(await s1.innerText()).toMatch(/[\u0600-\u06FF]/);
  // Right to left: stage 1 is to the right of stage 2, and the lane headers sit on the right.
  expect(await centreX(s1)).toBeGreaterThan(await centreX(s2));
  const lane = page.getByRole('button', { name: /^Lane 1: / });
  expect(await centreX(lane)).toBeGreaterThan(await centreX(s1));
  // Every card's text follows its own script's direction.
  const texts = page.locator('.jb-card__text');
  expect(await texts.count()).toBeGreaterThan(3);
  await expect(texts.first()).toHaveAttribute('dir', 'auto');
  await expectScriptRendered(page, 'Vazirmatn', 'مشتری', 'تعامل با یک کارشناس');
  await info.attach('editor-persian.png', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });
});

test('drag stage and lane headers to reorder them; shift-click selects several cards', async ({ page }) => {
  await openNewMap(page, { template: 'Blank map' });
  const before = page.getByRole('button', { name: 'Stage 1: Before' });
  const afterX = await centreX(page.getByRole('button', { name: 'Stage 3: After' }));
  await dragBy(page, before, afterX - (await centreX(before)), 0);
  await expect(page.getByRole('button', { name: 'Stage 3: Before' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stage 1: During' })).toBeVisible();

  const lane = page.getByRole('button', { name: /^Lane 1: Customer actions/ });
  const lane3 = (await page.getByRole('button', { name: /^Lane 3: / }).boundingBox())!;
  const lb = (await lane.boundingBox())!;
  await dragBy(page, lane, 0, lane3.y - lb.y + 10);
  await expect(page.getByRole('button', { name: /^Lane 3: Customer actions/ })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: /^Lane 1: Customer actions/ })).toBeVisible();

  await addCardTo(page, 'During', 'Customer actions', 'one');
  await addCardTo(page, 'After', 'Customer actions', 'two');
  await card(page, /one/).click();
  await card(page, /two/).click({ modifiers: ['Shift'] });
  await expect(page.locator('.jb-card.is-selected')).toHaveCount(2);
  await expect(panel(page).getByText('2 selected')).toBeVisible();
  await page.keyboard.press('Delete');
  await expect(page.locator('.jb-card')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(page.locator('.jb-card')).toHaveCount(2);
});

/** Waits two rendered frames: long enough for any focus change queued for the next frame. */
async function nextFrames(page: Page) {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

test('double-click a card to edit it in place: Enter keeps the text, Escape cancels', async ({ page }) => {
  await openNewMap(page, { template: 'Classic five stages' });
  const post = card(page, /Sees a post shared by a friend/);
  const field = page.getByRole('textbox', { name: 'Card text' });

  await post.dblclick();
  await expect(field).toBeFocused();
  await nextFrames(page);
  await expect(field).toBeFocused();
  await page.keyboard.type('Sees a video shared by a friend');
  await page.keyboard.press('Enter');
  await expect(field).toHaveCount(0);
  const video = card(page, /Sees a video shared by a friend/);
  await expect(video.locator('.jb-card__text')).toHaveText('Sees a video shared by a friend');

  // Escape leaves the text as it was.
  await video.dblclick();
  await expect(field).toBeFocused();
  await nextFrames(page);
  await page.keyboard.type('something else');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(video.locator('.jb-card__text')).toHaveText('Sees a video shared by a friend');
  await expect(video).toBeFocused();

  // An empty card invites a double-click, and one works.
  await addCardTo(page, 'Purchase', 'Customer goals');
  await expect(field).toBeFocused();
  await page.keyboard.press('Escape');
  // The new card is the selected one (its name says so).
  const empty = page.getByRole('group', { name: /^Text, empty(, selected)?$/ });
  await expect(empty).toHaveText(/Double-click to write/);
  await empty.dblclick();
  await nextFrames(page);
  await expect(field).toBeFocused();
  await page.keyboard.type('Pay without an account');
  await page.keyboard.press('Enter');
  await expect(card(page, /Pay without an account/).locator('.jb-card__text')).toHaveText('Pay without an account');
  await expect(empty).toHaveCount(0);
});

/** The stage and lane a card sits in, read from where it is drawn: the header column and row around its centre. */
async function cellOf(target: Locator): Promise<{ stage: string; lane: string }> {
  return target.evaluate((el) => {
    const b = el.getBoundingClientRect();
    const [x, y] = [b.x + b.width / 2, b.y + b.height / 2];
    // The header boxes (a stage's column, a lane's row), drawn as React Flow nodes.
    const name = (selector: string, inside: (r: DOMRect) => boolean) => {
      const header = [...document.querySelectorAll(selector)].find((h) => inside(h.getBoundingClientRect()));
      return header?.querySelector('button')?.getAttribute('aria-label') ?? '?';
    };
    return {
      stage: name('.jb-stage', (r) => x >= r.left && x < r.right).replace(/^Stage \d+: /, ''),
      lane: name('.jb-lane', (r) => y >= r.top && y < r.bottom).replace(/^Lane \d+: (.*) \(.*\)$/, '$1'),
    };
  });
}

test('a selection across lanes moves together, one stage on, as the drag shows it; one undo step', async ({ page }) => {
  await openNewMap(page, { template: 'Classic five stages' });
  const goal = card(page, /Solve a problem I just noticed/);
  const action = card(page, /Sees a post shared by a friend/);
  const ad = card(page, /Social ad/);
  await goal.click();
  await action.click({ modifiers: ['Shift'] });
  await ad.click({ modifiers: ['Shift'] });
  await expect(page.locator('.jb-card.is-selected')).toHaveCount(3);

  const s1 = page.getByRole('button', { name: 'Stage 1: Awareness' });
  const s2 = page.getByRole('button', { name: 'Stage 2: Consideration' });
  await dragBy(page, ad, (await centreX(s2)) - (await centreX(s1)), 0);

  await expect.poll(() => cellOf(ad)).toEqual({ stage: 'Consideration', lane: 'Touchpoints' });
  expect(await cellOf(goal)).toEqual({ stage: 'Consideration', lane: 'Customer goals' });
  expect(await cellOf(action)).toEqual({ stage: 'Consideration', lane: 'Customer actions' });
  await expect(page.getByRole('status').filter({ hasText: /stayed/ })).toHaveCount(0);

  await page.keyboard.press('Control+z');
  await expect.poll(() => cellOf(ad)).toEqual({ stage: 'Awareness', lane: 'Touchpoints' });
  expect(await cellOf(goal)).toEqual({ stage: 'Awareness', lane: 'Customer goals' });
  expect(await cellOf(action)).toEqual({ stage: 'Awareness', lane: 'Customer actions' });

  // A touchpoint dropped on a lane of another kind stays in its lane, and the editor says why.
  await page.keyboard.press('Escape');
  await ad.click();
  const thoughts = page.locator('.jb-lane').filter({ has: page.getByRole('button', { name: /^Lane \d+: Thoughts and feelings/ }) });
  const tb = (await thoughts.boundingBox())!;
  const ab = (await ad.boundingBox())!;
  await dragBy(page, ad, (await centreX(s2)) - (await centreX(s1)), tb.y + tb.height / 2 - (ab.y + 12));
  await expect(page.getByRole('status').filter({ hasText: 'A card stayed in its own lane: a lane takes only cards of its kind.' })).toBeVisible();
  await expect.poll(() => cellOf(ad)).toEqual({ stage: 'Consideration', lane: 'Touchpoints' });
  await page.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(page.getByRole('status').filter({ hasText: /stayed/ })).toHaveCount(0);
});

test('Ctrl+Z in a side-panel field undoes the typing session with the editor history, not letter by letter', async ({ page }) => {
  await openNewMap(page, { template: 'Classic five stages' });
  const post = card(page, /Sees a post shared by a friend/);
  await post.click();
  const text = panel(page).getByLabel('Text');
  await expect(text).toHaveValue('Sees a post shared by a friend');
  await text.click();
  await page.keyboard.press('End');
  await page.keyboard.type(' at work');
  await expect(card(page, /Sees a post shared by a friend at work/)).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(text).toHaveValue('Sees a post shared by a friend');
  await expect(text).toBeFocused();
  await expect(post.locator('.jb-card__text')).toHaveText('Sees a post shared by a friend');
  // The whole session was one step: nothing is left to undo, and redo brings it back.
  await expect(toolbar(page).getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(text).toHaveValue('Sees a post shared by a friend at work');
  await expect(post.locator('.jb-card__text')).toHaveText('Sees a post shared by a friend at work');
});

test('arrow keys keep the focus on the next card when it starts off screen (zoomed in)', async ({ page }) => {
  await openNewMap(page, { template: 'Classic five stages' });
  const zoomIn = page.getByRole('button', { name: /zoom in/i });
  for (let i = 0; i < 6; i++) await zoomIn.click();
  // Zoomed in on the middle of the map, the first card is off screen, and so is each next
  // one: a stage is wider than half the canvas, and only the cards on screen are rendered.
  await expect(card(page, /Solve a problem I just noticed/)).toHaveCount(0);
  await page.locator('.jb-canvas').focus();
  // Along the first lane with cards in every stage it reaches: goals, then the actions of the last stage.
  for (const text of ['Solve a problem I just noticed', 'Pick the option with the best value', 'Get value from the product quickly', 'Writes a review']) {
    await page.keyboard.press('ArrowRight');
    const next = card(page, new RegExp(text));
    await expect(next).toBeFocused();
    await expect(next).toHaveClass(/is-selected/);
  }
  await expect(page.locator('.jb-card:focus')).toHaveCount(1);
});

test('the undo history survives presenting the map and coming back, not a reload', async ({ page }) => {
  await openNewMap(page, { template: 'Classic five stages' });
  const post = card(page, /Sees a post shared by a friend/);
  await post.dblclick();
  await page.keyboard.type('Hears about it at work');
  await page.keyboard.press('Enter');
  await expect(card(page, /Hears about it at work/)).toBeVisible();

  await page.getByRole('navigation', { name: 'Map actions' }).getByRole('link', { name: 'Present' }).click();
  await expect(page).toHaveURL(/\/present$/);
  await expect(page.getByRole('button', { name: 'Show speaker notes' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toBeVisible();
  const undo = toolbar(page).getByRole('button', { name: 'Undo' });
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(card(page, /Sees a post shared by a friend/)).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(card(page, /Hears about it at work/)).toBeVisible();

  await waitSaved(page);
  await page.reload();
  await expect(toolbar(page)).toBeVisible();
  await expect(card(page, /Hears about it at work/)).toBeVisible();
  await expect(toolbar(page).getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a screen reader hears a KPI card with its figures, and which card is selected', async ({ page }) => {
  await openNewMap(page, { template: 'Contact-center life cycle' });
  await fitView(page);
  // "CSAT 4.3 /5 / target 4.5 /5 ✗ Below target": the metric and the value against its target, not "KPIs, empty".
  const kpi = card(page, /^KPIs, CSAT 4\.3 \/5 \/ target 4\.5 \/5 ✗ Below target/);
  await expect(kpi).toHaveCount(1);
  await expect(page.getByRole('application', { name: /^Map canvas/ })).toBeVisible();
  const sales = card(page, /^KPIs, Conversion rate 12 % \/ target 15 % ✗ Below target, Calls closed as sales$/);
  await sales.click();
  await expect(card(page, /Calls closed as sales, selected$/)).toBeFocused();
  await expect(kpi).not.toHaveAccessibleName(/selected$/);
});
