/**
 * The command-line exporter and the app make the same web page: a map made in Chromium is exported
 * as JSON and as a web page from the app; `journeyboard export <json> --format html` on that JSON
 * writes the same bytes, apart from the export time inside the embedded file.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { SAMPLES } from '../../src/model/samples';
import { createSample, exportFile } from './exportHelpers';

const ROOT = resolve(import.meta.dirname, '../..');
// The build this run serves (playwright.config.ts): the CLI embeds its viewer page, as the app does.
const VIEWER = join(ROOT, process.env.E2E_OUT_DIR ?? 'dist', 'viewer.html');

const withoutExportTime = (html: string) => html.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"');

for (const sample of ['sample-fa', 'sample-th', 'sample-vi']) {
  test(`journeyboard export --format html makes the app's web page of ${sample}, byte for byte but the export time`, async ({ page }, testInfo) => {
    await createSample(page, SAMPLES.find((s) => s.id === sample)!.name);
    const { path: json } = await exportFile(page, testInfo, 'Export JSON');
    const { path: appPage } = await exportFile(page, testInfo, 'Export web page');

    const out = testInfo.outputPath('cli.html');
    const r = spawnSync('node', [join(ROOT, 'bin/journeyboard.mjs'), 'export', json, '--format', 'html', '--out', out], {
      encoding: 'utf8',
      env: { ...process.env, JOURNEYBOARD_VIEWER: VIEWER },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const cli = readFileSync(out, 'utf8');
    const app = readFileSync(appPage, 'utf8');
    expect(withoutExportTime(cli)).toBe(withoutExportTime(app));
  });
}
