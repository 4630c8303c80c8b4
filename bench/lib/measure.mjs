/* global window, document -- the functions passed to page.evaluate run in the browser */
/**
 * The gestures the benchmark times, driven through Playwright's real input (CDP) and timed
 * in the page by bench/lib/probe.js. Every function returns plain numbers in milliseconds
 * (page clock: 0 = navigation start; durations from the browser's own event time stamps).
 */
import { statSync } from 'node:fs';

const CARD = '.react-flow__node-card';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * The app lets one tab at a time edit a map (a Web Lock per map); another tab opens it
 * read-only. A closed page releases its lock a moment later: before opening the map again,
 * wait on a helper page of the same origin until no lock is held.
 */
export async function waitLocksFree(helper, timeout = 15_000) {
  await helper.waitForFunction(async () => (await navigator.locks.query()).held.length === 0, null, { timeout, polling: 50 });
}

/** Waits until the open map is editable (not read-only): the toolbar's "Add stage" is enabled. */
export async function waitEditable(page, timeout = 30_000) {
  const button = page.getByRole('toolbar', { name: 'Map editor' }).getByRole('button', { name: 'Add stage' });
  await button.waitFor({ timeout });
  const handle = await button.elementHandle();
  await page.waitForFunction((b) => !b.disabled, handle, { timeout });
}

/** A page that records the JS files it loads. */
export async function openPage(ctx) {
  const page = await ctx.newPage();
  const scripts = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  return { page, scripts };
}

/**
 * Navigation start to:
 * - firstPaint: the first frame with React Flow nodes in it;
 * - canvasPainted: the frame after which nodes, edges and the viewport no longer change;
 * - fontsPainted: the frame after the last web font finished loading (the browser lays the text out
 *   again with it); null when the page loads no web font;
 * - painted = max(canvasPainted, fontsPainted): visually complete;
 * - interactive: the paint of the selection made by a real click on a card, the click being sent
 *   as soon as a card is hit-testable at the fitted zoom (so it includes the harness's latency,
 *   a few ms, the same for the app and the bare page).
 * open = max(painted, interactive).
 */
export async function measureOpen(page, url, { nodeSelector = CARD, quietMs = 1500, timeoutMs = 180_000 } = {}) {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (sel) => {
      const B = window.__bench;
      const t = B?.transform();
      if (!t || t[2] >= 1) return null; // not yet fitted (bench maps always fit at zoom < 1)
      const flow = document.querySelector('.react-flow');
      if (!flow) return null;
      const fb = flow.getBoundingClientRect();
      const cx = fb.left + fb.width / 2;
      const cy = fb.top + fb.height / 2;
      const cands = [];
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width < 4 || r.height < 4) continue;
        const x = r.left + r.width / 2;
        const y = r.top + Math.min(r.height / 2, 8);
        cands.push({ x, y, id: el.getAttribute('data-id'), d: Math.hypot(x - cx, y - cy), el });
      }
      cands.sort((a, b) => a.d - b.d);
      for (const c of cands.slice(0, 3)) {
        const hit = document.elementFromPoint(c.x, c.y);
        if (hit && c.el.contains(hit)) return { x: c.x, y: c.y, id: c.id };
      }
      return null;
    },
    nodeSelector,
    { polling: 'raf', timeout: timeoutMs },
  );
  const target = await handle.jsonValue();
  await page.evaluate(
    ({ id }) =>
      window.__bench.watch(
        'select',
        '.react-flow',
        `() => document.querySelector('.react-flow__node[data-id=${JSON.stringify(id)}]')?.classList.contains('selected')`,
      ),
    target,
  );
  await page.mouse.click(target.x, target.y);
  const sel = await page.evaluate(() => window.__bench.settled('select', 300, 60_000));
  const click = await page.evaluate(() => window.__bench.lastInput('pointerdown'));
  const open = await page.evaluate(
    ({ quiet, timeout }) =>
      new Promise((resolve) => {
        const B = window.__bench;
        const start = performance.now();
        const poll = () => {
          const last = B.openChanges[B.openChanges.length - 1];
          const now = performance.now();
          const canvasQuiet = last && last.paintedAt !== null && now - last.frame >= quiet;
          // Fonts: none loading, and the paint after the last one that loaded has happened.
          const fontsQuiet = document.fonts.status === 'loaded' && (B.fonts.lastLoadedAt === null || (B.fonts.lastPainted !== null && now - B.fonts.lastLoadedAt >= quiet));
          if ((canvasQuiet && fontsQuiet) || now - start > timeout) {
            B.openWatch = false;
            const withNodes = B.openChanges.filter((c) => Number(c.sig.split('|')[0]) > 0);
            resolve({
              firstPaint: withNodes[0]?.paintedAt ?? null,
              canvasPainted: last?.paintedAt ?? null,
              fontsPainted: B.fonts.lastPainted,
              fontLoads: B.fonts.loads,
              changes: B.openChanges.length,
              final: last?.sig ?? '',
              timedOut: now - start > timeout,
            });
          } else setTimeout(poll, 50);
        };
        poll();
      }),
    { quiet: quietMs, timeout: timeoutMs },
  );
  open.painted = open.canvasPainted === null ? null : Math.max(open.canvasPainted, open.fontsPainted ?? 0);
  const [nodes, edges] = open.final.split('|').map(Number);
  const interactive = sel.metPainted;
  return {
    firstPaint: open.firstPaint,
    canvasPainted: open.canvasPainted,
    fontsPainted: open.fontsPainted,
    fontLoads: open.fontLoads,
    painted: open.painted,
    interactive,
    open: interactive === null || open.painted === null ? null : Math.max(open.painted, interactive),
    clickSentAt: click?.stamp ?? null,
    clickToSelected: interactive !== null && click ? interactive - click.stamp : null,
    nodesInDom: nodes,
    edgesInDom: edges,
    clickedId: target.id,
  };
}

