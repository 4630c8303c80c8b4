// @vitest-environment node
/**
 * The `journeyboard export` command, run as a user runs it: the real bin in a child process, on files
 * in a temporary folder. What it writes is compared with what the app's exporters make of the same
 * input (the app imports the file through parseImport, then exports).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { i18nFor } from '../../src/i18n';
import { mapLocale } from '../../src/i18n/mapLocale';
import { exportMapCsv } from '../../src/export/csv';
import { exportLibraryFile, exportMapFile, formatImportErrors, parseImport } from '../../src/export/envelope';
import { extractEnvelopeText } from '../../src/export/webPage';
import type { ExportImage } from '../../src/export/images';
import type { JourneyMap, Persona } from '../../src/model/schema';
import { persona, TEXTS, wideMap } from '../export/arbitraries';
import { readCsvZip, records } from '../export/csvReader';

// Each run starts Node and Vite's module runner: seconds on a busy machine, not milliseconds.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/journeyboard.mjs');
const FIXTURES = join(ROOT, 'tests/fixtures/import');
const PIXEL: ExportImage = {
  id: 'img-fa',
  type: 'image/png',
  dataUrl: 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'journeyboard-cli-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(args: string[], { env = {}, command = 'node' }: { env?: Record<string, string>; command?: 'node' | 'npx' } = {}) {
  const argv = command === 'node' ? [BIN, ...args] : ['--offline', 'journeyboard', ...args];
  const { SOURCE_DATE_EPOCH: _ignored, ...inherited } = process.env;
  const r = spawnSync(command, argv, { cwd: command === 'node' ? dir : ROOT, encoding: 'utf8', env: { ...inherited, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A map in four scripts with two personas (one with a photo), an arrow on a persona's path, and a persona of another map. */
function document(): { map: JourneyMap; personas: Persona[]; images: ExportImage[] } {
  const map = { ...wideMap(3, { title: 'เส้นทางลูกค้า: ศูนย์บริการ' }), personaIds: ['p-fa', 'p-th'] };
  map.connections = [{ id: 'c1', from: 'card-1-touchpoint', to: 'card-2-touchpoint', label: 'ایمیل ← چت', personaId: 'p-fa' }];
  const personas = [
    persona('p-fa', 'مریم احمدی', { avatarImageId: 'img-fa', story: TEXTS.fa }),
    persona('p-th', 'สมชาย ใจดี', { goals: [TEXTS.th, TEXTS.vi] }),
  ];
  return { map, personas, images: [PIXEL] };
}

