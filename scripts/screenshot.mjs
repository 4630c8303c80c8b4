#!/usr/bin/env node
// Makes the README's pictures: docs/screenshot.png (the Persian sample map in the editor) and
// docs/screenshot-<th|fa|vi>.png (the editor with the interface in that language, on the sample map
// written in it). Run after `npm run build`:  node scripts/screenshot.mjs
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
  await page.close();

  // The interface in each language (the choice is remembered in localStorage, as the header's menu does).
  for (const locale of ['th', 'fa', 'vi']) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    await context.addInitScript((l) => localStorage.setItem('journeyboard.locale', l), locale);
    const p = await context.newPage();
    await p.goto(base);
    await p.locator('.library-toolbar button.primary').click();
    await p.getByRole('dialog').getByTestId(`sample-${locale}`).click();
    await p.locator('.jb-toolbar').waitFor();
    await p.evaluate('document.fonts.ready.then(() => true)');
    await p.waitForTimeout(500);
    await p.screenshot({ path: `docs/screenshot-${locale}.png` });
    await context.close();
  }
  await browser.close();
} finally {
  server.kill();
}
