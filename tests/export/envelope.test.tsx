import { render } from '@testing-library/react';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import {
  backupTooLargeToRestore,
  exportLibraryFile,
  exportMapFile,
  exportPersonaFile,
  formatImportErrors,
  parseImport,
  parseImportFile,
  type ImportResult,
} from '../../src/export/envelope';
import { exportImageToBlob, blobToExportImage, type ExportImage } from '../../src/export/images';
import { PrintView } from '../../src/export/PrintView';
import { printLayout } from '../../src/export/printLayout';
import { defineStep, unchangedStep, type MigrationStep } from '../../src/model/migrations';
import { restoreMap } from '../../src/model/restore';
import { SAMPLES } from '../../src/model/samples';
import { CURRENT_SCHEMA_VERSION, type JourneyMap, type Persona } from '../../src/model/schema';
import newerFixture from '../fixtures/import/newer-version.journey.json?raw';
import notJsonFixture from '../fixtures/import/not-json.journey.json?raw';
import missingFieldsFixture from '../fixtures/import/current-version-missing-fields.journey.json?raw';
import truncatedFixture from '../fixtures/import/truncated.journey.json?raw';
import wrongFormatFixture from '../fixtures/import/wrong-format.json?raw';
import wrongTypeFixture from '../fixtures/import/wrong-type-in-card.journey.json?raw';
import xssFixture from '../fixtures/import/xss-card.journey.json?raw';
import { schemaValidator } from './ajv';
import { mapArb, persona, personaArb, TEXTS, wideMap } from './arbitraries';

