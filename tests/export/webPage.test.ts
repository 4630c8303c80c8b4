import { CURRENT_SCHEMA_VERSION } from '../../src/model/schema';
import type { Locale } from '../../src/i18n/locales';
import { describe, expect, it } from 'vitest';
import { exportMapFile, parseImport, parseImportFile } from '../../src/export/envelope';
import {
  base64,
  buildWebPage,
  catalogueI18n,
  composeWebPage,
  contentSecurityPolicy,
  extractEnvelopeText,
  fontFaceCss,
  fontsForText,
  inlineScripts,
  looksLikeHtml,
  MESSAGES_ELEMENT_ID,
  parseEmbeddedCatalogue,
  sha256Base64,
  TEMPLATE_MARKERS,
  VIEWER_MESSAGE_PREFIXES,
  webPageParts,
  type EmbeddedCatalogue,
} from '../../src/export/webPage';
import { i18n, loadMessages } from '../../src/i18n';
import { say } from '../../src/i18n/message';
import { SAMPLES } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';

const VIEWER_SCRIPT = 'document.body.dataset.ran = "yes"; const s = "a</b>";';
const TEMPLATE = [
  '<!doctype html>',
  '<html lang="en">',
  '<head><meta charset="UTF-8">',
  TEMPLATE_MARKERS.csp,
  '<title>Journeyboard</title>',
  TEMPLATE_MARKERS.fonts,
  `<script type="module">${VIEWER_SCRIPT}</script>`,
  '</head>',
  `<body><main id="root"></main>${TEMPLATE_MARKERS.map}</body>`,
  '</html>',
].join('\n');

const HOSTILE = '</script><img src=x onerror=alert(1)>';
const CATALOGUE: EmbeddedCatalogue = { locale: 'en', messages: { 'viewer.untitled': 'Journey map' } };
const OPTS = { title: 'Map', lang: 'en', dir: 'ltr', fontCss: '', catalogue: CATALOGUE } as const;

function sample(id: string): JourneyMap {
  const s = SAMPLES.find((t) => t.id === id);
  if (!s) throw new Error(id);
  return s.build() as JourneyMap;
}

function hostileMap(): JourneyMap {
  const map = sample('sample-vi');
  map.title = `${HOSTILE} & "quotes"`;
  map.cards = map.cards.map((c, i) => (i === 0 ? { ...c, text: `${HOSTILE} <!-- <script>alert(2)</script>` } : c));
  return map;
}

const envelopeOf = (map: JourneyMap) => exportMapFile(map, [], [], new Date('2026-01-02T03:04:05Z')).text;

/** How a browser would read the page: the only elements are the template's own plus the data block. */
function tags(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'gi'))].map((m) => m[0]);
}

async function subtleSha256(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return base64(digest);
}

describe('buildWebPage', () => {
  it('keeps hostile card text inside the data block: no new elements, and it reads back as the same text', () => {
    const map = hostileMap();
    const envelope = envelopeOf(map);
    const html = buildWebPage(TEMPLATE, envelope, { ...OPTS, title: map.title });
    // The viewer, the envelope and the messages.
    expect(tags(html, 'script')).toHaveLength(3);
    expect(tags(html, 'img')).toHaveLength(0);
    const block = html.slice(html.indexOf('id="journeyboard-map">'));
    expect(block.slice(0, block.indexOf('</script>'))).not.toContain('<');
    const messages = html.slice(html.indexOf(`id="${MESSAGES_ELEMENT_ID}">`));
    expect(messages.slice(0, messages.indexOf('</script>'))).not.toContain('<');
    const back = parseImport(extractEnvelopeText(html)!);
    expect(back.kind).toBe('ok');
    if (back.kind !== 'ok') return;
    expect(back.maps[0]!.cards[0]!.text).toBe(`${HOSTILE} <!-- <script>alert(2)</script>`);
    expect(back.maps[0]).toEqual(map);
  });

  it('writes the title as text, and lang and dir', () => {
    const html = buildWebPage(TEMPLATE, '{}', { title: HOSTILE, lang: 'fa', dir: 'rtl', fontCss: '', catalogue: CATALOGUE });
    expect(html).toContain('<title>&#60;/script&#62;&#60;img src=x onerror=alert(1)&#62;</title>');
    expect(html).toContain('<html lang="fa" dir="rtl">');
    expect(buildWebPage(TEMPLATE, '{}', { ...OPTS, lang: '"><script>' })).toContain('<html lang="und" dir="ltr">');
  });

  it('allows exactly the viewer script by its SHA-256 and nothing else runs or loads', async () => {
    const html = buildWebPage(TEMPLATE, envelopeOf(hostileMap()), OPTS);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
    expect(csp).toBe(contentSecurityPolicy([await subtleSha256(VIEWER_SCRIPT)]));
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('font-src data:');
    expect(csp).toContain('img-src data:');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    // The script the browser runs is the one hashed: the page's inline scripts are the template's.
    expect(inlineScripts(html)).toEqual([VIEWER_SCRIPT]);
  });

  it('hashes like the platform on non-ASCII text and across block sizes', async () => {
    for (const text of ['', 'abc', 'ก'.repeat(21), 'سلام'.repeat(40), 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'ệ'.repeat(1000)]) {
      expect(sha256Base64(text)).toBe(await subtleSha256(text));
    }
  });

  it('is deterministic: the same input gives the same bytes', () => {
    const envelope = envelopeOf(sample('sample-th'));
    const css = fontFaceCss(fontsForText([envelope]), (f) => `data:font/woff2;base64,${btoa(f.path)}`);
    const a = buildWebPage(TEMPLATE, envelope, { ...OPTS, fontCss: css });
    const b = buildWebPage(TEMPLATE, envelope, { ...OPTS, fontCss: css });
    expect(a).toBe(b);
  });

  it('refuses a template without its markers, and font CSS that could end the style element', () => {
    expect(() => buildWebPage('<html><head></head></html>', '{}', OPTS)).toThrow(/marker/);
    expect(() => buildWebPage(TEMPLATE, '{}', { ...OPTS, fontCss: '</style><script>alert(1)</script>' })).toThrow();
  });

  it('names an untitled page in its language', () => {
    expect(buildWebPage(TEMPLATE, '{}', { ...OPTS, title: ' ' })).toContain('<title>Journey map</title>');
  });

  it('does not expand $ patterns of the inserted text', () => {
    const html = buildWebPage(TEMPLATE, '{"a":"$& $1 $`"}', { ...OPTS, title: "$& $'" });
    expect(extractEnvelopeText(html)).toBe('{"a":"$& $1 $`"}');
    expect(html).toContain("<title>$&#38; $&#39;</title>");
  });
});

