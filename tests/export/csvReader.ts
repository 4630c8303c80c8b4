/**
 * Reading the CSV export the way a spreadsheet does, for the unit, CLI and browser tests: the zip is
 * opened with fflate (the library that writes it, but its reader), each file is parsed as RFC 4180.
 */
import { unzipSync } from 'fflate';

/** A small RFC 4180 reader (no BOM handling: callers check and strip it). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

export interface ZippedCsv {
  /** File names in the order the zip holds them. */
  names: string[];
  /** Each file's text as decoded UTF-8, byte-order mark included. */
  texts: Record<string, string>;
  /** Each file as rows of cells (BOM removed). */
  tables: Record<string, string[][]>;
}

export function readCsvZip(bytes: Uint8Array): ZippedCsv {
  const files = unzipSync(bytes);
  const names = Object.keys(files);
  const texts: Record<string, string> = {};
  const tables: Record<string, string[][]> = {};
  for (const name of names) {
    // ignoreBOM: keep the mark, so a test can see that it is there.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(files[name]);
    texts[name] = text;
    tables[name] = parseCsv(text.replace(/^\uFEFF/, ''));
  }
  return { names, texts, tables };
}

/** Rows of a table as objects keyed by its header, as a user reads a spreadsheet. */
export function records(table: readonly string[][]): Record<string, string>[] {
  const [header = [], ...rows] = table;
  return rows.map((row) => Object.fromEntries(header.map((h, i) => [h, row[i] ?? ''])));
}
