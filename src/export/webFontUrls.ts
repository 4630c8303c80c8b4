/**
 * Where the app's build put each font file the web page export may embed (the same hashed files
 * the app itself loads, so they are local and precached): the browser side of WEB_PAGE_FONTS'
 * package-relative paths. Node reads the same paths from node_modules.
 */
import notoLatin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import notoLatin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import notoLatinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import notoLatinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import notoVietnamese400 from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import notoVietnamese700 from '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2?url';
import notoThai400 from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2?url';
import notoThai700 from '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff2?url';
import vazirArabic400 from '@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2?url';
import vazirArabic700 from '@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2?url';
import type { FontFile } from './webPage';

export const WEB_FONT_URLS: Readonly<Record<string, string>> = {
  '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2': notoLatin400,
  '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2': notoLatin700,
  '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2': notoLatinExt400,
  '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2': notoLatinExt700,
  '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2': notoVietnamese400,
  '@fontsource/noto-sans/files/noto-sans-vietnamese-700-normal.woff2': notoVietnamese700,
  '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2': notoThai400,
  '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff2': notoThai700,
  '@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2': vazirArabic400,
  '@fontsource/vazirmatn/files/vazirmatn-arabic-700-normal.woff2': vazirArabic700,
};

/** The bytes of each file, fetched from the app's own origin. */
export async function fetchFontBytes(files: readonly FontFile[]): Promise<Map<string, Uint8Array>> {
  const entries = await Promise.all(
    files.map(async (f): Promise<[string, Uint8Array]> => {
      const url = WEB_FONT_URLS[f.path];
      if (!url) throw new Error(`No font file for ${f.path}.`);
      const res = await fetch(url);
      if (!res.ok) throw new Error(`The font ${f.path} could not be read (${res.status}).`);
      return [f.path, new Uint8Array(await res.arrayBuffer())];
    }),
  );
  return new Map(entries);
}
