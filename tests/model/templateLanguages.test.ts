// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from '../../src/i18n/locales';
import { JourneyMapSchema, mapViolations, type JourneyMap } from '../../src/model';
import { restoreMap } from '../../src/model/restore';
import { TEMPLATES } from '../../src/model/templates';

// Every template in every interface language: the same map, worded in the language.

/** The map without its words and ids: what every language must share (ids become positions). */
function structure(d: JourneyMap) {
  const at = new Map<string, string>();
  d.stages.forEach((s, i) => at.set(s.id, `stage ${i}`));
  d.lanes.forEach((l, i) => at.set(l.id, `lane ${i}`));
  d.cards.forEach((c, i) => at.set(c.id, `card ${i}`));
  const ref = (id: string | null | undefined) => (id == null ? id : (at.get(id) ?? `unknown ${id}`));
  const has = (text: unknown) => typeof text === 'string' && text !== '';
  return {
    personaIds: d.personaIds,
    // Channels are named in the map's language; their ids, kinds and targets are the structure.
    channels: d.channels.map(({ name: _name, ...c }) => c),
    stages: d.stages.map((s) => ({ loopsTo: ref(s.loopsTo), color: s.color, named: has(s.name), described: has(s.description) })),
    lanes: d.lanes.map((l) => ({ kind: l.kind, titled: has(l.title) })),
    cards: d.cards.map((card) => {
      const { id: _id, stageId, laneId, touchpointId, text, ...fields } = card as typeof card & { touchpointId?: string | null };
      const { owner, unit, ...rest } = fields as typeof fields & { owner?: string; unit?: string };
      return { ...rest, at: [ref(stageId), ref(laneId)], touchpoint: ref(touchpointId), text: has(text), owner: has(owner), unit: has(unit) };
    }),
    connections: d.connections.map((k) => ({ from: ref(k.from), to: ref(k.to), personaId: k.personaId, labelled: has(k.label) })),
  };
}

/** Every word of the map a reader sees. */
function texts(d: JourneyMap): string[] {
  return [
    d.title,
    d.description,
    ...d.stages.flatMap((s) => [s.name, s.description, s.notes]),
    ...d.lanes.map((l) => l.title),
    ...d.cards.flatMap((c) => [c.text, 'owner' in c ? c.owner : '', 'unit' in c ? c.unit : '']),
    ...d.connections.map((k) => k.label),
  ].filter((t) => t !== '');
}

// Names that stay as they are in every language: brands, metrics, systems, and the glossary's
// Thai word for the contact center; Vietnamese writes e-mail as "email".
const KEPT = /\b(?:Facebook|LINE|NPS|CSAT|FCR|KPI|CRM|IVR|SMS|Contact Center|email)\b/gi;
const LATIN = /[A-Za-z]/;
// Vietnamese is written in Latin letters: there, no word of the English texts may be left, except
// the few that are Vietnamese words too ("so sánh", "do", "trang web").
const VIETNAMESE_TOO = new Set(['an', 'con', 'do', 'in', 'me', 'no', 'so', 'the', 'tin', 'to', 'web']);

const en = new Map(TEMPLATES.map((t) => [t.id, t.build('en')]));
const englishWords = new Set(
  TEMPLATES.flatMap((t) => [...texts(en.get(t.id)!), t.name, t.description])
    .join(' ')
    .toLowerCase()
    .match(/[a-z]+/g)!
    .filter((w) => !VIETNAMESE_TOO.has(w)),
);

function englishLeft(locale: Exclude<Locale, 'en'>, text: string): string[] {
  const rest = text.replace(KEPT, ' ');
  if (locale !== 'vi') return LATIN.test(rest) ? [text] : [];
  const words = rest.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.filter((w) => englishWords.has(w)).map((w) => `${w} in “${text}”`);
}

describe.each(TEMPLATES.map((t) => [t.id, t] as const))('%s', (_id, t) => {
  const english = en.get(t.id)!;

  it.each(LOCALES)('builds a valid map in %s, in that language and its direction', (locale) => {
    const d = t.build(locale);
    expect(JourneyMapSchema.parse(d)).toEqual(d);
    expect(mapViolations(d)).toEqual([]);
    const restored = restoreMap(JSON.parse(JSON.stringify(d)));
    expect(restored.kind).toBe('ok');
    expect(restored.kind === 'ok' && restored.doc).toEqual(d);
    expect(d.language).toBe(locale);
    expect(d.direction).toBe(locale === 'fa' ? 'rtl' : 'ltr');
  });

  it.each(LOCALES)('has the same structure in %s as in English', (locale) => {
    const d = t.build(locale);
    expect(d.stages).toHaveLength(english.stages.length);
    expect(d.lanes).toHaveLength(english.lanes.length);
    expect(d.cards).toHaveLength(english.cards.length);
    expect(d.connections).toHaveLength(english.connections.length);
    expect(structure(d)).toEqual(structure(english));
  });

  it('is named in every language', () => {
    expect(t.names.en).toBe(t.name);
    expect(t.descriptions.en).toBe(t.description);
    for (const locale of LOCALES) {
      expect(t.names[locale], locale).not.toBe('');
      expect(t.descriptions[locale], locale).not.toBe('');
      if (locale !== 'en') {
        expect(t.names[locale], locale).not.toBe(t.name);
        expect(t.descriptions[locale], locale).not.toBe(t.description);
      }
    }
  });

  it.each(['th', 'fa', 'vi'] as const)('leaves no English in %s but brand and metric names', (locale) => {
    const d = t.build(locale);
    const all = [...texts(d), t.names[locale], t.descriptions[locale]];
    expect(all.flatMap((text) => englishLeft(locale, text))).toEqual([]);
    // No text is the English one left untranslated (the units %, /5 and /7 aside).
    const englishTexts = new Set(texts(english));
    expect(all.filter((text) => englishTexts.has(text) && !/^\/?[\d%]+$/.test(text))).toEqual([]);
  });

  it('writes Persian with Persian letters, digits and quotation marks', () => {
    const all = [...texts(t.build('fa')), t.names.fa, t.descriptions.fa].join('\n');
    expect(all).not.toMatch(/[0-9]/);
    expect(all).not.toMatch(/[\u064A\u0643“”"]/); // Arabic yeh and kaf; English quotes
    expect(all).not.toMatch(/(?:^|\s)(?:ن?می) /); // می‌ is joined by a ZWNJ, never a space
  });
});

describe('templates in the languages', () => {
  it('give English by default, exactly as the English build', () => {
    for (const t of TEMPLATES) expect(structure(t.build())).toEqual(structure(t.build('en')));
    for (const t of TEMPLATES) expect(texts(t.build())).toEqual(texts(t.build('en')));
  });

  it('write the Thai, Persian and Vietnamese in their scripts', () => {
    const lifecycle = TEMPLATES.find((t) => t.id === 'contact-center-lifecycle')!;
    expect(lifecycle.build('th').stages[0]!.name).toMatch(/^[\u0E00-\u0E7F]+$/);
    expect(lifecycle.build('fa').stages[0]!.name).toMatch(/^[\u0600-\u06FF\u200C ]+$/);
    expect(lifecycle.build('vi').stages.map((s) => s.name).join(' ')).toMatch(/[ăâđêôơư]/);
    expect(lifecycle.build('fa').lanes.map((l) => l.title).join(' ')).toContain('\u200C');
  });
});
