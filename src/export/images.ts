/**
 * Images travel inside export files as data: URLs. Only raster formats are accepted (PNG, JPEG,
 * WebP): no SVG (it can carry script) and no http(s) links (an import must not fetch anything).
 * The declared type must match the bytes, so an SVG labelled "image/png" is refused as well.
 */
import { MessageError, type Message } from '../i18n/message';

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/** A persona photo is small; 8 MB of base64 is already generous. */
export const MAX_IMAGE_DATA_URL_CHARS = 8 * 1024 * 1024;

export interface ExportImage {
  id: string;
  type: ImageType;
  dataUrl: string;
}

const DATA_URL = /^data:(image\/(?:png|jpeg|webp));base64,([A-Za-z0-9+/]*={0,2})$/;

export function isImageType(type: unknown): type is ImageType {
  return typeof type === 'string' && (IMAGE_TYPES as readonly string[]).includes(type);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** The image type the first bytes say, or null for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

function decodeBase64Prefix(base64: string, bytes: number): Uint8Array {
  const chars = Math.ceil(bytes / 3) * 4;
  const binary = atob(base64.slice(0, chars));
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** Why an image entry of a file is refused (a message, src/i18n/message.ts), or null when it is acceptable. */
export function checkDataUrl(dataUrl: unknown, declaredType: unknown): Message | null {
  if (typeof dataUrl !== 'string') return /*i18n*/ { id: 'import.image.notText' };
  if (/^\s*(https?|ftp|file|blob):/i.test(dataUrl)) return /*i18n*/ { id: 'import.image.linked' };
  if (/^data:image\/svg/i.test(dataUrl)) return /*i18n*/ { id: 'import.image.svg' };
  if (dataUrl.length > MAX_IMAGE_DATA_URL_CHARS) {
    return /*i18n*/ { id: 'import.image.tooLarge', values: { megabytes: MAX_IMAGE_DATA_URL_CHARS / 1024 / 1024 } };
  }
  const m = DATA_URL.exec(dataUrl);
  if (!m) return /*i18n*/ { id: 'import.image.notDataUrl' };
  const [, type, base64 = ''] = m;
  if (declaredType !== undefined && type !== declaredType) {
    return /*i18n*/ { id: 'import.image.typeMismatch', values: { type, declared: String(declaredType) } };
  }
  if (base64.length % 4 !== 0) return /*i18n*/ { id: 'import.image.cutOff' };
  let sniffed: ImageType | null;
  try {
    sniffed = sniffImageType(decodeBase64Prefix(base64, 12));
  } catch {
    return /*i18n*/ { id: 'import.image.notBase64' };
  }
  if (sniffed !== type) return /*i18n*/ { id: 'import.image.notThatType', values: { type } };
  return null;
}

function readBlobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

/** A stored Blob as an export image entry (async: it reads the Blob). Throws for types we do not export. */
export async function blobToExportImage(id: string, blob: Blob): Promise<ExportImage> {
  const bytes = new Uint8Array(await readBlobBytes(blob));
  const type = sniffImageType(bytes);
  if (!type) {
    throw new MessageError(/*i18n*/ { id: 'image.notExportable', values: { id } }, `Image ${id} is not a PNG, JPEG or WebP image`);
  }
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return { id, type, dataUrl: `data:${type};base64,${btoa(binary)}` };
}

/** An imported image entry (already checked by parseImport) as a Blob for the images table. */
export function exportImageToBlob(image: ExportImage): Blob {
  const base64 = image.dataUrl.slice(image.dataUrl.indexOf(',') + 1);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: image.type });
}
