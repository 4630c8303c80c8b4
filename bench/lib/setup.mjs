/**
 * Shared by bench/run.mjs and bench/profile.mjs: where builds go, how they are made, the
 * generated maps, the browser's settings, and seeding a map the way a user would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lingui } from '@lingui/vite-plugin';
import { runnerImport } from 'vite';
import { openPage } from './measure.mjs';

export const here = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repo = resolve(here, '..');
/** Builds and data live under node_modules/.cache (ignored by git and by ESLint), or BENCH_CACHE. */
export const cache = process.env.BENCH_CACHE ? resolve(process.env.BENCH_CACHE) : join(repo, 'node_modules', '.cache', 'jb-bench');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 };
/** As playwright.config.ts, plus precise memory figures. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-precise-memory-info',
];

export const log = (...a) => console.error('[bench]', ...a);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'], env: process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

/** The production app, with a manifest and hidden source maps (the JS itself is what users get). */
export function buildApp(outDir, extra = []) {
  run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--sourcemap', 'hidden', '--logLevel', 'warn', ...extra]);
}

export function buildBare(outDir, extra = []) {
  run('npx', ['vite', 'build', '--config', 'bench/vite.bare.config.ts', '--outDir', outDir, '--emptyOutDir', '--manifest', '--sourcemap', 'hidden', '--logLevel', 'warn', ...extra]);
}

/** Generates the maps (bench/maps.ts through Vite's module runner) and writes the bare page's graphs. */
export async function loadFixtures(sizes, dataDir) {
  mkdirSync(dataDir, { recursive: true });
  // The lingui plugin compiles the English catalogue the layout reads its words from.
  const { module: maps } = await runnerImport(join(here, 'maps.ts'), { configFile: false, logLevel: 'warn', plugins: [lingui()] });
  const fixtures = new Map();
  for (const n of sizes) {
    const f = maps.makeFixture(n);
    writeFileSync(join(dataDir, `bare-${n}.json`), JSON.stringify(f.bare));
    fixtures.set(n, f);
  }
  return fixtures;
}

/**
 * A fresh profile (empty IndexedDB). Service workers are blocked: the PWA's precaching would
 * download every chunk in the background during the measurements.
 */
export async function newContext(browser) {
  const ctx = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block', acceptDownloads: true });
  await ctx.addInitScript({ path: join(here, 'lib', 'probe.js') });
  return ctx;
}

/**
 * Seeds the map through the library's "Import a file" input, as a user would: the file goes
 * through the app's own parse, restore and storage code, so the record is exactly what the app
 * writes. Returns the time from choosing the file to "Imported 1 map", and the library's scripts.
 */
export async function importMap(ctx, appUrl, fixture) {
  const { page, scripts } = await openPage(ctx);
  try {
    await page.goto(appUrl, { waitUntil: 'load' });
    const input = page.getByLabel('Import a file');
    await input.waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(300);
    const libraryScripts = [...new Set(scripts)];
    const t0 = Date.now();
    await input.setInputFiles({ name: fixture.fileName, mimeType: 'application/json', buffer: Buffer.from(fixture.fileText) });
    await page.getByText('Imported 1 map').waitFor({ timeout: 120_000 });
    const importMs = Date.now() - t0;
    // eslint-disable-next-line no-undef -- runs in the page
    const stored = await page.evaluate((id) => window.__bench.readMap('journeyboard', id), fixture.mapId);
    if (!stored || stored.cards?.length !== fixture.cardCount) throw new Error('the imported map is not in IndexedDB');
    return { importMs, libraryScripts };
  } finally {
    await page.close();
  }
}
