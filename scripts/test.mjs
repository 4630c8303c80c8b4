#!/usr/bin/env node
// The project's one test command: unit and component tests (Vitest, jsdom, fake-indexeddb),
// then real-browser tests (Playwright driving Debian's Chromium against the production build).
// It ends with the line `N passed, N failed`, the sum over both runs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, mkdirSync } from 'node:fs';

const CI = process.env.CI === 'true';
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv[2]; // 'unit' | 'e2e' | undefined (both)
let passed = 0;
let failed = 0;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

if (only !== 'e2e') {
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const r = readJson('test-results/unit.json');
  if (r) {
    passed += r.numPassedTests;
    failed += r.numFailedTests;
  }
  // A crash before any result (a syntax error, a failed import) still counts as a failure.
  if (code !== 0 && (!r || r.numFailedTests === 0)) failed += 1;
}

if (only !== 'unit') {
  if (!existsSync(chromium)) {
    if (CI) {
      console.error(`Browser tests cannot run: no Chromium at ${chromium}.`);
      failed += 1;
    } else {
      console.log(`Browser tests skipped: no Chromium at ${chromium} (install it with: sudo apt-get install chromium).`);
    }
  } else {
    const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
    if (build !== 0) {
      console.error('The production build failed; browser tests did not run.');
      failed += 1;
    } else {
      const code = run('npx', ['playwright', 'test']);
      const r = readJson('test-results/e2e.json');
      if (r?.stats) {
        passed += r.stats.expected + (r.stats.flaky ?? 0);
        failed += r.stats.unexpected;
      }
      if (code !== 0 && (!r?.stats || r.stats.unexpected === 0)) failed += 1;
    }
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