/** JS heap in use after a full garbage collection (CDP), in bytes. */
export async function heapAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
    return { used: usedSize, total: totalSize };
  } finally {
    await cdp.detach();
  }
}

/**
 * The scripted pan and zoom, the same for every page, about 3 s at 60 input events a second:
 *   0.0-1.0 s  drag the pane around a circle (r = 120 px) at the fitted zoom (60 moves)
 *   1.0-1.5 s  12 wheel steps in at the canvas centre (x5.3)
 *   1.5-2.5 s  drag the pane 400 px left and back at that zoom (60 moves; nodes enter and leave)
 *   2.5-3.0 s  12 wheel steps out, back to the fitted zoom
 * Inputs are sent on a fixed schedule; when the page falls behind they are sent as fast as it
 * takes them (the script then lasts longer, and that shows in the frame times).
 * Returns the requestAnimationFrame deltas over the whole script.
 */
/**
 * Shows the whole map, as bare React Flow opens (fitView). The app opens readable at its first
 * stage, where far fewer cards are drawn; the pan, edit and drag figures are taken over the whole
 * map on both sides so that they compare like with like.
 */
export async function fitWholeMap(page) {
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node-card').length > 0);
  await sleep(500);
}

export async function panZoom(page) {
  const box = await page.locator('.react-flow').boundingBox();
  const p = await page.evaluate(() => window.__bench.panPoint());
  if (!box || !p) throw new Error('no place to pan from on the canvas');
  const c = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const before = await page.evaluate(() => window.__bench.transform());
  await page.mouse.move(p.x, p.y);
  await page.evaluate(() => {
    window.__bench.startFrames();
    window.__bench.markFrames('pan');
  });
  const mark = (name) => page.evaluate((n) => window.__bench.markFrames(n), name);
  const t0 = Date.now();
  const at = async (ms) => {
    const wait = t0 + ms - Date.now();
    if (wait > 0) await sleep(wait);
  };
  let late = 0;
  const step = async (ms, fn) => {
    if (Date.now() - t0 > ms + 16) late += 1;
    await at(ms);
    await fn();
  };
  await page.mouse.down();
  let panned = null;
  for (let i = 1; i <= 60; i++) {
    const a = (2 * Math.PI * i) / 60;
    await step(i * (1000 / 60), () => page.mouse.move(p.x + 120 * Math.sin(a), p.y - 120 + 120 * Math.cos(a)));
    if (i === 30) panned = await page.evaluate(() => window.__bench.transform());
  }
  await page.mouse.up();
  await mark('zoomIn');
  await page.mouse.move(c.x, c.y);
  for (let i = 0; i < 12; i++) await step(1000 + i * (500 / 12), () => page.mouse.wheel(0, -100));
  await sleep(20);
  const zoomed = await page.evaluate(() => window.__bench.transform());
  const q = await page.evaluate(() => window.__bench.panPoint());
  if (!q) throw new Error('no place to pan from at the zoomed-in view');
  await mark('panZoomedIn');
  await page.mouse.move(q.x, q.y);
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) {
    const dx = i <= 30 ? -400 * (i / 30) : -400 * ((60 - i) / 30);
    await step(1500 + i * (1000 / 60), () => page.mouse.move(q.x + dx, q.y));
  }
  await page.mouse.up();
  await mark('zoomOut');
  await page.mouse.move(c.x, c.y);
  for (let i = 0; i < 12; i++) await step(2500 + i * (500 / 12), () => page.mouse.wheel(0, 100));
  await at(3000);
  await sleep(100);
  const { deltas, marks } = await page.evaluate(() => {
    const marks = window.__bench.frameMarks;
    return { deltas: window.__bench.stopFrames(), marks };
  });
  // Deltas by phase: delta i is between frames i and i+1.
  const phases = {};
  marks.forEach(([name, from], i) => {
    const to = i + 1 < marks.length ? marks[i + 1][1] : deltas.length + 1;
    phases[name] = deltas.slice(Math.max(0, from - 1), Math.max(0, to - 1));
  });
  const after = await page.evaluate(() => window.__bench.transform());
  return {
    deltas,
    phases,
    durationMs: Date.now() - t0,
    lateInputs: late,
    zoom: { fitted: before?.[2] ?? null, zoomedIn: zoomed?.[2] ?? null, end: after?.[2] ?? null },
    // The script did move the view (a check that the pan point really panned).
    transforms: { before, panned, zoomed, after },
    moved: Boolean(before && panned && zoomed && (before[0] !== panned[0] || before[1] !== panned[1]) && zoomed[2] > before[2]),
  };
}