const validate = schemaValidator();
const NOW = new Date('2025-03-01T12:00:00.000Z');
// The smallest PNG: 1x1 transparent pixel.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function ok(result: ImportResult) {
  if (result.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result.errors, null, 2)}`);
  return result;
}

/** A refusal, its errors as the interface says them in English (`raw`: as parseImport gives them). */
function failed(result: ImportResult) {
  if (result.kind !== 'error') throw new Error('expected an error');
  return { ...result, raw: result.errors, errors: result.errors.map((e) => ({ path: e.path, message: say(i18n, e.message) })) };
}

function expectValid(text: string) {
  const valid = validate(JSON.parse(text));
  if (!valid) throw new Error(JSON.stringify(validate.errors?.slice(0, 5), null, 2));
}

describe('export', () => {
  it('writes <title>.journey.json with the map, its personas and their images, valid against the published schema', () => {
    const map = wideMap(3, { title: 'แผนที่ / سفر: Hành trình' });
    const kevin = persona('persona-1', 'Kevin', { avatarImageId: 'img-1' });
    const other = persona('persona-2', 'Not linked');
    const images: ExportImage[] = [
      { id: 'img-1', type: 'image/png', dataUrl: PNG },
      { id: 'img-unused', type: 'image/png', dataUrl: PNG },
    ];
    const file = exportMapFile(map, [kevin, other], images, NOW);
    expect(file.filename).toBe('แผนที่ - سفر- Hành trình.journey.json');
    const json = JSON.parse(file.text);
    expect(json).toMatchObject({ format: 'journeyboard', schemaVersion: CURRENT_SCHEMA_VERSION, exportedAt: NOW.toISOString(), kind: 'map' });
    expect(json.personas.map((p: Persona) => p.id)).toEqual(['persona-1']);
    expect(json.images.map((i: ExportImage) => i.id)).toEqual(['img-1']);
    expectValid(file.text);
  });

  it('writes persona and library files that validate too', () => {
    const p = persona('persona-1', 'مریم احمدی');
    const personaFile = exportPersonaFile(p, [], NOW);
    expect(personaFile.filename).toBe('مریم احمدی.persona.json');
    expectValid(personaFile.text);
    const library = exportLibraryFile([wideMap(2), { ...wideMap(3), id: 'other' }], [p], [], NOW);
    expect(library.filename).toBe('journeyboard-backup-2025-03-01.json');
    expectValid(library.text);
  });

  it('the JSON Schema rejects what the model rejects (a wrong type in a card)', () => {
    const file = JSON.parse(exportMapFile(wideMap(2), [], [], NOW).text);
    file.map.cards[2].score = 'very happy';
    expect(validate(file)).toBe(false);
  });
});

describe('import', () => {
  it('reads a valid file back whole', () => {
    const map = wideMap(4);
    const p = persona('persona-1', 'Kevin', { avatarImageId: 'img-1' });
    const result = ok(parseImport(exportMapFile(map, [p], [{ id: 'img-1', type: 'image/png', dataUrl: PNG }], NOW).text));
    expect(result.source).toBe('map');
    expect(result.exportedAt).toBe(NOW.toISOString());
    expect(result.maps).toEqual([map]);
    expect(result.personas).toEqual([p]);
    expect(result.images).toEqual([{ id: 'img-1', type: 'image/png', dataUrl: PNG }]);
  });

  it('a current-version file with missing fields gets their defaults', () => {
    // A file of the current version: this is the restore step filling defaults, not a migration.
    // Migrations through an import are tested below.
    expect(JSON.parse(missingFieldsFixture).map.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    const result = ok(parseImport(missingFieldsFixture));
    const [map] = result.maps;
    expect(map!.description).toBe('');
    expect(map!.direction).toBe('ltr');
    expect(map!.language).toBe('en');
    expect(map!.personaIds).toEqual([]);
    expect(map!.connections).toEqual([]);
    expect(map!.channels.length).toBeGreaterThan(10);
    expect(map!.stages[0]).toMatchObject({ name: 'Nhận biết', description: '', notes: '' });
    expect(map!.cards.find((c) => c.id === 'c2')).toMatchObject({ kind: 'pain', severity: 'medium', text: '' });
    expect(map!.cards.find((c) => c.id === 'c1')).toMatchObject({ kind: 'touchpoint', channel: null, owner: '' });
    expect(result.personas[0]).toMatchObject({ name: 'Nguyễn Văn An', goals: [], age: null, avatarImageId: null });
  });

  it('migrates an old-version file through the same chain as loading (a test registry: 1 → 2 → 3)', () => {
    // Frozen shapes of a test-only history: v1 called the title "heading" and a stage's name "label".
    interface MapV1 { heading: string; stages: { label: string }[]; [k: string]: unknown }
    interface MapV2 { title: string; stages: { label: string }[]; [k: string]: unknown }
    const log: string[] = [];
    const mapSteps: MigrationStep[] = [
      defineStep<MapV1, MapV2>({
        from: 1,
        to: 2,
        name: 'heading-to-title',
        migrate: ({ heading, ...rest }) => (log.push('heading-to-title'), { ...rest, title: heading }),
      }),
      defineStep<MapV2, Record<string, unknown>>({
        from: 2,
        to: 3,
        name: 'stage-label-to-name',
        migrate: (old) => (log.push('stage-label-to-name'), { ...old, stages: old.stages.map(({ label, ...s }) => ({ ...s, name: label })) }),
      }),
    ];
    const personaSteps = [unchangedStep(1, 'persona-v2'), unchangedStep(2, 'persona-v3')].map((step) => ({
      ...step,
      migrate: (old: Record<string, unknown>) => (log.push(step.name), step.migrate(old)),
    }));
    const registry = { current: 3, map: mapSteps, persona: personaSteps };

    // A file as version 1 wrote it.
    const map = wideMap(2, { title: 'Hành trình / سفر' });
    const kevin = persona('persona-1', 'Kevin');
    const file = JSON.parse(exportMapFile(map, [kevin], [], NOW).text);
    const { title, language: _language, ...rest } = file.map;
    file.schemaVersion = 1;
    file.map = { ...rest, schemaVersion: 1, heading: title, stages: rest.stages.map(({ name, ...s }: { name: string }) => ({ ...s, label: name })) };
    file.personas = file.personas.map((p: object) => ({ ...p, schemaVersion: 1 }));
    const text = JSON.stringify(file);

    const result = ok(parseImport(text, { migrations: registry }));
    expect(log).toEqual(['heading-to-title', 'stage-label-to-name', 'persona-v2', 'persona-v3']);
    expect(result.maps[0]).toEqual({ ...map, schemaVersion: 3 });
    expect(result.personas[0]).toEqual({ ...kevin, schemaVersion: 3 });
    // The same import, as the model's restore sees the map on its own.
    expect(restoreMap(file.map, { steps: mapSteps, current: 3 })).toMatchObject({ kind: 'ok', migratedFrom: 1 });

    // A registry missing a step is an error at the document's schemaVersion, and nothing is imported.
    const broken = failed(parseImport(text, { migrations: { ...registry, map: mapSteps.slice(0, 1) } }));
    expect(broken.errors).toContainEqual({ path: 'map.schemaVersion', message: 'this build cannot upgrade documents of schema version 2 (no migration 2 → 3)' });
    // And a file newer than the registry's current version is refused.
    expect(failed(parseImport(JSON.stringify({ ...file, schemaVersion: 4 }), { migrations: registry })).reason).toBe('newer');
  });

  it('reads a missing schemaVersion the same way in the envelope as in a document: as version 1', () => {
    const file = JSON.parse(exportMapFile(wideMap(1), [persona('persona-1', 'Kevin')], [], NOW).text);
    const withoutVersion = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([k]) => k !== 'schemaVersion'));
    // The document rule (src/model): missing -> version 1.
    expect(restoreMap(withoutVersion(file.map)).kind).toBe('ok');
    // The envelope follows it: without schemaVersion anywhere, the file imports whole.
    const bare = { ...withoutVersion(file), map: withoutVersion(file.map), personas: file.personas.map(withoutVersion) };
    expect(ok(parseImport(JSON.stringify(bare))).maps[0]).toEqual(file.map);
    // Present but not a whole number >= 1: refused, with the same message in both places.
    for (const bad of ['1', 0, 1.5, null]) {
      const envelope = failed(parseImport(JSON.stringify({ ...file, schemaVersion: bad })));
      const document = restoreMap({ ...file.map, schemaVersion: bad });
      expect(document.kind).toBe('invalid');
      expect(envelope.errors).toEqual([
        { path: 'schemaVersion', message: document.kind === 'invalid' ? say(i18n, document.errors[0]!.message) : '' },
      ]);
    }
  });

  it('refuses a file from a newer version, saying so', () => {
    const result = failed(parseImport(newerFixture));
    expect(result.reason).toBe('newer');
    expect(result.errors[0]!.message).toMatch(/made by a newer version of Journeyboard \(schema 99\); update the app/);
  });

  it('refuses a newer document inside a current envelope, saying which one', () => {
    const file = JSON.parse(exportMapFile(wideMap(1), [], [], NOW).text);
    file.map.schemaVersion = 7;
    const result = failed(parseImport(JSON.stringify(file)));
    expect(result.reason).toBe('newer');
    expect(result.errors).toEqual([
      { path: 'map', message: 'this map was made by a newer version of Journeyboard (schema 7); update the app to import the file. Nothing was imported.' },
    ]);
    expect(formatImportErrors(i18n, result.raw)[0]).toMatch(/^map: this map was made by a newer version/);

    const library = JSON.parse(exportLibraryFile([wideMap(1), { ...wideMap(2), id: 'b' }, { ...wideMap(3), id: 'c' }], [persona('p', 'P')], [], NOW).text);
    library.maps[2].schemaVersion = 9;
    library.personas[0].schemaVersion = 8;
    expect(failed(parseImport(JSON.stringify(library))).errors.map((e) => [e.path, e.message.slice(0, 40)])).toEqual([
      ['maps[2]', 'this map was made by a newer version of '],
      ['personas[0]', 'this persona was made by a newer version'],
    ]);
  });

  it('refuses a truncated file with a clear message', () => {
    const result = failed(parseImport(truncatedFixture));
    expect(result.reason).toBe('not-json');
    expect(result.errors[0]!.message).toMatch(/ends too early \(at line \d+, column \d+\)/);
    expect(result.errors[0]!.message).toMatch(/Nothing was imported/);
  });

  it('lists a wrong type in one card with its path', () => {
    const result = failed(parseImport(wrongTypeFixture));
    expect(result.reason).toBe('invalid');
    const paths = result.errors.map((e) => e.path);
    expect(paths.some((p) => p.startsWith('map.cards[3]'))).toBe(true);
    expect(formatImportErrors(i18n, result.raw).join('\n')).toMatch(/^map\.cards\[3\]/m);
  });

  it('refuses a 50 MB file before parsing it', () => {
    const huge = `{"format":"journeyboard","pad":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const parse = vi.spyOn(JSON, 'parse');
    const result = failed(parseImport(huge));
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect(result.reason).toBe('too-large');
    expect(result.errors[0]!.message).toMatch(/The file is 50\.0 MB; Journeyboard imports files up to 20\.0 MB\. Nothing was imported\./);
  });

  it('reads a library backup over 20 MB (backups hold every map and photo), but no other file', () => {
    // 1,100 cards of 20,000 characters: a 21 MB library.
    const big = { ...wideMap(1), connections: [] };
    big.cards = Array.from({ length: 1100 }, (_, i) => ({ id: `c${i}`, kind: 'text' as const, stageId: 'stage-1', laneId: 'lane-text', order: i, text: 'x'.repeat(20_000) }));
    const backup = exportLibraryFile([big], [], [], NOW);
    expect(backup.text.length).toBeGreaterThan(21 * 1024 * 1024);
    expect(backupTooLargeToRestore(backup)).toBeNull();
    expect(ok(parseImport(backup.text)).maps[0]!.cards).toHaveLength(1100);

    // The same map as a map file is refused, before parsing.
    const parse = vi.spyOn(JSON, 'parse');
    expect(failed(parseImport(exportMapFile(big, [], [], NOW).text)).errors[0]!.message).toMatch(/^The file is 21\.\d MB; Journeyboard imports files up to 20\.0 MB/);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    // A file that starts like a backup but is not one (a second "kind" wins in JSON) is held to 20 MB.
    const disguised = backup.text.replace(/\n}\n$/, ',\n"kind": "map", "map": {}\n}\n');
    expect(failed(parseImport(disguised)).reason).toBe('too-large');
    // Over the backup limit: refused, saying it is the backup limit.
    const small = failed(parseImport(backup.text, { maxBackupBytes: 1024 * 1024 }));
    expect(small.errors[0]!.message).toMatch(/^The backup is 21\.\d MB; Journeyboard restores backups up to 1\.0 MB\. Nothing was imported\.$/);
    // It builds and parses 21 MB several times: about a second alone, many on a busy 2-core machine.
  }, 60_000);

  it('"Back up library" knows when its file could not be restored: larger than an import reads', () => {
    const backup = exportLibraryFile([wideMap(3)], [persona('p', 'مریم')], [], NOW);
    const bytes = new TextEncoder().encode(backup.text).length;
    expect(backupTooLargeToRestore(backup)).toBeNull();
    expect(backupTooLargeToRestore(backup, bytes)).toBeNull();
    expect(backupTooLargeToRestore(backup, bytes - 1)).toEqual({ bytes, maxBytes: bytes - 1 });
    // The same limit the import applies: what the check lets through imports, what it stops is refused.
    expect(parseImport(backup.text, { maxBackupBytes: bytes }).kind).toBe('ok');
    expect(failed(parseImport(backup.text, { maxBackupBytes: bytes - 1 })).reason).toBe('too-large');
  });

  it('counts bytes, not characters: 8 M Thai letters are 24 MB of UTF-8', () => {
    const thai = `"${'ก'.repeat(8 * 1024 * 1024)}"`;
    expect(failed(parseImport(thai)).reason).toBe('too-large');
  });

  it('refuses a large file without reading it (only its first few KB, to see whether it is a backup)', async () => {
    const text = vi.fn();
    const start = new Blob([exportMapFile(wideMap(1), [], [], NOW).text.slice(0, 4096)]);
    const slice = vi.fn(() => start);
    const fake = { size: 50 * 1024 * 1024, text, slice } as unknown as Blob;
    const result = failed(await parseImportFile(fake));
    expect(result.reason).toBe('too-large');
    expect(text).not.toHaveBeenCalled();
    expect(slice).toHaveBeenCalledWith(0, 4096);
    // A backup larger than the backup limit is not read either.
    const backupStart = new Blob([exportLibraryFile([wideMap(1)], [], [], NOW).text.slice(0, 4096)]);
    const hugeBackup = { size: 300 * 1024 * 1024, text, slice: () => backupStart } as unknown as Blob;
    expect(failed(await parseImportFile(hugeBackup)).errors[0]!.message).toMatch(/^The backup is 300\.0 MB; Journeyboard restores backups up to 200\.0 MB/);
    expect(text).not.toHaveBeenCalled();
    const small = ok(await parseImportFile(new Blob([exportMapFile(wideMap(1), [], [], NOW).text])));
    expect(small.maps).toHaveLength(1);
  });

  it('refuses a file that is not JSON, with the position', () => {
    const result = failed(parseImport(notJsonFixture));
    expect(result.reason).toBe('not-json');
    expect(result.errors[0]!.message).toMatch(/not valid JSON at line 1, column 1/);
    expect(failed(parseImport('{"a": 1,\n  "b": }')).errors[0]!.message).toMatch(/line 2, column 8/);
    expect(failed(parseImport('')).errors[0]!.message).toMatch(/empty/);
  });

  it('refuses JSON that is not a Journeyboard file', () => {
    const result = failed(parseImport(wrongFormatFixture));
    expect(result.reason).toBe('not-journeyboard');
    expect(result.errors[0]!.message).toMatch(/not a Journeyboard file \(its format is "excalidraw"\)/);
    expect(failed(parseImport('[1,2,3]')).reason).toBe('not-journeyboard');
  });

  it('keeps markup in texts as plain text: nothing runs when it is shown', () => {
    const result = ok(parseImport(xssFixture));
    const [map] = result.maps;
    expect(map!.cards[0]!.text).toBe('<img src=x onerror=alert(1)>');
    expect(map!.title).toBe('<script>alert(1)</script>');
    const alert = vi.spyOn(window, 'alert').mockImplementation(() => {});
    const { container } = render(<PrintView map={map!} personas={[]} layout={printLayout(i18n, map!, [])} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(alert).not.toHaveBeenCalled();
    alert.mockRestore();
  });

  it('accepts a byte-order mark', () => {
    ok(parseImport(`\uFEFF${exportMapFile(wideMap(1), [], [], NOW).text}`));
  });

  it('accepts only embedded PNG, JPEG and WebP images', () => {
    const file = (images: unknown[]) => JSON.stringify({ ...JSON.parse(exportPersonaFile(persona('p', 'P'), [], NOW).text), images });
    expect(ok(parseImport(file([{ id: 'a', type: 'image/png', dataUrl: PNG }]))).images).toHaveLength(1);
    const svg = `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')}`;
    const cases: [unknown, RegExp][] = [
      [{ id: 'a', type: 'image/svg+xml', dataUrl: svg }, /SVG/],
      [{ id: 'a', type: 'image/png', dataUrl: 'https://example.com/a.png' }, /only embedded images/],
      [{ id: 'a', type: 'image/png', dataUrl: `data:image/png;base64,${btoa('<svg onload=alert(1)>')}` }, /does not contain image\/png data/],
      [{ id: 'a', type: 'image/jpeg', dataUrl: PNG }, /entry's type is image\/jpeg/],
      [{ id: 'a', type: 'image/png', dataUrl: 'data:image/png;base64,@@@@' }, /base64/],
    ];
    for (const [image, message] of cases) {
      const result = failed(parseImport(file([image])));
      expect(result.reason).toBe('invalid');
      expect(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')).toMatch(message);
      expect(result.errors[0]!.path).toMatch(/^images\[0\]/);
    }
  });

  it('images go to Blobs and back unchanged', async () => {
    const blob = exportImageToBlob({ id: 'a', type: 'image/png', dataUrl: PNG });
    expect(blob.type).toBe('image/png');
    expect(await blobToExportImage('a', blob)).toEqual({ id: 'a', type: 'image/png', dataUrl: PNG });
  });

  it('refuses duplicate ids in a library file and a persona file with two personas', () => {
    const text = exportLibraryFile([wideMap(1), wideMap(1)], [], [], NOW).text;
    const result = failed(parseImport(text));
    expect(result.errors).toContainEqual({ path: 'maps[1].id', message: expect.stringMatching(/appears twice/) });
    const two = JSON.parse(exportPersonaFile(persona('a', 'A'), [], NOW).text);
    two.personas.push(persona('b', 'B'));
    expect(failed(parseImport(JSON.stringify(two))).errors[0]!.path).toBe('personas');
  });

  it('stops at a wrong kind or a missing map', () => {
    const base = { format: 'journeyboard', schemaVersion: 1, exportedAt: NOW.toISOString(), personas: [], images: [] };
    expect(failed(parseImport(JSON.stringify({ ...base, kind: 'board' }))).errors[0]!.path).toBe('kind');
    expect(failed(parseImport(JSON.stringify({ ...base, kind: 'map' }))).errors[0]).toEqual({ path: 'map', message: 'is missing' });
  });
});

describe('round trip: export then import gives the same documents', () => {
  it('over generated maps and personas', () => {
    fc.assert(
      fc.property(mapArb, fc.array(personaArb, { maxLength: 3 }), (map, personas) => {
        const linked = { ...map, personaIds: personas.map((p) => p.id) };
        const file = exportMapFile(linked, personas, [], NOW);
        expectValid(file.text);
        const result = ok(parseImport(file.text));
        expect(result.maps).toEqual([linked]);
        expect(result.personas).toEqual(personas);
      }),
      { numRuns: 150 },
    );
  });

  it('over a whole library', () => {
    fc.assert(
      fc.property(fc.uniqueArray(mapArb, { maxLength: 4, selector: (m) => m.id }), fc.uniqueArray(personaArb, { maxLength: 3, selector: (p) => p.id }), (maps, personas) => {
        const result = ok(parseImport(exportLibraryFile(maps, personas, [], NOW).text));
        expect(result.source).toBe('library');
        expect(result.maps).toEqual(maps);
        expect(result.personas).toEqual(personas);
      }),
      { numRuns: 40 },
    );
  });

  it.each(SAMPLES.map((s) => [s.id, s] as const))('over the sample %s', (_id, sample) => {
    const map: JourneyMap = sample.build();
    const file = exportMapFile(map, [], [], NOW);
    expectValid(file.text);
    const result = ok(parseImport(file.text));
    expect(result.maps[0]).toEqual(map);
    expect(JSON.stringify(result.maps[0])).toBe(JSON.stringify(map));
  });

  it('keeps Thai, Persian and Vietnamese texts byte for byte', () => {
    const map = wideMap(4);
    const result = ok(parseImport(exportMapFile(map, [], [], NOW).text));
    const texts = result.maps[0]!.cards.map((c) => c.text).join('\n');
    for (const t of Object.values(TEXTS)) expect(texts).toContain(t);
  });
});
