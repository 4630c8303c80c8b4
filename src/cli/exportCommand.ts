/**
 * `journeyboard export <file> --format json|csv|html [--out path] [--map id]`: the command line's
 * exporter. It reads the file through the app's import chain (parseImport: migrate, validate,
 * invariants), so a file the app would refuse is refused here with the same list of errors, and
 * writes the app's own export of the map. Nothing is written unless the whole export succeeded.
 *
 * The command is plain TypeScript over a small `CliIo` (files, paths, output lines): bin/journeyboard.mjs
 * gives it Node's, and the logic stays free of Node like the rest of src.
 *
 * Exit codes: 0 written, 1 the file cannot be exported (or written), 2 the command line is wrong.
 */
import { formatImportErrors, parseImport, type ImportResult } from '../export/envelope';
import { i18nFor } from '../i18n';
import type { JourneyMap } from '../model/schema';
import { FORMATS, isFormatName, type FormatName, type WebAssets } from './formats';

export interface CliIo {
  /** The file's text, decoded as UTF-8. */
  readText(path: string): Promise<string>;
  /** Writes the whole file or nothing (a failed write leaves no partial file). */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  isDirectory(path: string): Promise<boolean>;
  /** An absolute path, as Node's path.resolve(cwd, ...parts). */
  resolve(...parts: string[]): string;
  out(line: string): void;
  err(line: string): void;
  /** The viewer template and font files a web page embeds. */
  web: WebAssets;
  /** The environment, for SOURCE_DATE_EPOCH. */
  env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

export function helpText(): string[] {
  const names = Object.keys(FORMATS) as FormatName[];
  const width = Math.max(...names.map((n) => n.length));
  return [
    'Usage: journeyboard export <file.journey.json> --format json|csv|html [--out <path>] [--map <id>]',
    '',
    'Exports a Journeyboard map file (or one map of a library backup) the way the app does.',
    'The file is checked as the app checks an import: an old file is migrated, a file from a newer',
    'Journeyboard or a broken one is refused with the list of what is wrong, and nothing is written.',
    '',
    'Formats:',
    ...names.map((n) => `  ${n.padEnd(width)}  ${FORMATS[n].summary}`),
    '',
    'Options:',
    '  --format <name>  what to write (required)',
    "  --out <path>     the file to write, or a folder to write the app's file name into;",
    "                   default: the app's file name in the current folder. An existing file is",
    '                   replaced, except the input file itself.',
    '  --map <id>       which map of a library backup to export; a backup with several maps',
    '                   is refused without it (the error lists their ids and titles)',
    '  -h, --help       this text',
    '',
    'SOURCE_DATE_EPOCH (seconds), when set, is the export time written into a JSON file, so that',
    'the same input gives the same bytes. The path written is printed on success.',
    'Exit status: 0 written, 1 the file cannot be exported or written, 2 a wrong command line.',
  ];
}

interface ExportArgs {
  file: string;
  format: FormatName;
  out: string | null;
  mapId: string | null;
}

type Parsed = { kind: 'help' } | { kind: 'export'; args: ExportArgs } | { kind: 'usage'; message: string };

const OPTIONS = ['--format', '--out', '--map'] as const;
type Option = (typeof OPTIONS)[number];

export function parseArgs(argv: readonly string[]): Parsed {
  if (argv.length === 0) return { kind: 'usage', message: 'Say what to do: journeyboard export <file> --format json|csv|html' };
  if (argv.some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'export') return { kind: 'usage', message: `Unknown command "${command}"; the command is "export".` };
  const values: Partial<Record<Option, string>> = {};
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if ((OPTIONS as readonly string[]).includes(name)) {
      const value = name === arg ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') return { kind: 'usage', message: `${name} needs a value.` };
      values[name as Option] = value;
    } else if (arg.startsWith('-') && arg !== '-') {
      return { kind: 'usage', message: `Unknown option "${arg}".` };
    } else files.push(arg);
  }
  if (files.length !== 1) {
    return { kind: 'usage', message: files.length === 0 ? 'Name the file to export.' : `Export one file at a time (got ${files.length}).` };
  }
  const format = values['--format'];
  if (format === undefined) return { kind: 'usage', message: `Say which format: --format ${Object.keys(FORMATS).join('|')}.` };
  if (!isFormatName(format)) return { kind: 'usage', message: `Unknown format "${format}"; the formats are ${Object.keys(FORMATS).join(', ')}.` };
  return { kind: 'export', args: { file: files[0]!, format, out: values['--out'] ?? null, mapId: values['--map'] ?? null } };
}

