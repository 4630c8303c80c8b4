#!/usr/bin/env node
/* global document -- the functions passed to page.evaluate run in the browser */
/**
 * Where the time goes: profiles one gesture of the benchmark on the app (an unminified
 * production build, so functions keep their names; source maps give file:line) and prints the
 * main thread's time by kind of work (script, style, layout, paint, GC) and the JS functions
 * with the most self time. A diagnostic for the numbers `npm run bench` prints, not a benchmark.
 *
 *   node bench/profile.mjs --cards 1000 --phase open     (open | click | pan | edit | selectall | drag | undo)
 *   node bench/profile.mjs --cards 1000 --phase pan --bare   the same on the bare React Flow page
 *   BY_NAME=1 node bench/profile.mjs ...                       also main-thread time by trace event (Layerize, Paint, HitTest, ...)
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sourceLookup } from './lib/bundle.mjs';
import { measureEdit, measureOpen, openPage, panZoom, waitLocksFree } from './lib/measure.mjs';
import { serve } from './lib/server.mjs';
import { buildApp, buildBare, cache, chromiumPath, CHROMIUM_ARGS, importMap, loadFixtures, log, newContext } from './lib/setup.mjs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const cards = Number(option('--cards', 1000));
const phase = option('--phase', 'open');
const bare = argv.includes('--bare');
const top = Number(option('--top', 25));
const port = Number(option('--port', 4401));

const appDir = join(cache, 'app-profile');
const bareDir = join(cache, 'bare-profile');
const dataDir = join(cache, 'data');
if (!argv.includes('--no-build') || !existsSync(join(appDir, 'index.html'))) {
  log('building unminified app and bare page ...');
  buildApp(appDir, ['--minify', 'false']);
  buildBare(bareDir, ['--minify', 'false']);
}
const fx = (await loadFixtures([cards], dataDir)).get(cards);
const server = await serve({ app: appDir, bare: bareDir, data: dataDir }, port);
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
const appUrl = `${server.url}/app/`;
const mapUrl = `${appUrl}#/maps/${encodeURIComponent(fx.mapId)}`;
const target = bare ? `${server.url}/bare/?cards=${cards}&w=1280&h=655` : mapUrl;
const nodeSelector = bare ? '.react-flow__node' : '.react-flow__node-card';

const ctx = await newContext(browser);
try {
  if (!bare) await importMap(ctx, appUrl, fx);
  const warm = await openPage(ctx);
  await measureOpen(warm.page, target, { nodeSelector, quietMs: 300 });
  await warm.page.close();
  if (!bare) {
    // The closed page's edit lock must be gone, or the map opens read-only.
    const helper = await ctx.newPage();
    await helper.goto(`${appUrl}lock-helper`);
    await waitLocksFree(helper);
    await helper.close();
  }

  const { page } = await openPage(ctx);
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  const start = async () => {
    await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'] });
    await cdp.send('Profiler.start');
  };
  const stop = async () => {
    const { profile } = await cdp.send('Profiler.stop');
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
    return { profile, trace };
  };

  let out;
  if (phase === 'open') {
    await page.goto('about:blank');
    await start();
    const o = await measureOpen(page, target, { nodeSelector, quietMs: 800 });
    out = await stop();
    log('open', JSON.stringify(o));
  } else {
    const opened = await measureOpen(page, target, { nodeSelector, quietMs: 800 });
    if (phase === 'click') {
      const pt = await page.evaluate((sel) => {
        const el = [...document.querySelectorAll(sel)][Math.floor(document.querySelectorAll(sel).length / 2)];
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + Math.min(6, r.height / 2) };
      }, nodeSelector);
      await start();
      await page.mouse.click(pt.x, pt.y);
      await page.waitForTimeout(500);
      out = await stop();
    } else if (phase === 'pan') {
      await start();
      const pz = await panZoom(page);
      out = await stop();
      log('pan', JSON.stringify({ frames: pz.deltas.length, durationMs: pz.durationMs }));
    } else if (phase === 'edit') {
      const cardId = fx.touchpointIds[Math.floor(fx.touchpointIds.length / 2)];
      await start();
      const e = await measureEdit(page, { mapId: fx.mapId, cardId, tag: ` ✎${Date.now() % 100000}` });
      out = await stop();
      log('edit', JSON.stringify(e));
    } else if (['selectall', 'drag', 'undo'].includes(phase)) {
      // measureOpen clicked (selected and focused) a card near the centre.
      if (phase === 'selectall') await start();
      await page.keyboard.press('Control+a');
      await page.waitForTimeout(500);
      if (phase === 'selectall') out = await stop();
      else {
        const pts = await page.evaluate((id) => {
          const el = document.querySelector(`.react-flow__node[data-id="${id}"]`);
          const r = el.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + Math.min(5, r.height / 2) };
        }, opened.clickedId);
        if (phase === 'drag') await start();
        await page.mouse.move(pts.x, pts.y);
        await page.mouse.down();
        for (let i = 1; i <= 15; i++) await page.mouse.move(pts.x + i * 4, pts.y + i);
        await page.mouse.up();
        await page.waitForTimeout(500);
        if (phase === 'drag') out = await stop();
        else {
          await start();
          await page.keyboard.press('Control+z');
          await page.waitForTimeout(1000);
          out = await stop();
        }
      }
    } else throw new Error(`unknown phase ${phase}`);
  }

  // ---- Main-thread time by kind, from the trace (self time of complete events).
  const events = out.trace.traceEvents ?? out.trace;
  const mainTid = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'))?.tid;
  const main = events.filter((e) => e.tid === mainTid && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const KIND = [
    [/^(FunctionCall|EvaluateScript|v8\.callFunction|TimerFire|FireAnimationFrame|EventDispatch|RunMicrotasks|v8\.run|V8\.Execute|HandlePostMessage|FireIdleCallback|v8\.compile|v8\.parseOnBackground|CompileScript|CompileCode|v8\.compileModule|v8\.evaluateModule)$/, 'script'],
    [/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/, 'style'],
    [/^(Layout|UpdateLayout|IntersectionObserverController::computeIntersections|ResizeObserverController::deliverObservations)$/, 'layout'],
    [/^(Paint|PaintImage|PrePaint|Layerize|UpdateLayer|UpdateLayerTree|Commit|PaintSetup|CompositeLayers)$/, 'paint/commit'],
    [/GC|Scavenge|MarkCompact|V8\.GC/, 'gc'],
    [/^(HitTest)$/, 'hit test'],
    [/^(ParseHTML)$/, 'parse html'],
  ];
  const kindOf = (name) => KIND.find(([re]) => re.test(name))?.[1] ?? null;
  const self = new Map();
  const byName = new Map();
  const perTask = new Map();
  const stack = [];
  let task = null;
  const add = (k, v) => {
    self.set(k, (self.get(k) ?? 0) + v);
    if (task) {
      const m = perTask.get(task) ?? new Map();
      m.set(k, (m.get(k) ?? 0) + v);
      perTask.set(task, m);
    }
  };
  for (const e of main) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    if (stack.length === 0) task = e;
    const kind = kindOf(e.name);
    const parent = stack[stack.length - 1];
    // Attribute time to the innermost event of a known kind.
    if (kind) {
      add(kind, e.dur / 1000);
      if (parent?.kind) add(parent.kind, -e.dur / 1000);
      byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
      if (parent?.name) byName.set(parent.name, (byName.get(parent.name) ?? 0) - e.dur / 1000);
    }
    stack.push({ end: e.ts + e.dur, kind: kind ?? parent?.kind ?? null, name: kind ? e.name : parent?.name ?? null });
  }
  const tasks = main.filter((e) => e.name === 'RunTask');
  const busy = tasks.reduce((a, e) => a + e.dur / 1000, 0);
  const long = tasks.filter((e) => e.dur > 50_000).map((e) => Math.round(e.dur / 1000));
  console.log(`\n${bare ? 'bare React Flow' : 'app'} · ${cards} cards · phase ${phase}`);
  console.log(`main thread busy ${Math.round(busy)} ms in ${tasks.length} tasks; long tasks (ms): ${long.join(', ') || 'none'}`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1])) console.log(`  ${k.padEnd(14)} ${Math.round(v)} ms`);
  if (process.env.BY_NAME) for (const [k, v] of [...byName.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`    · ${k.padEnd(30)} ${Math.round(v)} ms`);

  // ---- JS self time by function (sampled), mapped to sources.
  const lookups = new Map();
  const where = (url, line, col) => {
    const m = /\/app\/(assets\/[^?#]+\.js)$|\/bare\/(assets\/[^?#]+\.js)$/.exec(url);
    if (!m) return url ? `${url.split('/').pop()}:${line + 1}` : '';
    const dir = m[1] ? appDir : bareDir;
    const file = m[1] ?? m[2];
    if (!lookups.has(file)) {
      const mapPath = join(dir, `${file}.map`);
      lookups.set(file, existsSync(mapPath) ? sourceLookup(JSON.parse(readFileSync(mapPath, 'utf8'))) : () => null);
    }
    return lookups.get(file)(line, col) ?? `${file}:${line + 1}`;
  };
  const { nodes, samples, timeDeltas } = out.profile;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (timeDeltas[i + 1] ?? 0)));
  const fnTotals = new Map();
  for (const [id, us] of selfUs) {
    const cf = byId.get(id).callFrame;
    if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
    const key = `${cf.functionName || '(anonymous)'}  ${where(cf.url, cf.lineNumber, cf.columnNumber)}`;
    fnTotals.set(key, (fnTotals.get(key) ?? 0) + us);
  }
  // Long tasks, each with the functions that took most of its time (samples inside the task).
  const sampleTimes = [];
  let tAcc = out.profile.startTime;
  samples.forEach((id, i) => {
    tAcc += timeDeltas[i] ?? 0;
    sampleTimes.push([tAcc, id, timeDeltas[i + 1] ?? 0]);
  });
  const t0 = main[0]?.ts ?? 0;
  console.log('\nLong tasks (> 50 ms): start (ms from the first traced event), length, top functions by self time:');
  for (const task of tasks.filter((e) => e.dur > 50_000)) {
    const inTask = new Map();
    for (const [t, id, us] of sampleTimes) {
      if (t < task.ts || t > task.ts + task.dur) continue;
      const cf = byId.get(id).callFrame;
      if (cf.functionName === '(idle)' || cf.functionName === '(program)') continue;
      const key = `${cf.functionName || '(anonymous)'} ${where(cf.url, cf.lineNumber, cf.columnNumber)}`;
      inTask.set(key, (inTask.get(key) ?? 0) + us);
    }
    const topFns = [...inTask.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, us]) => `${(us / 1000).toFixed(0)}ms ${k}`);
    const kinds = [...(perTask.get(task)?.entries() ?? [])].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${Math.round(v)}`);
    console.log(`  @${Math.round((task.ts - t0) / 1000)} ms  ${Math.round(task.dur / 1000)} ms  (${kinds.join(', ')})`);
    for (const f of topFns) console.log(`      ${f}`);
  }
  if (argv.includes('--timeline')) {
    // Every task over 8 ms and every resource the page fetched, in time order.
    const rows = [];
    for (const t of tasks.filter((e) => e.dur > 8_000)) {
      const kinds = [...(perTask.get(t)?.entries() ?? [])].sort((a, b) => b[1] - a[1]).filter(([, v]) => v >= 1).map(([k, v]) => `${k} ${Math.round(v)}`);
      rows.push([t.ts, `task ${Math.round(t.dur / 1000)} ms (${kinds.join(', ')})`]);
    }
    for (const e of events) {
      if (e.name === 'ResourceSendRequest') rows.push([e.ts, `fetch ${String(e.args?.data?.url ?? '').split('/').pop()}`]);
      if (e.name === 'ResourceFinish') rows.push([e.ts, `  done ${e.args?.data?.requestId ?? ''}`]);
    }
    console.log('\nTimeline (ms from the first traced event):');
    for (const [ts, what] of rows.sort((a, b) => a[0] - b[0])) if (!what.startsWith('  done')) console.log(`  ${String(Math.round((ts - t0) / 1000)).padStart(6)}  ${what}`);
  }
  console.log(`\nJS functions by self time (top ${top}):`);
  for (const [k, us] of [...fnTotals.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(us / 1000).toFixed(1).padStart(7)} ms  ${k}`);
} finally {
  await ctx.close();
  await browser.close();
  await server.close();
}
