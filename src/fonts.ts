// Fonts ship with the app (no runtime fetch). Noto Sans covers Latin and Vietnamese,
// Noto Sans Thai covers Thai, Vazirmatn covers Persian. These per-subset files of fontsource
// carry no unicode-range, so Chromium treats the three Noto Sans faces as one family and picks
// each glyph from the face that has it (checked: Latin and Vietnamese text draws wholly in Noto
// Sans); preloadFonts below loads every face anyway. The web page export writes its own rules,
// with ranges (src/export/webPage.ts), because it embeds only the faces a map needs.
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans/vietnamese-400.css';
import '@fontsource/noto-sans/vietnamese-700.css';
import '@fontsource/noto-sans-thai/thai-400.css';
import '@fontsource/noto-sans-thai/thai-700.css';
import '@fontsource/vazirmatn/arabic-400.css';
import '@fontsource/vazirmatn/arabic-700.css';

/** One sample character per face (family, weight and unicode-range) of the list above. */
const FACES: readonly [family: string, sample: string][] = [
  ['Noto Sans', 'A'],
  ['Noto Sans', 'Ā'],
  ['Noto Sans', 'ệ'],
  ['Noto Sans Thai', 'ก'],
  ['Vazirmatn', 'ب'],
];

/**
 * Starts loading every face at once, instead of when text that needs it is first laid
 * out: on a big map each late font re-lays out every card (about 0.4 s on 1,000 cards,
 * `npm run bench`). The files are local (and precached), so this costs no network.
 */
export function preloadFonts(): void {
  const fonts = typeof document === 'undefined' ? undefined : document.fonts;
  if (!fonts?.load) return;
  for (const [family, sample] of FACES) {
    for (const weight of [400, 700]) void fonts.load(`${weight} 16px "${family}"`, sample).catch(() => undefined);
  }
}
