/**
 * Buttons' work, loaded on demand:  const { downloadMapJson } = await import('../export/actions');
 * A failure says what went wrong in the interface's words (`messageOf(err)`, src/i18n/message.ts).
 */
import { i18nFor } from '../i18n';
import { mapLocale } from '../i18n/mapLocale';
import { withoutComments } from '../model/comments';
import { MessageError } from '../i18n/message';
import { exportMapCsv } from './csv';
import { downloadBlob, downloadText } from './download';
import { backupTooLargeToRestore, exportLibraryFile, exportMapFile, MAX_BACKUP_IMPORT_BYTES } from './envelope';
import { blobToExportImage } from './images';
import { loadLibraryForExport, loadMapForExport } from './source';

async function load(mapId: string) {
  const loaded = await loadMapForExport(mapId);
  if (loaded.kind === 'missing') throw new MessageError(/*i18n*/ { id: 'storage.export.missing' }, 'There is no such map in this browser.');
  if (loaded.kind === 'invalid') {
    throw new MessageError(/*i18n*/ { id: 'storage.export.invalid' }, 'This map does not pass the checks and cannot be exported.');
  }
  return loaded;
}

/** `<title>.journey.json` with the map's personas and their photos. */
export async function downloadMapJson(mapId: string): Promise<void> {
  const { map, personas, imageBlobs } = await load(mapId);
  const images = await Promise.all(Object.entries(imageBlobs).map(([id, blob]) => blobToExportImage(id, blob)));
  const file = exportMapFile(map, personas, images);
  downloadText(file.filename, file.text, file.mimeType);
}

/** `<title>.zip`: cards.csv, personas.csv and connections.csv, each UTF-8 with BOM. */
export async function downloadMapCsv(mapId: string): Promise<void> {
  const { map, personas } = await load(mapId);
  const file = await exportMapCsv(await i18nFor(mapLocale(map)), map, personas);
  downloadBlob(file.filename, new Blob([file.bytes], { type: file.mimeType }));
}

/**
 * `<title>.html`: the map as one web page that opens anywhere, offline (src/export/webPage.ts). The
 * viewer page and the fonts load only now; the envelope inside is exactly what Export JSON writes.
 */
export async function downloadMapWebPage(mapId: string): Promise<void> {
  const { map, personas, imageBlobs } = await load(mapId);
  const images = await Promise.all(Object.entries(imageBlobs).map(([id, blob]) => blobToExportImage(id, blob)));
  // The team's comments stay out of a page for stakeholders.
  const envelope = exportMapFile(withoutComments(map), personas, images).text;
  const [{ default: template }, { composeWebPage, webPageParts }, { fetchFontBytes }] = await Promise.all([
    import('virtual:journeyboard-viewer'),
    import('./webPage'),
    import('./webFontUrls'),
  ]);
  const parts = await webPageParts(envelope, map);
  const fonts = await fetchFontBytes(parts.fonts);
  const page = composeWebPage(template, envelope, map, parts, (f) => fonts.get(f.path)!);
  downloadText(page.filename, page.html, 'text/html');
}

/**
 * `journeyboard-backup-<date>.json`: every map, persona and photo in one file, restored by importing it.
 * Returns the titles of maps left out because they do not open here (damaged, or from a newer version).
 *
 * An import reads backups up to MAX_BACKUP_IMPORT_BYTES. A backup larger than that could not be
 * restored here, so before writing one, `confirmOversize` is asked (with its size and the limit);
 * without a yes, nothing is written and `written` is false.
 */
export async function downloadLibraryBackup({
  confirmOversize,
  maxBackupBytes = MAX_BACKUP_IMPORT_BYTES,
}: {
  confirmOversize?: (size: { bytes: number; maxBytes: number }) => boolean | Promise<boolean>;
  /** Tests pass a small limit; the app uses the import's. */
  maxBackupBytes?: number;
} = {}): Promise<{
  maps: number;
  personas: number;
  skipped: string[];
  written: boolean;
  tooLargeToRestore: boolean;
}> {
  const { maps, personas, imageBlobs, skipped } = await loadLibraryForExport();
  const images = await Promise.all(Object.entries(imageBlobs).map(([id, blob]) => blobToExportImage(id, blob)));
  const file = exportLibraryFile(maps, personas, images);
  const oversize = backupTooLargeToRestore(file, maxBackupBytes);
  const result = { maps: maps.length, personas: personas.length, skipped, tooLargeToRestore: oversize !== null };
  if (oversize && !(await confirmOversize?.(oversize))) return { ...result, written: false };
  downloadText(file.filename, file.text, file.mimeType);
  return { ...result, written: true };
}
