#!/usr/bin/env node
/* global document -- the functions passed to page.evaluate run in the browser */
/**
 * `npm run bench`: builds the production app and a bare React Flow page, generates maps of
 * 100, 500 and 1,000 cards, and measures both in headless Chromium (/usr/bin/chromium, driven
 * by playwright-core). Prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                       all sizes (100, 500, 1000), 3 repetitions
 *   npm run bench -- --cards 1000       one size (or a list: --cards 100,1000)
 *   npm run bench -- --reps 5           more repetitions of the open, pan/zoom and edit runs
 *   npm run bench -- --smoke            100 cards, 1 repetition, writes bench/results/smoke.json (CI)
 *   npm run bench -- --no-build         reuse the last builds (node_modules/.cache/jb-bench)
 *   npm run bench -- --out file.json    write the results elsewhere
 *
 * The exit code is 0 when every measurement ran and the JSON was written; missed budgets never
 * fail the run (timings on a shared machine are noisy); a broken step (a selector that no longer
 * matches, a route that fails) does.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { analyseBuild, attribute } from './lib/bundle.mjs';
import { fitWholeMap, heapAfterGc, measureEdit, measureOpen, measurePrint, measureSelectMoveUndo, openPage, panZoom, waitLocksFree } from './lib/measure.mjs';
import { serve } from './lib/server.mjs';
import { buildApp, buildBare, cache, chromiumPath, CHROMIUM_ARGS, importMap, loadFixtures, log, newContext, repo, VIEWPORT } from './lib/setup.mjs';
import { frameStats, median, ratio, round } from './lib/stats.mjs';

// ---- Options
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(name);
const option = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const smoke = flag('--smoke');
const sizes = String(option('--cards', smoke ? '100' : '100,500,1000'))
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => Number.isInteger(n) && n >= 40);
const reps = Math.max(1, Number(option('--reps', smoke ? 1 : 3)));
const port = Number(option('--port', process.env.BENCH_PORT ?? 4400));
const outFile = resolve(repo, option('--out', smoke ? 'bench/results/smoke.json' : 'bench/results/latest.json'));
const build = !flag('--no-build');

if (sizes.length === 0) {
  console.error('No map size to measure (--cards takes numbers of at least 40).');
  process.exit(2);
}
if (!existsSync(chromiumPath)) {
  console.error(`The benchmark needs Chromium at ${chromiumPath} (sudo apt-get install chromium).`);
  process.exit(2);
}

const errors = [];
/** Runs one measurement; a failure is recorded (and fails the run) but the others still run. */
async function step(label, fn) {
  try {
    return await fn();
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
    log(`FAILED ${label}: ${message}`);
    errors.push({ step: label, message });
    return null;
  }
}

