// @vitest-environment node
/** The command line as a user types it: what is understood, and what is refused with which words. */
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/exportCommand';

describe('journeyboard command line', () => {
  it('reads the file, the format and the options, in either spelling and any order', () => {
    expect(parseArgs(['export', '--format=csv', 'แผนที่.journey.json', '--out', 'out/', '--map', 'map-1'])).toEqual({
      kind: 'export',
      args: { file: 'แผนที่.journey.json', format: 'csv', out: 'out/', mapId: 'map-1' },
    });
    expect(parseArgs(['export', 'a.json', '--format', 'json'])).toEqual({ kind: 'export', args: { file: 'a.json', format: 'json', out: null, mapId: null } });
  });

  it('asks for help before anything else', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseArgs(['export', 'a.json', '--format', 'pdf', '-h'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'Say what to do: journeyboard export <file> --format json|csv|html'],
    [['print', 'a.json'], 'Unknown command "print"; the command is "export".'],
    [['export', '--format', 'csv'], 'Name the file to export.'],
    [['export', 'a.json', 'b.json', '--format', 'csv'], 'Export one file at a time (got 2).'],
    [['export', 'a.json'], 'Say which format: --format json|csv|html.'],
    [['export', 'a.json', '--format'], '--format needs a value.'],
    [['export', 'a.json', '--format', 'csv', '--out='], '--out needs a value.'],
    [['export', 'a.json', '--format', 'csv', '--force'], 'Unknown option "--force".'],
  ])('%j is refused: %s', (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: 'usage', message });
  });
});
