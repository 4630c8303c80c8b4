// @vitest-environment node
/**
 * Files made to hurt: nested far deeper than any Journeyboard file, fields of megabytes, invisible
 * characters, sizes one byte over the limit. Each is refused with a short message that says what is
 * wrong; none throws. The deep files are also read where the call stack is small (a worker thread
 * with half a megabyte of stack), since a browser tab may have less stack than Node.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolldown } from 'rolldown';
import { exportMapFile, parseImport, type ImportResult } from '../../src/export/envelope';
import { i18n } from '@lingui/core'; // the interface's instance (src/i18n), English in tests
import { say } from '../../src/i18n/message';
import { SAMPLES } from '../../src/model/samples';

const sample = SAMPLES[0]!;
const file = () => JSON.parse(exportMapFile(sample.build(), []).text) as Record<string, unknown>;

/** The refusal's errors as the interface says them in English. */
function errorsOf(result: ImportResult) {
  if (result.kind !== 'error') throw new Error('expected the import to be refused');
  return result.errors.map((e) => ({ path: e.path, message: say(i18n, e.message) }));
}

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);
const objectNested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Texts nested 100,000 levels deep, in schemaVersion and elsewhere. */
function deepFiles(): Record<string, string> {
  const base = exportMapFile(sample.build(), []).text;
  return {
    'schemaVersion': base.replace(/"schemaVersion": \d+/, `"schemaVersion": ${nested(100_000)}`),
    'a card text': base.replace(/"text": "[^"]*"/, `"text": ${objectNested(100_000)}`),
    'the whole file': nested(100_000),
    'an unclosed file': '['.repeat(100_000),
  };
}

describe('deep nesting', () => {
  it('is refused with one clear, short message, wherever it is', () => {
    for (const [where, text] of Object.entries(deepFiles())) {
      const errors = errorsOf(parseImport(text));
      expect(errors, where).toHaveLength(1);
      expect(errors[0]!.message, where).toMatch(/nests its data more than 64 levels deep/);
      expect(errors[0]!.message.length, where).toBeLessThan(300);
    }
  });

  it('leaves files of an ordinary depth alone (64 levels inside a field the schema ignores)', () => {
    const ok = file();
    (ok.map as Record<string, unknown>).extra = JSON.parse(nested(50));
    expect(parseImport(JSON.stringify(ok)).kind).toBe('ok');
  });

  describe('with a small call stack (a worker thread with half a megabyte of stack, about half of what Node gives)', () => {
    let dir = '';
    let bundle = '';
    beforeAll(async () => {
      // parseImport and everything it imports, as one plain script a worker can run.
      dir = mkdtempSync(join(tmpdir(), 'jb-deep-'));
      const entry = join(dir, 'entry.ts');
      writeFileSync(
        entry,
        `import { parentPort, workerData } from 'node:worker_threads';
         import { parseImport } from ${JSON.stringify(resolve('src/export/envelope.ts'))};
         const out = {};
         for (const [where, text] of Object.entries(workerData)) {
           try { const r = parseImport(text); out[where] = r.kind === 'error' ? r.errors.map((e) => e.message.id) : 'accepted'; }
           catch (err) { out[where] = 'threw ' + String(err); }
         }
         parentPort.postMessage(out);`,
      );
      // Catalogues (.po, compiled by the Lingui plugin in the app) are not needed to refuse a file.
      const noCatalogues = { name: 'no-catalogues', load: (id: string) => (id.endsWith('.po') ? 'export const messages = {};' : null) };
      const build = await rolldown({ input: entry, platform: 'node', logLevel: 'silent', plugins: [noCatalogues] });
      bundle = join(dir, 'parse.mjs');
      await build.write({ file: bundle, format: 'esm' });
      await build.close();
    }, 60_000);
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('refuses every deep file and throws nothing', async () => {
      const files = deepFiles();
      const worker = new Worker(bundle, { workerData: files, resourceLimits: { stackSizeMb: 0.5 } });
      const out = await new Promise<Record<string, unknown>>((done, fail) => {
        worker.once('message', done);
        worker.once('error', fail);
      });
      await worker.terminate();
      for (const where of Object.keys(files)) {
        // No catalogue in the worker: the message by its id ("The file nests its data more than 64 levels deep…").
        expect(out[where], where).toEqual(['import.tooDeep']);
      }
    }, 60_000);
  });
});

describe('messages of a bounded length', () => {
  it('quotes at most a short excerpt of a schemaVersion that is not a number', () => {
    const big = file();
    big.schemaVersion = Array.from({ length: 400_000 }, (_, i) => [i]);
    const [error] = errorsOf(parseImport(JSON.stringify(big)));
    expect(error!.message).toBe('expected a whole number of 1 or more, got a list of 400000 items');

    big.schemaVersion = 'ห'.repeat(1_000_000);
    const [text] = errorsOf(parseImport(JSON.stringify(big)));
    expect(text!.message.length).toBeLessThan(120);
    expect(text!.message).toContain('(1000000 characters)');
  });

  it('refuses a channel name longer than any name may be, and says where', () => {
    const long = file();
    const map = long.map as { channels: { name: string }[] };
    map.channels[0]!.name = 'x'.repeat(15 * 1024 * 1024 / 16);
    const errors = errorsOf(parseImport(JSON.stringify(long)));
    expect(errors.map((e) => e.path)).toEqual(['map.channels[0].name']);
    expect(errors[0]!.message.length).toBeLessThan(200);
  });
});

describe('messages that say what is wrong', () => {
  it('names a second byte-order mark instead of quoting an invisible character', () => {
    const text = '\uFEFF\uFEFF' + exportMapFile(sample.build(), []).text;
    const [error] = errorsOf(parseImport(text));
    expect(error!.message).toMatch(/line 1, column 1 \(unexpected a second byte-order mark \(U\+FEFF, an invisible character\)\)/);
  });

  it('names other invisible characters by code point', () => {
    const [error] = errorsOf(parseImport('{"format":\u200B"journeyboard"}'));
    expect(error!.message).toContain('an invisible character (U+200B)');
  });

  it('shows sizes one byte apart as different numbers', () => {
    const limit = 20 * 1024 * 1024;
    const [error] = errorsOf(parseImport(' '.repeat(limit + 1), { maxBytes: limit }));
    expect(error!.message).toBe('The file is 20,971,521 bytes; Journeyboard imports files up to 20,971,520 bytes (20.0 MB). Nothing was imported.');
    const [rounder] = errorsOf(parseImport(' '.repeat(limit + 200_000), { maxBytes: limit }));
    expect(rounder!.message).toBe('The file is 20.2 MB; Journeyboard imports files up to 20.0 MB. Nothing was imported.');
  });
});
