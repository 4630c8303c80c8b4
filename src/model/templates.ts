/**
 * The stage frameworks users expect (domain.md), as blueprints with a few realistic
 * cards in every lane, so a new map shows at once how each lane is meant to be used.
 * Every template exists in each interface language: its structure is written once
 * (templates/skeletons.ts) and its texts once per language (templates/en.ts, th.ts,
 * fa.ts, vi.ts), joined by key. Template ids are stable (stored in preferences, used
 * in URLs and tests); the maps they build get fresh ids on every call.
 */
import { directionOf, LOCALES, type Locale } from '../i18n/locales';
import { buildMap, type CardSpec, type MapBlueprint } from './factory';
import type { JourneyMap } from './schema';
import { en, type TemplateTexts } from './templates/en';
import { fa } from './templates/fa';
import { SKELETONS, type Skeleton, type TemplateId } from './templates/skeletons';
import { th } from './templates/th';
import { vi } from './templates/vi';

export interface MapTemplate {
  id: string;
  /** In English. */
  name: string;
  /** In English. */
  description: string;
  /**
   * A new map with fresh ids. A template writes it in `locale` (English by default), right to
   * left for Persian; a sample map is in its own language whatever `locale` says.
   */
  build(locale?: Locale): JourneyMap;
}

/** A template in every interface language: its name and description in each, for the chooser. */
export interface LocalizedTemplate extends MapTemplate {
  names: Readonly<Record<Locale, string>>;
  descriptions: Readonly<Record<Locale, string>>;
}

const TEXTS: Readonly<Record<Locale, TemplateTexts>> = { en, th, fa, vi };

/** The skeleton of template `id` with the texts of `locale`: a blueprint factory.ts builds. */
function blueprint(id: TemplateId, locale: Locale): MapBlueprint {
  const { lanes, owners, units, templates } = TEXTS[locale];
  const texts: Readonly<Record<string, string | undefined>> = templates[id];
  const skeleton: Skeleton = SKELETONS[id];
  // A text the skeleton names (undefined when it names none; the schema's default applies).
  function say(key: string): string;
  function say(key: string | undefined): string | undefined;
  function say(key: string | undefined): string | undefined {
    if (key === undefined) return undefined;
    const found = texts[key];
    if (found === undefined) throw new Error(`template "${id}" has no ${locale} text "${key}"`);
    return found;
  }
  return {
    title: say(skeleton.title),
    description: say(skeleton.description),
    direction: directionOf(locale),
    language: locale,
    stages: skeleton.stages.map((s) => ({ ...s, name: say(s.name), description: say(s.description) })),
    lanes: skeleton.lanes.map((l) => ({ ...l, title: lanes[l.title] })),
    cards: skeleton.cards?.map(
      (c): CardSpec => ({
        ...c,
        text: say(c.text),
        owner: c.owner && owners[c.owner],
        unit: c.unit && units[c.unit],
      }),
    ),
    connections: skeleton.connections?.map((k) => ({ ...k, label: say(k.label) })),
  };
}

function template(id: TemplateId): LocalizedTemplate {
  const inEach = (key: 'name' | 'summary') =>
    Object.fromEntries(LOCALES.map((locale) => [locale, TEXTS[locale].templates[id][key]])) as Record<Locale, string>;
  const names = inEach('name');
  const descriptions = inEach('summary');
  return {
    id,
    name: names.en,
    description: descriptions.en,
    names,
    descriptions,
    build: (locale = 'en') => buildMap(blueprint(id, locale)),
  };
}

export const TEMPLATES: readonly LocalizedTemplate[] = [
  template('blank'),
  template('contact-center-lifecycle'),
  template('classic-five'),
  template('omnichannel'),
  template('contact-center-five-steps'),
];

export function templateById(id: string): LocalizedTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