/** Centre of a node on screen (its top part), if it is hit-testable there. */
async function nodePoint(page, id, dy = 6) {
  return page.evaluate(
    ({ id, dy }) => {
      const el = document.querySelector(`.react-flow__node[data-id=${JSON.stringify(id)}]`);
      if (!el) return null;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(dy, r.height / 2);
      const hit = document.elementFromPoint(x, y);
      return hit && el.contains(hit) ? { x, y } : null;
    },
    { id, dy },
  );
}

/** Ids of hit-testable card nodes, nearest the canvas centre first. */
async function visibleCards(page, ids) {
  return page.evaluate((ids) => {
    const flow = document.querySelector('.react-flow');
    const fb = flow.getBoundingClientRect();
    const cx = fb.left + fb.width / 2;
    const cy = fb.top + fb.height / 2;
    const out = [];
    for (const id of ids) {
      const el = document.querySelector(`.react-flow__node[data-id=${JSON.stringify(id)}]`);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + Math.min(6, r.height / 2);
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit)) out.push({ id, x, y, d: Math.hypot(x - cx, y - cy) });
    }
    return out.sort((a, b) => a.d - b.d);
  }, ids);
}

const nodeTransform = (page, id) =>
  page.evaluate((id) => document.querySelector(`.react-flow__node[data-id=${JSON.stringify(id)}]`)?.style.transform ?? null, id);

/**
 * A typo-sized edit: the card's text with the tail of one paragraph replaced by `tag`, so the
 * text keeps its length and lines (and the card its estimated height: nothing else moves).
 */
export function retype(original, tag) {
  const paras = original.split('\n');
  const t = [...tag];
  for (let i = paras.length - 1; i >= 0; i--) {
    const cps = [...paras[i]];
    if (cps.length > t.length) {
      paras[i] = cps.slice(0, cps.length - t.length).join('') + tag;
      return { text: paras.join('\n'), sameLength: true };
    }
  }
  return { text: tag, sameLength: [...original].length === t.length };
}

/**
 * Edit one card in place (select it, Enter, retype the end of its text, Enter) and time, from the committing Enter:
 * the paint of the new text on the canvas, and the commit of the IndexedDB transaction that
 * stores it (seen by wrapping IDBObjectStore.put; confirmed by reading the record back).
 */
export async function measureEdit(page, { mapId, cardId, tag }) {
  await waitEditable(page);
  const pt = await nodePoint(page, cardId);
  if (!pt) throw new Error(`card ${cardId} is not on screen`);
  await page.mouse.click(pt.x, pt.y);
  // The editor selects on click and moves the focus to the card in the next frame: wait for both.
  await page.waitForFunction(
    (id) => {
      const el = document.querySelector(`.react-flow__node[data-id=${JSON.stringify(id)}]`);
      return Boolean(el?.classList.contains('selected') && el.contains(document.activeElement));
    },
    cardId,
    { timeout: 30_000 },
  );
  await page.keyboard.press('Enter');
  const box = page.getByRole('textbox', { name: 'Card text' });
  await box.waitFor({ timeout: 30_000 });
  const { text, sameLength } = retype(await box.inputValue(), tag);
  await box.fill(text);
  await page.evaluate(
    ({ cardId, text, mapId }) => {
      window.__bench.watch(
        'edit',
        '.react-flow',
        `() => (document.querySelector('.react-flow__node[data-id=${JSON.stringify(cardId)}]')?.textContent ?? '').includes(${JSON.stringify(text)})`,
      );
      window.__bench.watchIdb(mapId, text);
    },
    { cardId, text, mapId },
  );
  await page.keyboard.press('Enter');
  const w = await page.evaluate(() => window.__bench.settled('edit', 200, 30_000));
  const key = await page.evaluate(() => window.__bench.lastInput('keydown', 'Enter'));
  await page.waitForFunction(() => window.__bench.idb?.committedAt !== null, null, { timeout: 30_000 });
  const idb = await page.evaluate(() => window.__bench.idb);
  const stored = await page.evaluate(({ mapId }) => window.__bench.readMap('journeyboard', mapId), { mapId });
  const storedText = stored?.cards?.find((c) => c.id === cardId)?.text;
  if (storedText !== text) throw new Error('the edited text is not in IndexedDB');
  return {
    painted: w.metPainted !== null ? w.metPainted - key.stamp : null,
    durable: idb.committedAt - key.stamp,
    putAfter: idb.putAt - key.stamp,
    puts: idb.puts,
    sameLength,
  };
}

