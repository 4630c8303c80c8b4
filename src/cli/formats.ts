/**
 * What `journeyboard export --format <name>` can write: one entry per format, each running the app's
 * own exporter (a function of the documents), so a file made here is the file the app makes.
 */
import { exportMapCsv } from '../export/csv';
import { i18nFor } from '../i18n';
import { mapLocale } from '../i18n/mapLocale';
import { exportMapFile } from '../export/envelope';
import type { ExportImage } from '../export/images';
import { composeWebPage, webPageParts } from '../export/webPage';
import type { JourneyMap, Persona } from '../model/schema';
import { withoutComments } from '../model/comments';

/** The documents of the input file that an export of one map needs. */
export interface ExportInput {
  map: JourneyMap;
  /** Every persona of the file; each exporter keeps the map's own. */
  personas: readonly Persona[];
  images: readonly ExportImage[];
  /** The export time written into a JSON file (exportedAt). */
  now: Date;
  web: WebAssets;
}

/** What a web page is made of besides the documents; the command's caller finds them (Node, the build). */
export interface WebAssets {
  /** The built viewer page (dist/viewer.html, the template the app's build also embeds). */
  viewerTemplate(): Promise<string>;
  /** A font file's bytes, by its package-relative path ("@fontsource/…/files/….woff2"). */
  fontBytes(packagePath: string): Promise<Uint8Array>;
}

export interface ExportOutput {
  /** The file name the app gives this export. */
  filename: string;
  data: string | Uint8Array;
}

export interface Format {
  /** One line for --help. */
  summary: string;
  write: (input: ExportInput) => Promise<ExportOutput>;
}

export const FORMATS = {
  json: {
    summary: '<title>.journey.json: the map, its personas and their photos, as "Export JSON" writes it',
    write: async ({ map, personas, images, now }) => {
      const file = exportMapFile(map, personas, images, now);
      return { filename: file.filename, data: file.text };
    },
  },
  csv: {
    summary: '<title>.zip: cards.csv, personas.csv and connections.csv, as "Export CSV" writes it',
    write: async ({ map, personas }) => {
      const file = await exportMapCsv(await i18nFor(mapLocale(map)), map, personas);
      return { filename: file.filename, data: file.bytes };
    },
  },
  html: {
    summary: '<title>.html: the map as one web page that opens anywhere, offline, as "Export web page" writes it',
    write: async ({ map, personas, images, now, web }) => {
      // The team's comments stay out of a page for stakeholders.
      const envelope = exportMapFile(withoutComments(map), personas, images, now).text;
      const parts = await webPageParts(envelope, map);
      const [template, bytes] = await Promise.all([
        web.viewerTemplate(),
        Promise.all(parts.fonts.map(async (f) => [f.path, await web.fontBytes(f.path)] as const)),
      ]);
      const byPath = new Map(bytes);
      const page = composeWebPage(template, envelope, map, parts, (f) => byPath.get(f.path)!);
      return { filename: page.filename, data: page.html };
    },
  },
} as const satisfies Record<string, Format>;

export type FormatName = keyof typeof FORMATS;

export function isFormatName(name: string): name is FormatName {
  return Object.hasOwn(FORMATS, name);
}