function writeInput(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('journeyboard export', () => {
  it('npx journeyboard --help explains the command, its formats and options', () => {
    const r = run(['--help'], { command: 'npx' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: journeyboard export <file.journey.json> --format json|csv|html [--out <path>] [--map <id>]');
    for (const line of [/^ {2}json +<title>\.journey\.json/m, /^ {2}csv +<title>\.zip/m, /^ {2}html +<title>\.html/m, /--out <path>/, /--map <id>/]) {
      expect(r.stdout).toMatch(line);
    }
  });

  it('--format json writes the app’s export of the map: the same bytes with SOURCE_DATE_EPOCH, else all but exportedAt', () => {
    const { map, personas, images } = document();
    const input = writeInput('in.journey.json', exportMapFile(map, personas, images, new Date('2025-01-01T00:00:00Z')).text);
    const imported = parseImport(readFileSync(input, 'utf8'));
    if (imported.kind !== 'ok') throw new Error('the test file does not import');

    const fixed = run(['export', input, '--format', 'json', '--out', 'fixed.json'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(fixed.stderr).toBe('');
    expect(fixed.status).toBe(0);
    expect(fixed.stdout).toBe(`${join(dir, 'fixed.json')}\n`);
    const app = exportMapFile(imported.maps[0]!, imported.personas, imported.images, new Date(1767225600 * 1000));
    expect(readFileSync(join(dir, 'fixed.json'), 'utf8')).toBe(app.text);

    // Without it, the app's file name in the current folder, and only the export time differs.
    const now = run(['export', 'in.journey.json', '--format', 'json']);
    expect(now.status).toBe(0);
    const written = join(dir, 'เส้นทางลูกค้า- ศูนย์บริการ.journey.json');
    expect(now.stdout).toBe(`${written}\n`);
    const text = readFileSync(written, 'utf8');
    const exportedAt = /"exportedAt": "([^"]+)"/.exec(text)![1]!;
    expect(exportedAt).not.toBe('2026-01-01T00:00:00.000Z');
    expect(text).toBe(app.text.replace('"exportedAt": "2026-01-01T00:00:00.000Z"', `"exportedAt": "${exportedAt}"`));
    // The photo and both personas travelled; the input file is as it was.
    expect(JSON.parse(text)).toMatchObject({ personas: [{ id: 'p-fa' }, { id: 'p-th' }], images: [{ id: 'img-fa' }] });
  });

  it('--format csv writes <title>.zip with the bytes of the app’s "Export CSV"', async () => {
    const { map, personas, images } = document();
    const input = writeInput('map.journey.json', exportMapFile(map, personas, images).text);
    const r = run(['export', input, '--format=csv', '--out', `${dir}/`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const written = join(dir, 'เส้นทางลูกค้า- ศูนย์บริการ.zip');
    expect(r.stdout).toBe(`${written}\n`);
    const bytes = readFileSync(written);
    const imported = parseImport(readFileSync(input, 'utf8'));
    if (imported.kind !== 'ok') throw new Error('the test file does not import');
    expect(new Uint8Array(bytes)).toEqual((await exportMapCsv(await i18nFor(mapLocale(imported.maps[0]!)), imported.maps[0]!, imported.personas)).bytes);
    // What a spreadsheet shows.
    const zip = readCsvZip(bytes);
    expect(records(zip.tables['personas.csv']!).map((p) => p.Name)).toEqual(['مریم احمدی', 'สมชาย ใจดี']);
    expect(records(zip.tables['connections.csv']!)[0]).toMatchObject({ 'Arrow label': 'ایمیل ← چت', 'Whose path': 'مریم احمدی' });
  });

  it.each([
    ['wrong-type-in-card.journey.json', 'a card of the wrong type'],
    ['not-json.journey.json', 'a file that is not JSON'],
    ['newer-version.journey.json', 'a file from a newer Journeyboard'],
  ])('refuses %s (%s) with the app’s error list on stderr, exit 1, nothing written', async (name) => {
    const text = readFileSync(join(FIXTURES, name), 'utf8');
    const input = writeInput(name, text);
    const result = parseImport(text);
    if (result.kind !== 'error') throw new Error(`${name} should not import`);

    const r = run(['export', input, '--format', 'csv', '--out', 'out.zip']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    // In the English catalogue's words, as the app says them in English.
    const english = await i18nFor('en');
    expect(r.stderr).toBe([`journeyboard: ${input} cannot be exported:`, ...formatImportErrors(english, result.errors).map((l) => `  ${l}`), ''].join('\n'));
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('a library backup with several maps is refused with their ids; --map exports the one named', () => {
    const a = { ...wideMap(1, { title: 'แผนที่ A' }), id: 'map-a', personaIds: [] };
    const b = { ...wideMap(2, { title: 'نقشه B' }), id: 'map-b', personaIds: [] };
    const input = writeInput('backup.json', exportLibraryFile([a, b], []).text);

    const refused = run(['export', input, '--format', 'csv']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      [`journeyboard: ${input} is a library backup with 2 maps; export one at a time with --map <id>:`, '  map-a  แผนที่ A', '  map-b  نقشه B', ''].join('\n'),
    );
    expect(readdirSync(dir)).toEqual(['backup.json']);

    const one = run(['export', input, '--format', 'csv', '--map', 'map-b']);
    expect(one.status).toBe(0);
    expect(one.stdout).toBe(`${join(dir, 'نقشه B.zip')}\n`);
    expect(records(readCsvZip(readFileSync(join(dir, 'نقشه B.zip'))).tables['cards.csv']!)).toHaveLength(b.cards.length);
  });

  it('--format html writes <title>.html: a web page carrying the app’s JSON export of the map and the fonts of its scripts', () => {
    const { map, personas, images } = document();
    const input = writeInput('in.journey.json', exportMapFile(map, personas, images).text);
    const imported = parseImport(readFileSync(input, 'utf8'));
    if (imported.kind !== 'ok') throw new Error('the test file does not import');

    const r = run(['export', input, '--format', 'html'], { env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.status).toBe(0);
    const written = join(dir, 'เส้นทางลูกค้า- ศูนย์บริการ.html');
    expect(r.stdout).toBe(`${written}\n`);
    const html = readFileSync(written, 'utf8');
    // Dropped on the library, the page gives back the file the app's Export JSON writes.
    const app = exportMapFile(imported.maps[0]!, imported.personas, imported.images, new Date(1767225600 * 1000));
    expect(extractEnvelopeText(html)).toBe(app.text.trim());
    expect(html).toContain(`<title>${map.title}</title>`);
    // The map writes Thai, Persian and Vietnamese: their faces are embedded, as data, nothing fetched.
    for (const family of ['Noto Sans Thai', 'Vazirmatn', 'Noto Sans']) expect(html).toContain(`font-family:'${family}'`);
    expect(html).not.toMatch(/\burl\((?!"?data:)/);
    expect(html).toContain("default-src 'none'");
  });

  it('never writes over the file it exports, nor into a missing folder', () => {
    const { map, personas } = document();
    const text = exportMapFile(map, personas).text;
    const input = writeInput('เส้นทางลูกค้า- ศูนย์บริการ.journey.json', text);

    const same = run(['export', input, '--format', 'json']);
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('would replace the file being exported');
    expect(readFileSync(input, 'utf8')).toBe(text);

    // A folder that does not exist is not made behind the user's back.
    const nowhere = run(['export', input, '--format', 'csv', '--out', 'missing/map.zip']);
    expect(nowhere.status).toBe(1);
    expect(nowhere.stderr).toBe(`journeyboard: Cannot write ${join(dir, 'missing/map.zip')}: no such file or folder. Nothing was written.\n`);
    expect(readdirSync(dir)).toEqual(['เส้นทางลูกค้า- ศูนย์บริการ.journey.json']);
  });

  it('a wrong command line says what is wrong and exits 2', () => {
    const r = run(['export', 'map.journey.json', '--format', 'pdf']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('journeyboard: Unknown format "pdf"; the formats are json, csv, html.\nRun "journeyboard --help" for the options.\n');
    expect(readdirSync(dir)).toEqual([]);
  });
});
