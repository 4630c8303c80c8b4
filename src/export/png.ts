/**
 * PNG export: the static print rendering of the whole map, drawn at 2x by html-to-image. The library
 * is loaded on demand (dynamic import), so it costs nothing until someone asks for a PNG.
 * html-to-image is pinned at 1.11.11: 1.11.12 and 1.11.13 drop web fonts and class styles in some cases.
 * A failure is a MessageError: its `descriptor` is for the interface (src/i18n/message.ts).
 */
import { MessageError } from '../i18n/message';

export async function renderPng(node: HTMLElement, pixelRatio = 2): Promise<Blob> {
  await ((document as Partial<Document>).fonts?.ready ?? Promise.resolve());
  const { toBlob } = await import('html-to-image');
  const blob = await toBlob(node, {
    pixelRatio,
    backgroundColor: '#ffffff',
    // Measure the node itself, not the viewport it sits in.
    width: node.scrollWidth,
    height: node.scrollHeight,
  });
  if (!blob) throw new MessageError(/*i18n*/ { id: 'image.pngNotDrawn' }, 'The browser could not draw the map as an image.');
  return blob;
}
