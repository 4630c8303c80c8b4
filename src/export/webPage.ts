/**
 * Export -> Web page: one self-contained .html file holding a map's export envelope (exactly what
 * "Export JSON" writes), the fonts its scripts need and the read-only viewer (src/viewer, built
 * into one HTML file: the template). Pure: no DOM, no Node, so the app and the command line make
 * the same bytes from the same input.
 *
 * The page forbids every request with a Content-Security-Policy (default-src 'none'); the viewer
 * runs because its inline script's SHA-256 is listed, not because inline scripts are allowed, so
 * nothing that ends up in the page as text can run. The envelope sits in a JSON data block with
 * every `<` written as \u003c, so no text (a card saying "</script>") can close the block.
 *
 * The page speaks the map's language (mapLocale): next to the envelope it carries the compiled
 * messages of that one language (those the viewer shows: VIEWER_MESSAGE_PREFIXES), which the viewer
 * activates at start. The other languages' catalogues are never in the page.
 */
import { setupI18n, type I18n, type Messages } from '@lingui/core';
import { loadMessages } from '../i18n';
import { isLocale, type Locale } from '../i18n/locales';
import { mapLocale } from '../i18n/mapLocale';
import { fileStem } from './filename';

/** Where the template takes each part; the viewer's index.html carries these markers. */
export const TEMPLATE_MARKERS = {
  csp: '<!--journeyboard:csp-->',
  fonts: '<!--journeyboard:fonts-->',
  map: '<!--journeyboard:map-->',
} as const;

export const ENVELOPE_ELEMENT_ID = 'journeyboard-map';
/** The JSON data block of the page's messages: {"locale": "fa", "messages": {…compiled…}}. */
export const MESSAGES_ELEMENT_ID = 'journeyboard-messages';

/** The messages a page carries: one language's, compiled (as src/locales/<locale>.po compiles). */
export interface EmbeddedCatalogue {
  locale: Locale;
  messages: Messages;
}

/** The ids the viewer can show: its own, the print view's, the presentation's and the label table's. */
export const VIEWER_MESSAGE_PREFIXES = ['viewer.', 'print.', 'present.', 'label.'] as const;

/** The part of a compiled catalogue the viewer uses. */
export function viewerMessages(messages: Messages): Messages {
  return Object.fromEntries(
    Object.entries(messages)
      .filter(([id]) => VIEWER_MESSAGE_PREFIXES.some((p) => id.startsWith(p)))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
}

/** The page's catalogue for a map: its language's messages, as many as the viewer shows. */
export async function webPageCatalogue(map: { language?: string }): Promise<EmbeddedCatalogue> {
  const locale = mapLocale(map);
  return { locale, messages: viewerMessages(await loadMessages(locale)) };
}

/** The catalogue a page's data block holds (its text as the viewer reads it), or null when it holds none we can use. */
export function parseEmbeddedCatalogue(text: string | null | undefined): EmbeddedCatalogue | null {
  if (!text) return null;
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null) return null;
    const { locale, messages } = data as Record<string, unknown>;
    if (!isLocale(locale) || typeof messages !== 'object' || messages === null || Array.isArray(messages)) return null;
    return { locale, messages: messages as Messages };
  } catch {
    return null;
  }
}

/** An i18n instance of a page's catalogue (the viewer's at start, the page's title here). */
export function catalogueI18n(catalogue: EmbeddedCatalogue): I18n {
  return setupI18n({ locale: catalogue.locale, messages: { [catalogue.locale]: catalogue.messages } });
}

/** Every text of a compiled catalogue (for fontsForText): the strings of its messages, plural forms included. */
export function catalogueTexts(messages: Messages): string[] {
  const out: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(walk);
  };
  walk(messages);
  return out;
}