/**
 * Select all (Ctrl+A), drag the selection by one stage (a touchpoint card onto the touchpoint
 * cell of the next stage), and undo (Ctrl+Z). Times each from its input to the paint after the
 * canvas stopped changing; records the frame deltas during the drag.
 */
export async function measureSelectMoveUndo(page, { touchpoints }) {
  const out = {};
  // Ctrl+A: every rendered card shows selected.
  await page.evaluate(() =>
    window.__bench.watch(
      'selectAll',
      '.react-flow',
      `() => { const all = document.querySelectorAll('.react-flow__node-card'); return all.length > 0 && [...all].every((n) => n.classList.contains('selected')); }`,
    ),
  );
  await page.keyboard.press('Control+a');
  const sa = await page.evaluate(() => window.__bench.settled('selectAll', 300, 60_000));
  const keyA = await page.evaluate(() => window.__bench.lastInput('keydown', 'a'));
  out.selectAll = sa.metPainted !== null ? sa.metPainted - keyA.stamp : null;
  out.selected = await page.evaluate(() => document.querySelectorAll('.react-flow__node-card.selected').length);

  // A touchpoint on screen, and one of the next stage, both hit-testable.
  const byStage = new Map(touchpoints.map((t) => [t.id, t.stage]));
  const visible = await visibleCards(page, touchpoints.map((t) => t.id));
  let pair = null;
  for (const a of visible) {
    const b = visible.find((v) => byStage.get(v.id) === byStage.get(a.id) + 1 && Math.abs(v.y - a.y) < 400);
    if (b) {
      pair = { from: a, to: b };
      break;
    }
  }
  if (!pair) throw new Error('no pair of touchpoints in neighbouring stages on screen');
  const before = await nodeTransform(page, pair.from.id);

  await page.mouse.move(pair.from.x, pair.from.y);
  await page.evaluate(() => window.__bench.startFrames());
  const t0 = Date.now();
  await page.mouse.down();
  const steps = 30;
  for (let i = 1; i <= steps; i++) {
    const f = i / steps;
    await page.mouse.move(pair.from.x + (pair.to.x - pair.from.x) * f, pair.from.y + (pair.to.y - pair.from.y) * f);
  }
  out.dragMs = Date.now() - t0;
  await sleep(50);
  out.dragDeltas = await page.evaluate(() => window.__bench.stopFrames());
  await page.evaluate(() => window.__bench.watch('drop', '.react-flow'));
  await page.mouse.up();
  const drop = await page.evaluate(() => window.__bench.settled('drop', 500, 120_000));
  const up = await page.evaluate(() => window.__bench.lastInput('pointerup'));
  out.drop = drop.lastPainted !== null ? drop.lastPainted - up.stamp : null;
  const afterDrop = await nodeTransform(page, pair.from.id);
  out.moved = afterDrop !== before;

  await page.evaluate(() => window.__bench.watch('undo', '.react-flow'));
  await page.keyboard.press('Control+z');
  const undo = await page.evaluate(() => window.__bench.settled('undo', 500, 120_000));
  const keyZ = await page.evaluate(() => window.__bench.lastInput('keydown', 'z'));
  out.undo = undo.lastPainted !== null ? undo.lastPainted - keyZ.stamp : null;
  out.undone = (await nodeTransform(page, pair.from.id)) === before;
  return out;
}

/** The print view (the PDF path): navigation to `[data-ready="true"]` painted; then Download PNG to the download. */
export async function measurePrint(page, url, { timeoutMs = 300_000 } = {}) {
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-ready="true"]').first().waitFor({ state: 'visible', timeout: timeoutMs });
  const ready = await page.evaluate(() => window.__bench.readyPainted ?? null);
  const button = page.getByRole('button', { name: 'Download PNG' });
  await button.waitFor({ timeout: timeoutMs });
  const t0 = Date.now();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: timeoutMs }), button.click()]);
  const file = await download.path();
  const pngMs = Date.now() - t0;
  return { printReady: ready, png: pngMs, pngBytes: file ? statSync(file).size : null };
}
