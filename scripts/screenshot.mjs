#!/usr/bin/env node
// Makes docs/screenshot.png (the README's picture): the Persian sample map in the editor.
// Run after `npm run build`:  node scripts/screenshot.mjs
import { spawn } from 'node:child_process';
import { chromium } from 'playwright-core';

const PORT = 4499;
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
try {
  const base = `http://127.0.0.1:${PORT}/`;
  for (let i = 0; i < 100; i++) {
    if (await fetch(base).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(base);
  await page.getByRole('button', { name: 'New map' }).click();
  await page.getByRole('dialog').getByTestId('sample-fa').click();
  await page.getByRole('toolbar', { name: 'Map editor' }).waitFor();
  await page.evaluate('document.fonts.ready.then(() => true)');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
} finally {
  server.kill();
}