export interface WebPageOptions {
  title: string;
  /** A BCP 47 tag (en, th, fa, vi); anything else is written as "und". */
  lang: string;
  dir: 'ltr' | 'rtl';
  /** @font-face rules (fontFaceCss); data: URLs only. */
  fontCss: string;
  /** The viewer's words, in the page's language. */
  catalogue: EmbeddedCatalogue;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that no HTML parser can end early: `<` only occurs inside JSON strings, where \u003c means the same. */
export function escapeJsonForHtml(json: string): string {
  return json.replace(/</g, '\\u003c');
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The text of every inline script the browser would run (data blocks and src= scripts excluded). */
export function inlineScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/\bsrc\s*=/i.test(attrs)) continue;
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1]?.toLowerCase();
    if (type && type !== 'module' && type !== 'text/javascript' && type !== 'application/javascript') continue;
    out.push(m[2] ?? '');
  }
  return out;
}

/** The page's policy: nothing from anywhere, except the listed scripts, inline styles and data: fonts and images. */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = scriptHashes.map((h) => `'sha256-${h}'`).join(' ');
  return [
    "default-src 'none'",
    `script-src ${scripts || "'none'"}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function replaceOnce(html: string, marker: string, value: string): string {
  const at = html.indexOf(marker);
  if (at < 0) throw new Error(`The web page template has no ${marker} marker: is it the built viewer (dist/viewer.html)?`);
  // Not String.replace: a value with "$&" in it would be expanded.
  return html.slice(0, at) + value + html.slice(at + marker.length);
}

function safeLang(lang: string): string {
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'und';
}

/** The page: template + envelope + messages + fonts + title/lang/dir + CSP. The same input gives the same bytes. */
export function buildWebPage(template: string, envelopeText: string, opts: WebPageOptions): string {
  if (/<\/style/i.test(opts.fontCss) || opts.fontCss.includes('<')) throw new Error('Font CSS must not contain "<".');
  // Hashed before anything is inserted: only the viewer's own scripts are allowed to run.
  const hashes = inlineScripts(template).map((s) => sha256Base64(s));
  let html = template;
  html = replaceOnce(html, TEMPLATE_MARKERS.csp, `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(hashes)}">`);
  html = replaceOnce(html, TEMPLATE_MARKERS.fonts, `<style id="journeyboard-fonts">${opts.fontCss}</style>`);
  html = replaceOnce(
    html,
    TEMPLATE_MARKERS.map,
    `<script type="application/json" id="${ENVELOPE_ELEMENT_ID}">${escapeJsonForHtml(envelopeText.trim())}</script>` +
      `<script type="application/json" id="${MESSAGES_ELEMENT_ID}">${escapeJsonForHtml(JSON.stringify(opts.catalogue))}</script>`,
  );
  const i18n = catalogueI18n(opts.catalogue);
  const title = opts.title.trim() || i18n._('viewer.untitled');
  html = html.replace(/<title>[\s\S]*?<\/title>/i, () => `<title>${escapeHtml(title)}</title>`);
  const dir = opts.dir === 'rtl' ? 'rtl' : 'ltr';
  html = html.replace(/<html\b[^>]*>/i, () => `<html lang="${safeLang(opts.lang)}" dir="${dir}">`);
  return html;
}

/**
 * The envelope a page made by buildWebPage carries, as JSON text for parseImport; null when the
 * page has none (any other web page).
 */
