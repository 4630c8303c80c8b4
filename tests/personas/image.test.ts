import { describe, expect, it, vi } from 'vitest';
import { i18n } from '../../src/i18n';
import { MessageError, say } from '../../src/i18n/message';
import { checkAvatarFile as check, fitWithin, MAX_AVATAR_BYTES, prepareAvatar, type AvatarCheck } from '../../src/personas/image';

/** The check, its refusal as the interface says it in English. */
async function checkAvatarFile(f: Blob): Promise<{ ok: true; type: string } | { ok: false; message: string }> {
  const result: AvatarCheck = await check(f);
  return result.ok ? result : { ok: false, message: say(i18n, result.message) };
}

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0];
const WEBP_HEAD = [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50, 0x56, 0x50, 0x38, 0x20];

function file(bytes: number[] | string, name: string, type = ''): File {
  const part = typeof bytes === 'string' ? bytes : new Uint8Array(bytes);
  return new File([part], name, { type });
}

/** A file that reports a size without holding the bytes (so the test does not allocate 10 MB). */
function bigFile(size: number, name: string, type: string): File {
  const f = file(PNG_HEAD, name, type);
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('checkAvatarFile', () => {
  it('accepts PNG, JPEG and WebP by their bytes', async () => {
    await expect(checkAvatarFile(file(PNG_HEAD, 'a.png', 'image/png'))).resolves.toEqual({ ok: true, type: 'image/png' });
    await expect(checkAvatarFile(file(JPEG_HEAD, 'a.jpg', 'image/jpeg'))).resolves.toEqual({ ok: true, type: 'image/jpeg' });
    await expect(checkAvatarFile(file(WEBP_HEAD, 'a.webp', 'image/webp'))).resolves.toEqual({ ok: true, type: 'image/webp' });
  });

  it('goes by the bytes, not the name or declared type: a PNG named .txt passes', async () => {
    await expect(checkAvatarFile(file(PNG_HEAD, 'notes.txt', 'text/plain'))).resolves.toEqual({ ok: true, type: 'image/png' });
    await expect(checkAvatarFile(file(JPEG_HEAD, 'photo', ''))).resolves.toEqual({ ok: true, type: 'image/jpeg' });
  });

  it('refuses a text file renamed .png, with a clear message', async () => {
    const result = await checkAvatarFile(file('Hello, this is not a picture.\n', 'photo.png', 'image/png'));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toContain('“photo.png”');
      expect(result.message).toMatch(/not a PNG, JPEG or WebP image/);
    }
  });

  it('refuses other binary formats (GIF, PDF)', async () => {
    const gif = await checkAvatarFile(file('GIF89a\x01\x00\x01\x00', 'anim.gif', 'image/gif'));
    expect(gif).toMatchObject({ ok: false });
    const pdf = await checkAvatarFile(file('%PDF-1.7\n', 'cv.pdf', 'application/pdf'));
    expect(pdf.ok).toBe(false);
    if (!pdf.ok) expect(pdf.message).toMatch(/is not a PNG, JPEG or WebP image/);
  });

  it('refuses SVG whatever it is called or claims to be', async () => {
    const svg = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
    for (const f of [
      file(svg, 'logo.svg', 'image/svg+xml'),
      file(svg, 'logo.png', 'image/png'),
      file(`\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"/>`, 'face.jpg', ''),
      file(PNG_HEAD, 'sneaky.svg', ''),
    ]) {
      const result = await checkAvatarFile(f);
      expect(result.ok, f.name).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/SVG is not accepted/);
    }
  });

  it('refuses files over 10 MB and accepts exactly 10 MB', async () => {
    const over = await checkAvatarFile(bigFile(MAX_AVATAR_BYTES + 1, 'huge.png', 'image/png'));
    expect(over.ok).toBe(false);
    // One byte over: the sizes differ in the message too.
    if (!over.ok) expect(over.message).toMatch(/is 10,485,761 bytes; photos can be at most 10,485,760 bytes \(10\.0 MB\)/);
    await expect(checkAvatarFile(bigFile(MAX_AVATAR_BYTES, 'big.png', 'image/png'))).resolves.toMatchObject({ ok: true });
  });

  it('refuses an empty file', async () => {
    const result = await checkAvatarFile(file([], 'empty.png', 'image/png'));
    expect(result).toMatchObject({ ok: false });
  });

  it('refuses a truncated signature (only part of the PNG magic)', async () => {
    await expect(checkAvatarFile(file(PNG_HEAD.slice(0, 4), 'cut.png', 'image/png'))).resolves.toMatchObject({ ok: false });
  });
});

describe('fitWithin', () => {
  it('keeps the aspect ratio with the longest side at most max', () => {
    expect(fitWithin(2048, 1024, 512)).toEqual({ width: 512, height: 256 });
    expect(fitWithin(600, 1200, 512)).toEqual({ width: 256, height: 512 });
    expect(fitWithin(1000, 1000, 512)).toEqual({ width: 512, height: 512 });
  });
  it('never enlarges and never returns zero', () => {
    expect(fitWithin(100, 40, 512)).toEqual({ width: 100, height: 40 });
    expect(fitWithin(5000, 1, 512)).toEqual({ width: 512, height: 1 });
    expect(fitWithin(0, 0, 512)).toEqual({ width: 1, height: 1 });
  });
});

describe('prepareAvatar', () => {
  it('resizes an accepted file, typed by its bytes', async () => {
    const resize = vi.fn(async (b: Blob, _max: number) => new Blob(['small'], { type: b.type }));
    const result = await prepareAvatar(file(PNG_HEAD, 'odd-name.bin', 'application/octet-stream'), resize);
    expect(result.ok).toBe(true);
    expect(resize).toHaveBeenCalledOnce();
    expect(resize.mock.calls[0]?.[0].type).toBe('image/png');
    expect(resize.mock.calls[0]?.[1]).toBe(512);
  });
  it('does not resize a refused file', async () => {
    const resize = vi.fn(async (b: Blob) => b);
    const result = await prepareAvatar(file('just text', 'a.png', 'image/png'), resize);
    expect(result.ok).toBe(false);
    expect(resize).not.toHaveBeenCalled();
  });
  it('turns a decoding failure into a message', async () => {
    const undecodable = { id: 'image.undecodable' };
    const result = await prepareAvatar(file(PNG_HEAD, 'broken.png', 'image/png'), async () => {
      throw new MessageError(undecodable, 'The image could not be read.');
    });
    expect(result).toEqual({ ok: false, message: undecodable });
    if (!result.ok) expect(say(i18n, result.message)).toBe('The image could not be read: it may be damaged or in a format this browser cannot open.');
    // A failure that says nothing of its own: the resize failed.
    const other = await prepareAvatar(file(PNG_HEAD, 'broken.png', 'image/png'), async () => {
      throw new TypeError('x is undefined');
    });
    expect(!other.ok && say(i18n, other.message)).toBe('The image could not be resized.');
  });
});