function git(...args) {
  try {
    return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

// ---- Build
const appDir = join(cache, 'app');
const bareDir = join(cache, 'bare');
const dataDir = join(cache, 'data');
if (build || !existsSync(join(appDir, 'index.html')) || !existsSync(join(bareDir, 'index.html'))) {
  log('building the app (production) ...');
  buildApp(appDir);
  log('building the bare React Flow page ...');
  buildBare(bareDir);
}
const appBuild = analyseBuild(appDir);
const bareBuild = analyseBuild(bareDir);

// ---- Maps
log(`generating maps of ${sizes.join(', ')} cards ...`);
const fixtures = await loadFixtures(sizes, dataDir);

// ---- Serve and measure
const server = await serve({ app: appDir, bare: bareDir, data: dataDir }, port);
const appUrl = `${server.url}/app/`;
const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
const results = {};
let libraryScripts = [];
let openScripts = [];

try {
  for (const n of sizes) {
    const fx = fixtures.get(n);
    log(`--- ${n} cards (${fx.stageCount} stages, ${fx.connectionCount} connections)`);
    const r = { cards: n, stages: fx.stageCount, connections: fx.connectionCount, app: {}, bare: {} };
    results[n] = r;
    const ctx = await newContext(browser);
    const bareCtx = await newContext(browser);
    // A page of the app's origin that holds no lock, to see when closed pages have let go of theirs.
    const helper = await ctx.newPage();
    await helper.goto(`${appUrl}lock-helper`);
    const closeApp = async (page) => {
      await page.close();
      await waitLocksFree(helper);
    };
    try {
      r.importMs = await step(`${n}: import`, async () => {
        const imported = await importMap(ctx, appUrl, fx);
        libraryScripts = imported.libraryScripts;
        return imported.importMs;
      });
      const mapUrl = `${appUrl}#/maps/${encodeURIComponent(fx.mapId)}`;

      // Warm-up loads (HTTP and V8 code caches), not measured.
      await step(`${n}: warm-up`, async () => {
        const w = await openPage(ctx);
        await measureOpen(w.page, mapUrl, { quietMs: 300 });
        await closeApp(w.page);
      });
      let canvas = null;
      await step(`${n}: canvas size`, async () => {
        const w = await openPage(ctx);
        await w.page.goto(mapUrl);
        await w.page.locator('.react-flow').waitFor();
        canvas = await w.page.locator('.react-flow').boundingBox();
        await closeApp(w.page);
      });
      const bareUrl = `${server.url}/bare/?cards=${n}${canvas ? `&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}` : ''}`;
      r.canvas = canvas && { width: Math.round(canvas.width), height: Math.round(canvas.height) };
      await step(`${n}: bare warm-up`, async () => {
        const w = await openPage(bareCtx);
        await measureOpen(w.page, bareUrl, { nodeSelector: '.react-flow__node', quietMs: 300 });
        await w.page.close();
      });

      // Open and pan/zoom, alternating app and bare so that load on the machine hits both alike.
      const opens = { app: [], bare: [] };
      const frames = { app: [], bare: [] };
      const phaseFrames = { app: {}, bare: {} };
      const pans = { app: [], bare: [] };
      for (let i = 0; i < reps; i++) {
        for (const kind of ['app', 'bare']) {
          await step(`${n}: ${kind} open + pan/zoom #${i + 1}`, async () => {
            const w = await openPage(kind === 'app' ? ctx : bareCtx);
            try {
              const o = await measureOpen(w.page, kind === 'app' ? mapUrl : bareUrl, {
                nodeSelector: kind === 'app' ? '.react-flow__node-card' : '.react-flow__node',
              });
              opens[kind].push(o);
              if (kind === 'app' && openScripts.length === 0) openScripts = [...new Set(w.scripts)];
              if (i === reps - 1) r[kind].heap = await heapAfterGc(w.page);
              if (kind === 'app') await fitWholeMap(w.page);
              const pz = await panZoom(w.page);
              if (!pz.moved) throw new Error(`the pan/zoom script did not move the view: ${JSON.stringify(pz.transforms)}`);
              frames[kind].push(...pz.deltas);
              for (const [phase, d] of Object.entries(pz.phases)) (phaseFrames[kind][phase] ??= []).push(...d);
              pans[kind].push({ durationMs: pz.durationMs, lateInputs: pz.lateInputs, zoom: pz.zoom });
            } finally {
              if (kind === 'app') await closeApp(w.page);
              else await w.page.close();
            }
          });
        }
      }
      for (const kind of ['app', 'bare']) {
        const o = opens[kind];
        const pick = (k) => round(median(o.map((x) => x[k]).filter((v) => v !== null)));
        r[kind].open = {
          runs: o.length,
          firstPaint: pick('firstPaint'),
          canvasPainted: pick('canvasPainted'),
          fontsPainted: pick('fontsPainted'),
          fontLoads: o[0]?.fontLoads ?? null,
          painted: pick('painted'),
          interactive: pick('interactive'),
          open: pick('open'),
          clickToSelected: pick('clickToSelected'),
          nodesInDom: o[0]?.nodesInDom ?? null,
          edgesInDom: o[0]?.edgesInDom ?? null,
          all: o.map((x) => round(x.open)),
        };
        r[kind].panZoom = {
          ...frameStats(frames[kind]),
          phases: Object.fromEntries(Object.entries(phaseFrames[kind]).map(([phase, d]) => [phase, frameStats(d)])),
          runs: pans[kind],
        };
      }
      r.ratio = {
        open: ratio(r.app.open.open, r.bare.open.open),
        painted: ratio(r.app.open.painted, r.bare.open.painted),
        frameMedian: ratio(r.app.panZoom?.median ?? null, r.bare.panZoom?.median ?? null),
        frameP95: ratio(r.app.panZoom?.p95 ?? null, r.bare.panZoom?.p95 ?? null),
      };

      // Edit, then select all / move / undo, on a freshly opened map.
      await step(`${n}: edit, select all, move, undo`, async () => {
        const w = await openPage(ctx);
        try {
          await measureOpen(w.page, mapUrl, { quietMs: 500 });
          await fitWholeMap(w.page);
          const edits = [];
          const onScreen = await w.page.evaluate(
            (ids) =>
              ids.filter((id) => {
                const el = document.querySelector(`.react-flow__node[data-id=${JSON.stringify(id)}]`);
                if (!el) return false;
                const r = el.getBoundingClientRect();
                const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(6, r.height / 2));
                return hit !== null && el.contains(hit);
              }),
            fx.touchpointIds,
          );
          for (let i = 0; i < reps && i < onScreen.length; i++) {
            const cardId = onScreen[Math.floor((onScreen.length * (i + 0.5)) / reps)];
            edits.push(await measureEdit(w.page, { mapId: fx.mapId, cardId, tag: ` ✎${i}${Date.now() % 100000}` }));
            await w.page.waitForTimeout(400);
          }
          r.app.edit = {
            runs: edits.length,
            painted: round(median(edits.map((e) => e.painted))),
            durable: round(median(edits.map((e) => e.durable))),
            durableMax: round(Math.max(...edits.map((e) => e.durable))),
            all: edits.map((e) => ({ painted: round(e.painted), durable: round(e.durable), putAfter: round(e.putAfter), sameLength: e.sameLength })),
          };
          // Editing a card seen as a block zooms to it (ReadableWhileEditing): fit the map again first.
          await fitWholeMap(w.page);
          const smu = await measureSelectMoveUndo(w.page, { touchpoints: fx.touchpoints });
          r.app.selectMoveUndo = {
            selectAll: round(smu.selectAll),
            selected: smu.selected,
            drag: { ...frameStats(smu.dragDeltas), durationMs: smu.dragMs },
            drop: round(smu.drop),
            moved: smu.moved,
            undo: round(smu.undo),
            undone: smu.undone,
          };
          if (!smu.moved || !smu.undone) throw new Error(`the move did not ${smu.moved ? 'undo' : 'happen'}`);
        } finally {
          await closeApp(w.page);
        }
      });

      // The print view (what Print / Save as PDF prints) and the PNG export.
      await step(`${n}: print view and PNG`, async () => {
        const w = await openPage(ctx);
        try {
          const p = await measurePrint(w.page, `${appUrl}#/maps/${encodeURIComponent(fx.mapId)}/print`);
          r.app.print = { ready: round(p.printReady), png: round(p.png), pngBytes: p.pngBytes };
        } finally {
          await closeApp(w.page);
        }
      });
    } finally {
      await ctx.close();
      await bareCtx.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}

// ---- JS shipped
const chunkByPath = new Map(appBuild.chunks.map((c) => [`/app/${c.file}`, c]));
const sum = (list) => list.reduce((a, c) => a + c.gzip, 0);
const startupChunks = appBuild.chunks.filter((c) => c.startup);
const openChunks = openScripts.map((p) => chunkByPath.get(p)).filter(Boolean);
const libraryChunks = libraryScripts.map((p) => chunkByPath.get(p)).filter(Boolean);
const openAttribution = attribute(appDir, openChunks.map((c) => c.file));
const startupAttribution = attribute(appDir, startupChunks.map((c) => c.file));
const EXPORT_OR_PRESENT = /(^|\/)src\/present\/|(^|\/)src\/export\/(Print|png|csv|printLayout|actions)|node_modules\/html-to-image\//;
const exportInOpen = openAttribution.modules.filter((m) => EXPORT_OR_PRESENT.test(m));
const openFiles = new Set(openChunks.map((c) => c.file));
const js = {
  startup: { gzip: sum(startupChunks), files: startupChunks.map((c) => c.file) },
  library: { gzip: sum(libraryChunks), files: libraryChunks.map((c) => c.file) },
  openMap: { gzip: sum(openChunks), files: openChunks.map((c) => c.file), exportOrPresentModules: exportInOpen },
  startupBySource: startupAttribution.groups.slice(0, 15),
  openMapBySource: openAttribution.groups.slice(0, 15),
  css: appBuild.css,
  chunks: appBuild.chunks.map((c) => ({
    file: c.file,
    gzip: c.gzip,
    bytes: c.bytes,
    startup: c.startup,
    loadedToOpenMap: openFiles.has(c.file),
    lazy: !c.startup,
    entry: c.src ?? c.name,
  })),
  bare: { gzip: sum(bareBuild.chunks.filter((c) => c.startup)), files: bareBuild.chunks.map((c) => c.file) },
};

// ---- Budgets (reported, never asserted)
const at = (n) => results[n];
const budgets = [];
const budget = (name, value, limit, unit, note = '') =>
  budgets.push({ name, value, limit, unit, met: value === null || value === undefined ? null : value <= limit, note });
if (at(1000)) {
  budget('1,000 cards: open (painted + interactive)', at(1000).app.open?.open ?? null, 1000, 'ms');
  budget('1,000 cards: open vs bare React Flow', at(1000).ratio?.open ?? null, 1.5, 'x');
}
for (const n of [500, 1000]) {
  if (!at(n)) continue;
  budget(`${n} cards: pan/zoom p95 frame`, at(n).app.panZoom?.p95 ?? null, 17, 'ms');
  budget(`${n} cards: pan/zoom p95 vs bare`, at(n).ratio?.frameP95 ?? null, 1.3, 'x');
}
if (at(1000)) {
  budget('1,000 cards: edit painted', at(1000).app.edit?.painted ?? null, 50, 'ms');
  // README's guarantee ("an edit made after a pause is on disk within N ms") is this figure's worst run.
  budget('1,000 cards: edit durable in IndexedDB (slowest run)', at(1000).app.edit?.durableMax ?? null, 150, 'ms');
}
budget('JS to open a map (gzip)', round(js.openMap.gzip / 1024), 200, 'KB');
budgets.push({ name: 'export and presentation code not in it', value: exportInOpen.length, limit: 0, unit: 'modules', met: exportInOpen.length === 0, note: exportInOpen.join(', ') });

// ---- Machine
const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? null,
  memoryGB: round(totalmem() / 2 ** 30, 1),
  loadavgAtEnd: loadavg().map((l) => round(l, 2)),
  chromium: browser.version?.() ?? null,
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  headless: true,
  gpu: false,
};
try {
  machine.chromium = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // keep the version Playwright reported
}

const report = {
  generatedAt: new Date().toISOString(),
  command: `npm run bench${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
  // BENCH_COMMIT names the commit when the run is made from an exported copy (git archive) of it.
  commit: process.env.BENCH_COMMIT ?? git('rev-parse', '--short', 'HEAD'),
  uncommittedChangesInSrc: process.env.BENCH_COMMIT ? 0 : (git('status', '--porcelain', '--', 'src', 'index.html', 'vite.config.ts') ?? '').split('\n').filter(Boolean).length,
  machine,
  settings: { sizes, reps, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS, serviceWorkers: 'blocked' },
  definitions: {
    painted: 'navigation start to the main-thread rendering update after which React Flow nodes, edges and the viewport stop changing and every web font the page loads has loaded and been painted',
    interactive: 'navigation start to the painted selection of a card clicked (real input) as soon as a card is hit-testable at the fitted zoom',
    open: 'max(painted, interactive)',
    frames: 'requestAnimationFrame deltas over a 3 s scripted pan (mouse drag) and zoom (wheel); median and p95',
    editPainted: 'Enter (commit of an in-place edit) to the paint of the new text on the canvas',
    editDurable: 'Enter to the complete event of the IndexedDB transaction that stored the new text (an edit after a pause of 400 ms: the autosave writes it at once)',
    gzip: 'zlib level 9, per file',
  },
  results,
  js,
  budgets,
  errors,
};
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, `${JSON.stringify(report, null, 2)}\n`);

// ---- Table
const kb = (b) => (b === null || b === undefined ? '–' : `${(b / 1024).toFixed(1)} KB`);
const mb = (b) => (b === null || b === undefined ? '–' : `${(b / 2 ** 20).toFixed(1)} MB`);
const ms = (v) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);
const ms1 = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(1)} ms`);
const x = (v) => (v === null || v === undefined ? '–' : `${v.toFixed(2)}x`);
const PHASES = ['pan', 'zoomIn', 'panZoomedIn', 'zoomOut'];
const phaseP95 = (pz) => (pz?.phases ? PHASES.map((k) => (pz.phases[k]?.p95 ?? null) === null ? '–' : pz.phases[k].p95.toFixed(1)).join(' / ') : '–');
const rows = [
  ['Open: first nodes painted', (r) => ms(r.app.open?.firstPaint)],
  ['Open: canvas complete (DOM)', (r) => ms(r.app.open?.canvasPainted)],
  ['Open: painted with web fonts', (r) => ms(r.app.open?.painted)],
  ['Open: interactive (click selects)', (r) => ms(r.app.open?.interactive)],
  ['Open: bare React Flow', (r) => ms(r.bare.open?.open)],
  ['Open: ours / bare', (r) => x(r.ratio?.open)],
  ['Pan/zoom frame median', (r) => ms1(r.app.panZoom?.median)],
  ['Pan/zoom frame p95', (r) => ms1(r.app.panZoom?.p95)],
  ['Pan/zoom frames > 17 ms', (r) => (r.app.panZoom ? `${r.app.panZoom.over17}/${r.app.panZoom.frames}` : '–')],
  ['Frame p95 by phase *', (r) => phaseP95(r.app.panZoom)],
  ['Bare: frame median / p95', (r) => (r.bare.panZoom ? `${ms1(r.bare.panZoom.median)} / ${ms1(r.bare.panZoom.p95)}` : '–')],
  ['Bare: frame p95 by phase *', (r) => phaseP95(r.bare.panZoom)],
  ['Frames ours / bare (median, p95)', (r) => `${x(r.ratio?.frameMedian)}, ${x(r.ratio?.frameP95)}`],
  ['Edit: painted', (r) => ms(r.app.edit?.painted)],
  ['Edit: durable in IndexedDB, median / slowest', (r) => (r.app.edit ? `${ms(r.app.edit.durable)} / ${ms(r.app.edit.durableMax)}` : '-')],
  ['Select all (Ctrl+A)', (r) => ms(r.app.selectMoveUndo?.selectAll)],
  ['Drag selection: frame p95', (r) => ms1(r.app.selectMoveUndo?.drag?.p95)],
  ['Drop (move) painted', (r) => ms(r.app.selectMoveUndo?.drop)],
  ['Undo (Ctrl+Z) painted', (r) => ms(r.app.selectMoveUndo?.undo)],
  ['Print view ready', (r) => ms(r.app.print?.ready)],
  ['PNG export', (r) => ms(r.app.print?.png)],
  ['JS heap after open (after GC)', (r) => mb(r.app.heap?.used)],
  ['Bare: JS heap', (r) => mb(r.bare.heap?.used)],
  ['Import of the file', (r) => ms(r.importMs)],
];
const cols = sizes.map((n) => `${n} cards`);
const w0 = Math.max(...rows.map(([l]) => l.length));
const cells = rows.map(([label, f]) => [label, ...sizes.map((n) => f(results[n]))]);
const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i + 1].length)));
const line = (parts) => parts.map((p, i) => (i === 0 ? p.padEnd(w0) : p.padStart(widths[i - 1]))).join('  ');
const out = [];
out.push(`Journeyboard benchmark · ${report.generatedAt} · ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB · ${machine.chromium} headless, no GPU`);
out.push(line(['', ...cols]));
for (const row of cells) out.push(line(row));
out.push('* frame p95 (ms) in each phase of the script: pan at the fitted zoom / zoom in / pan zoomed in / zoom out');
out.push('');
out.push(`JS at start-up (index.html scripts + modulepreload): ${kb(js.startup.gzip)} gzip; library page: ${kb(js.library.gzip)}; to open a map: ${kb(js.openMap.gzip)}; bare React Flow page: ${kb(js.bare.gzip)}`);
for (const c of js.chunks) {
  out.push(`  ${c.startup ? 'start-up' : c.loadedToOpenMap ? 'map     ' : 'lazy    '}  ${kb(c.gzip).padStart(9)}  ${c.file}${c.entry ? `  (${c.entry})` : ''}`);
}
out.push('');
out.push('Budgets:');
for (const b of budgets) {
  const v = b.value === null || b.value === undefined ? '–' : `${b.value} ${b.unit}`;
  out.push(`  ${b.met === null ? '  ?  ' : b.met ? ' met ' : 'MISSED'}  ${b.name}: ${v} (limit ${b.limit} ${b.unit})${b.note ? ` ${b.note}` : ''}`);
}
if (errors.length) {
  out.push('');
  out.push('Steps that failed:');
  for (const e of errors) out.push(`  ${e.step}: ${e.message}`);
}
out.push('');
out.push(`Written: ${outFile}`);
console.log(out.join('\n'));
process.exit(errors.length ? 1 : 0);
