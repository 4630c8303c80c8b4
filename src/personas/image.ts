/**
 * Persona photos: what is accepted, and how it is made small before it is stored.
 *
 * A file is judged by its bytes, never by its name or its declared type: a text file
 * renamed "photo.png" is refused, and so is an SVG (it can carry script) whatever it
 * claims to be. Only PNG, JPEG and WebP up to 10 MB pass. Accepted photos are redrawn
 * on a canvas (longest side 512 px), which also drops their metadata (camera, GPS).
 */
import { formatSizeAgainst } from '../app/format';
import { sniffImageType, type ImageType } from '../export/images';
import { MessageError, messageOf, type Message } from '../i18n/message';

export const MAX_AVATAR_BYTES = 10 * 1024 * 1024;
export const AVATAR_SIZE = 512;
/** What the file picker offers; the bytes are checked all the same. */
export const AVATAR_ACCEPT = 'image/png,image/jpeg,image/webp';

/** A refusal carries a message for the interface to word (src/i18n/message.ts). */
export type AvatarCheck = { ok: true; type: ImageType } | { ok: false; message: Message };

/** How many leading bytes are read to recognise a format (WebP needs 12; SVG text a little more). */
const SNIFF_BYTES = 512;

async function readBytes(blob: Blob): Promise<Uint8Array> {
  if (typeof blob.arrayBuffer === 'function') return new Uint8Array(await blob.arrayBuffer());
  // Older DOM shims (and some test environments) only have FileReader.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsArrayBuffer(blob);
  });
}

/** Text that is (or starts like) an SVG document: optional BOM, whitespace, XML prolog or comments, then <svg. */
function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (!head.startsWith('<')) return false;
  return head.includes('<svg') || head.startsWith('<?xml') || head.startsWith('<!doctype svg');
}

function nameOf(file: Blob): string | null {
  return typeof File !== 'undefined' && file instanceof File && file.name ? file.name : null;
}

/**
 * Whether a file may become a persona photo. Never throws for a bad file: the answer
 * carries a message to show, naming the file ("“photo.png” is…", or "This file is…").
 */
export async function checkAvatarFile(file: Blob): Promise<AvatarCheck> {
  const name = nameOf(file);
  const called: Message = name ? /*i18n*/ { id: 'image.file.named', values: { name } } : /*i18n*/ { id: 'image.file.unnamed' };
  const svg: AvatarCheck = { ok: false, message: /*i18n*/ { id: 'image.svg', values: { file: called } } };
  const declared = (file.type || '').toLowerCase();
  if (declared === 'image/svg+xml' || /\.svgz?$/i.test(name ?? '')) return svg;
  if (file.size > MAX_AVATAR_BYTES) {
    const sizes = formatSizeAgainst(file.size, MAX_AVATAR_BYTES);
    return { ok: false, message: /*i18n*/ { id: 'image.tooLarge', values: { file: called, size: sizes.size, limit: sizes.limit } } };
  }
  if (file.size === 0) return { ok: false, message: /*i18n*/ { id: 'image.empty', values: { file: called } } };

  let bytes: Uint8Array;
  try {
    bytes = await readBytes(file.slice(0, SNIFF_BYTES));
  } catch {
    return { ok: false, message: /*i18n*/ { id: 'image.unreadable', values: { file: called } } };
  }
  const type = sniffImageType(bytes);
  if (type) return { ok: true, type };
  if (looksLikeSvg(bytes)) return svg;
  const claims = /\.(png|jpe?g|webp)$/i.test(name ?? '') || /^image\/(png|jpeg|webp)$/.test(declared);
  return {
    ok: false,
    message: claims
      ? /*i18n*/ { id: 'image.namedLikeImage', values: { file: called } }
      : /*i18n*/ { id: 'image.notImage', values: { file: called } },
  };
}

/** The size that fits `max` on the longest side, keeping the aspect ratio; never enlarges. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  if (width <= 0 || height <= 0) return { width: 1, height: 1 };
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

const NO_CANVAS: Message = /*i18n*/ { id: 'image.noCanvas' };

function outputType(type: string): ImageType {
  // PNG keeps transparency; everything else is a photo and is smaller as JPEG or WebP.
  if (type === 'image/png' || type === 'image/webp') return type;
  return 'image/jpeg';
}

/**
 * Redraws an image with its longest side at most `max` px and returns it as a new Blob.
 * Throws a MessageError (src/i18n/message.ts) when the browser cannot decode or draw it.
 */
export async function resizeImage(blob: Blob, max = AVATAR_SIZE): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' });
  } catch {
    throw new MessageError(
      /*i18n*/ { id: 'image.undecodable' },
      'The image could not be read: it may be damaged or in a format this browser cannot open.',
    );
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, max);
    const type = outputType(blob.type || 'image/png');
    const quality = type === 'image/png' ? undefined : 0.9;
    if (typeof OffscreenCanvas !== 'undefined') {
      const canvas = new OffscreenCanvas(size.width, size.height);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new MessageError(NO_CANVAS, 'This browser cannot draw images (no 2D canvas).');
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(bitmap, 0, 0, size.width, size.height);
      return await canvas.convertToBlob({ type, quality });
    }
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new MessageError(NO_CANVAS, 'This browser cannot draw images (no 2D canvas).');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((out) => (out ? resolve(out) : reject(new MessageError(NOT_RESIZED, 'The image could not be resized.'))), type, quality),
    );
  } finally {
    bitmap.close();
  }
}

const NOT_RESIZED: Message = /*i18n*/ { id: 'image.notResized' };

export type PreparedAvatar = { ok: true; blob: Blob } | { ok: false; message: Message };

/** Check, then resize: the one call the editor makes. Nothing is stored here. */
export async function prepareAvatar(file: Blob, resize: (blob: Blob, max: number) => Promise<Blob> = resizeImage): Promise<PreparedAvatar> {
  const check = await checkAvatarFile(file);
  if (!check.ok) return check;
  try {
    // The sniffed type, not the declared one, decides how the photo is re-encoded.
    const typed = file.type === check.type ? file : new Blob([file], { type: check.type });
    return { ok: true, blob: await resize(typed, AVATAR_SIZE) };
  } catch (err) {
    return { ok: false, message: messageOf(err) ?? NOT_RESIZED };
  }
}