export function extractEnvelopeText(html: string): string | null {
  const m = /<script\b[^>]*\bid\s*=\s*["']?journeyboard-map["']?[^>]*>([\s\S]*?)<\/script\s*>/i.exec(html);
  if (!m || !/\btype\s*=\s*["']?application\/json/i.test(m[0].slice(0, m[0].indexOf('>')))) return null;
  const text = (m[1] ?? '').trim();
  return text === '' ? null : text;
}

/** Does this text look like a web page rather than JSON? (An import decides how to read it.) */
export function looksLikeHtml(text: string): boolean {
  return /^\uFEFF?\s*<(?:!doctype\s+html|html|head|!--)/i.test(text);
}

// ---------------------------------------------------------------------------------------------
// Fonts: which @fontsource files a map's text needs. Package-relative paths, so the browser
// (`?url` imports, src/export/webFontUrls.ts) and Node (node_modules) embed the same bytes.

export interface FontFile {
  family: 'Noto Sans' | 'Noto Sans Thai' | 'Vazirmatn';
  weight: 400 | 700;
  subset: 'latin' | 'latin-ext' | 'vietnamese' | 'thai' | 'arabic';
  /** Package-relative path of the woff2 file, e.g. "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2". */
  path: string;
  /** The unicode-range of the face, as fontsource writes it. */
  unicodeRange: string;
}

const RANGES = {
  latin:
    'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
  'latin-ext':
    'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
  vietnamese:
    'U+0102-0103,U+0110-0111,U+0128-0129,U+0168-0169,U+01A0-01A1,U+01AF-01B0,U+0300-0301,U+0303-0304,U+0308-0309,U+0323,U+0329,U+1EA0-1EF9,U+20AB',
  thai: 'U+02D7,U+0303,U+0331,U+0E01-0E5B,U+200C-200D,U+25CC',
  // Vazirmatn's arabic face, Basic Multilingual Plane part (the rest is rarely written and still falls back).
  arabic:
    'U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E,U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC',
} as const satisfies Record<FontFile['subset'], string>;

function face(family: FontFile['family'], pkg: string, stem: string, subset: FontFile['subset'], weight: FontFile['weight']): FontFile {
  return { family, weight, subset, path: `@fontsource/${pkg}/files/${stem}-${subset}-${weight}-normal.woff2`, unicodeRange: RANGES[subset] };
}

/**
 * Every face the page may embed, in the order they are declared. Within a family, a later rule is
 * tried first where ranges overlap (CSS Fonts), so latin, then latin-ext, then vietnamese, as
 * fontsource orders them: Vietnamese text takes "ă" from latin-ext only when that face is there.
 */
export const WEB_PAGE_FONTS: readonly FontFile[] = (['vietnamese', 'latin-ext', 'latin'] as const)
  .flatMap((subset) => ([400, 700] as const).map((w) => face('Noto Sans', 'noto-sans', 'noto-sans', subset, w)))
  .concat(([400, 700] as const).map((w) => face('Noto Sans Thai', 'noto-sans-thai', 'noto-sans-thai', 'thai', w)))
  .concat(([400, 700] as const).map((w) => face('Vazirmatn', 'vazirmatn', 'vazirmatn', 'arabic', w)));

type Range = readonly [number, number];

function parseRange(range: string): Range[] {
  return range.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a!, 16);
    return [lo, b === undefined ? lo : parseInt(b, 16)] as const;
  });
}

const PARSED = new Map<string, Range[]>(Object.values(RANGES).map((r) => [r, parseRange(r)]));

function inRange(cp: number, ranges: readonly Range[]): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/**
 * The faces a page needs for these texts: Latin always (digits, punctuation, the viewer's own
 * words), each other subset only when a character needs it and no face already chosen covers it
 * (Vietnamese takes the small vietnamese face, and latin-ext only for letters outside it).
 * Both weights of each subset (titles are bold).
 */
export function fontsForText(texts: Iterable<string>): FontFile[] {
  const subsets = new Set<FontFile['subset']>(['latin']);
  const covered = (cp: number, names: readonly FontFile['subset'][]) => names.some((n) => inRange(cp, PARSED.get(RANGES[n])!));
  const seen = new Set<number>();
  for (const text of texts) {
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x80 || seen.has(cp)) continue;
      seen.add(cp);
      if (covered(cp, ['latin'])) continue;
      if (covered(cp, ['thai'])) subsets.add('thai');
      else if (covered(cp, ['arabic'])) subsets.add('arabic');
      else if (covered(cp, ['vietnamese'])) subsets.add('vietnamese');
      else if (covered(cp, ['latin-ext'])) subsets.add('latin-ext');
    }
  }
  return WEB_PAGE_FONTS.filter((f) => subsets.has(f.subset));
}