/** Thrown for an export that cannot go on; its lines go to stderr. */
class CannotExport extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}

/** The export time: SOURCE_DATE_EPOCH when set (reproducible output), else now. */
function exportTime(io: CliIo): Date {
  const epoch = io.env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return io.now();
  if (!/^\d+$/.test(epoch)) throw new CannotExport([`SOURCE_DATE_EPOCH must be whole seconds since 1970 (it is "${epoch}").`]);
  return new Date(Number(epoch) * 1000);
}

/** A file-system error as a short reason ("no such file or folder"). */
function reason(err: unknown): string {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'ENOSPC':
      return 'the disk is full';
    default:
      // Messages end with their own full stop; the caller's sentence goes on after it.
      return (err instanceof Error ? err.message : String(err)).replace(/\.$/, '');
  }
}

/** The one map of the file to export, or why there is none. */
function pickMap(result: Extract<ImportResult, { kind: 'ok' }>, mapId: string | null, file: string): JourneyMap {
  const { maps } = result;
  if (mapId !== null) {
    const map = maps.find((m) => m.id === mapId);
    if (map) return map;
    throw new CannotExport([`${file} holds no map with the id "${mapId}".`, ...mapList(maps)]);
  }
  if (maps.length === 1) return maps[0]!;
  if (maps.length === 0) {
    const what = result.source === 'persona' ? 'a persona' : 'no maps';
    throw new CannotExport([`${file} holds ${what}, not a map: there is nothing to export.`]);
  }
  throw new CannotExport([
    `${file} is a library backup with ${maps.length} maps; export one at a time with --map <id>:`,
    ...mapList(maps),
  ]);
}

function mapList(maps: readonly JourneyMap[]): string[] {
  return maps.map((m) => `  ${m.id}  ${m.title || '(untitled)'}`);
}

async function exportFile(args: ExportArgs, io: CliIo): Promise<string> {
  const format = FORMATS[args.format];
  const input = io.resolve(args.file);
  let text: string;
  try {
    text = await io.readText(input);
  } catch (err) {
    throw new CannotExport([`Cannot read ${args.file}: ${reason(err)}.`]);
  }
  const result = parseImport(text);
  if (result.kind === 'error') {
    // The command speaks English: the import's errors in the English catalogue's words.
    const english = await i18nFor('en');
    throw new CannotExport([`${args.file} cannot be exported:`, ...formatImportErrors(english, result.errors).map((line) => `  ${line}`)]);
  }
  const map = pickMap(result, args.mapId, args.file);
  let output;
  try {
    output = await format.write({ map, personas: result.personas, images: result.images, now: exportTime(io), web: io.web });
  } catch (err) {
    throw new CannotExport([`Cannot make the ${args.format} file: ${reason(err)}. Nothing was written.`]);
  }

  let target = io.resolve(output.filename);
  if (args.out !== null) {
    const intoFolder = /[\\/]$/.test(args.out) || (await io.isDirectory(io.resolve(args.out)));
    target = intoFolder ? io.resolve(args.out, output.filename) : io.resolve(args.out);
  }
  if (target === input) {
    throw new CannotExport([`Writing ${target} would replace the file being exported; choose another --out. Nothing was written.`]);
  }
  try {
    await io.writeFile(target, output.data);
  } catch (err) {
    throw new CannotExport([`Cannot write ${target}: ${reason(err)}. Nothing was written.`]);
  }
  return target;
}

/** Runs the command line; returns the exit status. Never throws for bad input. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    helpText().forEach((line) => io.out(line));
    return EXIT.ok;
  }
  if (parsed.kind === 'usage') {
    io.err(`journeyboard: ${parsed.message}`);
    io.err('Run "journeyboard --help" for the options.');
    return EXIT.usage;
  }
  try {
    io.out(await exportFile(parsed.args, io));
    return EXIT.ok;
  } catch (err) {
    if (!(err instanceof CannotExport)) throw err;
    err.lines.forEach((line, i) => io.err(i === 0 ? `journeyboard: ${line}` : line));
    return EXIT.failed;
  }
}