describe('extractEnvelopeText', () => {
  it('gives back what Export JSON writes, for every sample', () => {
    for (const s of SAMPLES) {
      const map = s.build() as JourneyMap;
      const envelope = envelopeOf(map);
      const back = extractEnvelopeText(buildWebPage(TEMPLATE, envelope, OPTS));
      expect(JSON.parse(back!)).toEqual(JSON.parse(envelope));
    }
  });

  it('finds nothing in a web page that is not an export', () => {
    expect(extractEnvelopeText('<!doctype html><html><body><p>Hello</p></body></html>')).toBeNull();
    expect(extractEnvelopeText('<script id="journeyboard-map">alert(1)</script>')).toBeNull();
    expect(looksLikeHtml('<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('{"format":"journeyboard"}')).toBe(false);
  });
});

describe('importing a web page', () => {
  it('brings back the map a page carries, through the same chain as a JSON import', async () => {
    const map = sample('sample-th');
    const html = buildWebPage(TEMPLATE, envelopeOf(map), OPTS);
    for (const file of [new File([html], 'map.html', { type: 'text/html' }), new File([html], 'saved-as.json', { type: 'application/json' })]) {
      const result = await parseImportFile(file);
      expect(result.kind).toBe('ok');
      if (result.kind === 'ok') expect(result.maps).toEqual([map]);
    }
  });

  it('refuses a page without a map, and a page whose map is broken, as a JSON import would', async () => {
    const other = await parseImportFile(new File(['<!doctype html><html><body>Hi</body></html>'], 'page.html', { type: 'text/html' }));
    expect(other).toMatchObject({ kind: 'error', reason: 'not-journeyboard' });
    if (other.kind === 'error') expect(say(i18n, other.errors[0]!.message)).toMatch(/This web page holds no Journeyboard map/);
    const broken = envelopeOf(sample('sample-vi')).replace(`"schemaVersion": ${CURRENT_SCHEMA_VERSION}`, '"schemaVersion": 999');
    const newer = await parseImportFile(new File([buildWebPage(TEMPLATE, broken, OPTS)], 'map.html', { type: 'text/html' }));
    expect(newer).toMatchObject({ kind: 'error', reason: 'newer' });
  });
});

describe('fonts', () => {
  const subsets = (text: string) => [...new Set(fontsForText([text]).map((f) => `${f.family}/${f.subset}`))].sort();

  it('embeds only the scripts the text uses', () => {
    expect(subsets('Hello, world 123')).toEqual(['Noto Sans/latin']);
    expect(subsets('สวัสดี Contact Center')).toEqual(['Noto Sans Thai/thai', 'Noto Sans/latin']);
    expect(subsets('سفر مشتری در مرکز تماس')).toEqual(['Noto Sans/latin', 'Vazirmatn/arabic']);
    // Vietnamese needs its own small face; latin-ext only for letters outside it.
    expect(subsets('Hành trình khách hàng được tạo ra')).toEqual(['Noto Sans/latin', 'Noto Sans/vietnamese']);
    expect(subsets('Łódź')).toEqual(['Noto Sans/latin', 'Noto Sans/latin-ext']);
  });

  it('takes both weights of each face from the @fontsource packages', () => {
    const files = fontsForText(['ก']);
    expect(files.map((f) => `${f.path} ${f.weight}`)).toEqual([
      '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2 400',
      '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2 700',
      '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff2 400',
      '@fontsource/noto-sans-thai/files/noto-sans-thai-thai-700-normal.woff2 700',
    ]);
  });

  it('writes @font-face rules with data: URLs and unicode ranges', () => {
    const css = fontFaceCss(fontsForText(['ب']), () => 'data:font/woff2;base64,AAAA');
    expect(css.match(/@font-face/g)).toHaveLength(4);
    expect(css).toContain("font-family:'Vazirmatn'");
    expect(css).toContain('unicode-range:U+0600-06FF');
    expect(css).not.toMatch(/url\((?!data:)/);
  });

  it('speaks the map’s language: its lang, its messages (the viewer’s only), and the fonts of both', async () => {
    const parts = (id: string, language: Locale) => {
      const map = { ...sample(id), language };
      return webPageParts(envelopeOf(map), map);
    };
    expect(await parts('sample-th', 'th')).toMatchObject({ lang: 'th', dir: 'ltr', catalogue: { locale: 'th' } });
    expect(await parts('sample-fa', 'fa')).toMatchObject({ lang: 'fa', dir: 'rtl', catalogue: { locale: 'fa' } });
    expect(await parts('sample-vi', 'vi')).toMatchObject({ lang: 'vi', dir: 'ltr', catalogue: { locale: 'vi' } });
    expect((await parts('sample-fa', 'fa')).fonts.some((f) => f.family === 'Noto Sans Thai')).toBe(false);
    // A language we do not speak is English.
    expect(await parts('sample-vi', 'de' as Locale)).toMatchObject({ lang: 'en', catalogue: { locale: 'en' } });
    // The Thai words of the viewer need the Thai face, even on a map written in English.
    const english = { ...sample('sample-vi'), title: 'Journey', description: '', stages: [], lanes: [], cards: [], language: 'th' as const };
    expect((await webPageParts(envelopeOf(english), english)).fonts.some((f) => f.family === 'Noto Sans Thai')).toBe(true);
    // Only what the viewer shows: its own words, the print view's, the presentation's and the labels.
    const { catalogue } = await parts('sample-fa', 'fa');
    const ids = Object.keys(catalogue.messages);
    expect(ids.every((id) => VIEWER_MESSAGE_PREFIXES.some((p) => id.startsWith(p)))).toBe(true);
    const all = Object.keys(await loadMessages('fa'));
    expect(ids).toEqual(all.filter((id) => VIEWER_MESSAGE_PREFIXES.some((p) => id.startsWith(p))).sort());
    expect(catalogueI18n(catalogue)._('viewer.view.present')).toBe('ارائه');
  });

  it('composes a page named after the map, with the fonts read through bytesOf and its language’s messages', async () => {
    const map = { ...sample('sample-fa'), language: 'fa' as const };
    const envelope = envelopeOf(map);
    const read: string[] = [];
    const page = composeWebPage(TEMPLATE, envelope, map, await webPageParts(envelope, map), (f) => (read.push(f.path), new Uint8Array([1, 2, 3])));
    expect(page.filename).toBe('سفر مشتری در مرکز تماس.html');
    expect(read).toContain('@fontsource/vazirmatn/files/vazirmatn-arabic-400-normal.woff2');
    expect(page.html).toContain('src:url(data:font/woff2;base64,AQID)');
    expect(page.html).toContain('<html lang="fa" dir="rtl">');
    // The messages block, as the viewer reads it: Persian, and no other language in the page.
    const block = new RegExp(`<script type="application/json" id="${MESSAGES_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(page.html)?.[1];
    const catalogue = parseEmbeddedCatalogue(block);
    expect(catalogue?.locale).toBe('fa');
    expect(catalogueI18n(catalogue!)._('viewer.matches', { count: 3 })).toBe('۳ کارت پیدا شد');
    const thai = catalogueI18n({ locale: 'th', messages: await loadMessages('th') })._('viewer.mapRegion');
    expect(page.html).not.toContain(thai);
  });

  it('reads back only a catalogue it can use', () => {
    expect(parseEmbeddedCatalogue('{"locale":"th","messages":{"a":"b"}}')).toEqual({ locale: 'th', messages: { a: 'b' } });
    for (const text of [null, '', 'nope', '[]', '{"locale":"de","messages":{}}', '{"locale":"fa","messages":[]}', '{"locale":"fa"}']) {
      expect(parseEmbeddedCatalogue(text)).toBeNull();
    }
  });
});