/** @font-face rules for these files, each embedded as a data: URL (bytesToDataUrl reads the file). */
export function fontFaceCss(files: readonly FontFile[], bytesToDataUrl: (file: FontFile) => string): string {
  return files
    .map(
      (f) =>
        `@font-face{font-family:'${f.family}';font-style:normal;font-display:swap;font-weight:${f.weight};` +
        `src:url(${bytesToDataUrl(f)}) format('woff2');unicode-range:${f.unicodeRange};}`,
    )
    .join('\n');
}

/** "data:font/woff2;base64,…" from a file's bytes (no Buffer, no btoa of a huge string at once). */
export function woff2DataUrl(bytes: Uint8Array): string {
  return `data:font/woff2;base64,${base64(bytes)}`;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// SHA-256 (FIPS 180-4), synchronous: buildWebPage stays a plain function in the browser
// (crypto.subtle is async) and in Node alike. It hashes the viewer script once per export.

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export function sha256(bytes: Uint8Array): Uint8Array {
  const bitLength = bytes.length * 8;
  const padded = new Uint8Array(Math.ceil((bytes.length + 9) / 64) * 64);
  padded.set(bytes);
  padded[bytes.length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(bitLength / 0x100000000));
  view.setUint32(padded.length - 4, bitLength >>> 0);
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  const w = new Uint32Array(64);
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15]!;
      const b = w[i - 2]!;
      const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
      const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = [h[0]!, h[1]!, h[2]!, h[3]!, h[4]!, h[5]!, h[6]!, h[7]!];
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
    h[5] = (h[5]! + f) >>> 0;
    h[6] = (h[6]! + g) >>> 0;
    h[7] = (h[7]! + hh) >>> 0;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  h.forEach((v, i) => outView.setUint32(i * 4, v));
  return out;
}

/** The CSP form of a script's hash: base64 of the SHA-256 of its UTF-8 text. */
export function sha256Base64(text: string): string {
  return base64(sha256(new TextEncoder().encode(text)));
}

// ---------------------------------------------------------------------------------------------
// One map's page, as the app and the command line make it.

/** What the page is made of besides the template and the envelope. */
export interface WebPageParts {
  /** The map's language: the page's <html lang> and the language of its messages. */
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The font files its text and its messages need. */
  fonts: FontFile[];
  catalogue: EmbeddedCatalogue;
}

/** What the page needs to know of the map: its language (and that language's messages), direction and fonts. */
export async function webPageParts(envelopeText: string, map: { language?: string; direction: 'ltr' | 'rtl' }): Promise<WebPageParts> {
  const catalogue = await webPageCatalogue(map);
  // The envelope holds every text of the file (its keys and photos are ASCII, which fontsForText skips).
  const fonts = fontsForText([envelopeText, ...catalogueTexts(catalogue.messages)]);
  return { lang: catalogue.locale, dir: map.direction, fonts, catalogue };
}

/**
 * `<title>.html` for a map, from its `webPageParts`: `bytesOf` gives the woff2 bytes of each file of
 * `parts.fonts` (the browser fetches them first, Node reads node_modules).
 */
export function composeWebPage(
  template: string,
  envelopeText: string,
  map: { title: string },
  parts: WebPageParts,
  bytesOf: (file: FontFile) => Uint8Array,
): { filename: string; html: string } {
  const { lang, dir, fonts, catalogue } = parts;
  const fontCss = fontFaceCss(fonts, (f) => woff2DataUrl(bytesOf(f)));
  return {
    filename: `${fileStem(map.title)}.html`,
    html: buildWebPage(template, envelopeText, { title: map.title, lang, dir, fontCss, catalogue }),
  };
}
