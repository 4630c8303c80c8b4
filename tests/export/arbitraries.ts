/**
 * Test documents: a hand-built multilingual map, a wide generated map, and fast-check arbitraries
 * for maps and personas that honour the model's invariants (unique ids, cards in existing cells of a
 * matching lane kind, dense orders, loops going back, connections between distinct existing cards).
 */
import { LOCALES } from '../../src/i18n/locales';
import fc from 'fast-check';
import { CHANNEL_IDS, DEFAULT_CHANNELS } from '../../src/model/channels';
import {
  CURRENT_SCHEMA_VERSION,
  KPI_METRICS,
  LANE_KINDS,
  OPPORTUNITY_STATUSES,
  PRIORITIES,
  SEVERITIES,
  type Card,
  type JourneyMap,
  type Lane,
  type LaneKind,
  type Persona,
} from '../../src/model/schema';

export const TEXTS = {
  th: 'ลูกค้าโทรมาสอบถามโปรโมชั่นและต้องการคำแนะนำ',
  fa: 'مشتری می‌خواهد وضعیت سفارش را بداند و دوباره توضیح ندهد',
  vi: 'Khách hàng gọi điện để hỏi về chương trình khuyến mãi',
  en: 'The customer compares offers on the web and in stores',
};

const NOW = '2025-03-01T10:00:00.000Z';

export function channels() {
  return DEFAULT_CHANNELS.map((c) => ({ ...c }));
}

export function persona(id: string, name: string, extra: Partial<Persona> = {}): Persona {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    avatarImageId: null,
    age: 34,
    occupation: 'Office manager',
    family: '',
    location: 'Bangkok',
    quote: 'ขอให้ติดต่อครั้งเดียวจบ',
    story: '',
    goals: ['Fix the problem in one contact'],
    needs: [],
    motivations: [],
    frustrations: ['Repeating herself to every agent'],
    behaviours: [],
    preferredChannels: ['line', 'phone'],
    techComfort: 4,
    demographics: '',
    psychographics: '',
    createdAt: NOW,
    updatedAt: NOW,
    ...extra,
  };
}

function cardOf(kind: LaneKind, base: { id: string; stageId: string; laneId: string; order: number; text: string }): Card {
  switch (kind) {
    case 'text':
      return { ...base, kind };
    case 'touchpoint':
      return { ...base, kind, channel: 'phone', owner: 'Contact center' };
    case 'emotion':
      return { ...base, kind, score: -1 };
    case 'pain':
      return { ...base, kind, severity: 'high' };
    case 'opportunity':
      return { ...base, kind, owner: 'CX team', status: 'idea', priority: 'high', impact: 'medium', effort: 'low' };
    case 'kpi':
      return { ...base, kind, metric: 'csat', value: 78, target: 85, unit: '%' };
  }
}

const LANE_TITLES: Record<LaneKind, string> = {
  text: 'Customer actions',
  touchpoint: 'Touchpoints',
  emotion: 'Emotion',
  pain: 'Pain points',
  opportunity: 'Opportunities',
  kpi: 'KPIs',
};

/**
 * The token that makes a wideMap card's text unique: "s7kpi" is the KPI card of stage 7. One ASCII word,
 * so that a PDF text check can find it whole on exactly one page, whatever script the card is in.
 */
export function cardMarker(stage: number, kind: LaneKind): string {
  return `s${stage}${kind}`;
}

/** A map with `stageCount` stages, one lane of each kind and a card per cell, texts in four scripts. */
export function wideMap(stageCount: number, opts: { direction?: 'ltr' | 'rtl'; title?: string } = {}): JourneyMap {
  const stages = Array.from({ length: stageCount }, (_, i) => ({
    id: `stage-${i + 1}`,
    name: `Stage ${i + 1} ${['Awareness', 'การรับรู้', 'آگاهی', 'Nhận biết'][i % 4]}`,
    description: '',
    notes: '',
  }));
  const lanes: Lane[] = LANE_KINDS.map((kind) => ({ id: `lane-${kind}`, kind, title: LANE_TITLES[kind] }));
  const scripts = [TEXTS.en, TEXTS.th, TEXTS.fa, TEXTS.vi];
  const cards: Card[] = [];
  stages.forEach((s, i) =>
    lanes.forEach((l, j) =>
      cards.push(cardOf(l.kind, { id: `card-${i + 1}-${l.kind}`, stageId: s.id, laneId: l.id, order: 0, text: `${scripts[(i + j) % 4]} (${cardMarker(i + 1, l.kind)})` })),
    ),
  );
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `map-wide-${stageCount}`,
    title: opts.title ?? `Wide map with ${stageCount} stages`,
    description: 'Generated for tests',
    createdAt: NOW,
    updatedAt: NOW,
    personaIds: ['persona-1'],
    direction: opts.direction ?? 'ltr',
    language: 'en',
    stages,
    lanes,
    cards,
    connections: cards.length > 1 ? [{ id: 'conn-1', from: cards[0]!.id, to: cards[1]!.id, label: 'next' }] : [],
    channels: channels(),
  };
}

/**
 * A map taller than any page: wideMap(3) whose stage 1 text lane holds 40 more cards, and whose
 * stage 2 text card is one text of 120 Vietnamese sentences (taller than a page by itself).
 */
export function tallMap(): JourneyMap {
  const map = { ...wideMap(3, { title: 'Tall map' }), id: 'map-tall', personaIds: [] };
  const scripts = [TEXTS.en, TEXTS.th, TEXTS.fa, TEXTS.vi];
  for (let k = 0; k < 40; k++) {
    map.cards.push({ id: `extra-${k}`, kind: 'text', stageId: 'stage-1', laneId: 'lane-text', order: k + 1, text: `${scripts[k % 4]} (s1extra${k})` });
  }
  const long = map.cards.find((c) => c.id === 'card-2-text')!;
  long.text = `${Array.from({ length: 120 }, (_, i) => `W${i}W ${TEXTS.vi}.`).join(' ')} (s2text)`;
  return map;
}

// ------------------------------------------------------------------------------------------
// fast-check

const SCRIPT_WORDS = fc.constantFrom(...Object.values(TEXTS), 'ร้าน', 'سلام', 'Xin chào', '=1+1', '"quoted", text', 'line\nbreak');
const anyText = fc.oneof(fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 30 }), SCRIPT_WORDS);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
/** -0 has no JSON spelling (it is written as 0), so documents do not hold it. */
const finiteNumber = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((n) => (Object.is(n, -0) ? 0 : n));

function uniqueIds(min: number, max: number) {
  return fc.uniqueArray(fc.uuid(), { minLength: min, maxLength: max });
}

function cardArb(kind: LaneKind): fc.Arbitrary<Record<string, unknown>> {
  switch (kind) {
    case 'text':
      return fc.constant({});
    case 'touchpoint':
      return fc.record({ channel: fc.option(fc.constantFrom(...CHANNEL_IDS), { nil: null }), owner: anyText });
    case 'emotion':
      return fc.record({ score: fc.integer({ min: -2, max: 2 }) });
    case 'pain':
      return fc.record({ severity: fc.constantFrom(...SEVERITIES) });
    case 'opportunity':
      return fc.record({
        owner: anyText,
        status: fc.constantFrom(...OPPORTUNITY_STATUSES),
        priority: fc.constantFrom(...PRIORITIES),
        impact: fc.constantFrom(...PRIORITIES),
        effort: fc.constantFrom(...PRIORITIES),
      });
    case 'kpi':
      return fc.record({
        metric: fc.constantFrom(...KPI_METRICS),
        value: fc.option(finiteNumber, { nil: null }),
        target: fc.option(finiteNumber, { nil: null }),
        unit: fc.string({ maxLength: 8 }),
      });
  }
}

export const mapArb: fc.Arbitrary<JourneyMap> = fc
  .record({
    ids: uniqueIds(40, 40),
    stageCount: fc.integer({ min: 0, max: 8 }),
    laneKinds: fc.array(fc.constantFrom(...LANE_KINDS), { minLength: 0, maxLength: 6 }),
    title: anyText,
    description: anyText,
    createdAt: isoDate,
    updatedAt: isoDate,
    personaIds: uniqueIds(0, 3),
    direction: fc.constantFrom('ltr' as const, 'rtl' as const),
    language: fc.constantFrom(...LOCALES),
    channelSubset: fc.subarray([...DEFAULT_CHANNELS]),
    targets: fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 15, maxLength: 15 }),
    stageTexts: fc.array(fc.tuple(anyText, anyText, anyText, fc.option(fc.constantFrom('#1f3a5f', '#AA00ff'), { nil: undefined })), {
      minLength: 8,
      maxLength: 8,
    }),
    loops: fc.array(fc.option(fc.nat(), { nil: undefined }), { minLength: 8, maxLength: 8 }),
    laneTitles: fc.array(anyText, { minLength: 6, maxLength: 6 }),
  })
  .chain((m) => {
    const stageIds = m.ids.slice(0, m.stageCount);
    const laneIds = m.ids.slice(10, 10 + m.laneKinds.length);
    const cellCount = stageIds.length * laneIds.length;
    const cardSpec = cellCount === 0
      ? fc.constant([] as { cell: number; text: string; extra: Record<string, unknown> }[])
      : fc.array(
          fc.nat({ max: cellCount - 1 }).chain((cell) =>
            fc.record({ cell: fc.constant(cell), text: anyText, extra: cardArb(m.laneKinds[cell % laneIds.length]!) }),
          ),
          { maxLength: 25 },
        );
    return fc.tuple(fc.constant(m), cardSpec, fc.array(fc.tuple(fc.nat(), fc.nat(), anyText), { maxLength: 5 }), uniqueIds(60, 60));
  })
  .map(([m, cardSpecs, conns, cardIds]) => {
    const stageIds = m.ids.slice(0, m.stageCount);
    const laneIds = m.ids.slice(10, 10 + m.laneKinds.length);
    const stages = stageIds.map((id, i) => {
      const [name, description, notes, color] = m.stageTexts[i]!;
      const loop = m.loops[i];
      return {
        id,
        name,
        description,
        notes,
        ...(color ? { color } : {}),
        ...(loop !== undefined && i > 0 ? { loopsTo: stageIds[loop % i]! } : {}),
      };
    });
    const lanes: Lane[] = laneIds.map((id, i) => ({ id, kind: m.laneKinds[i]!, title: m.laneTitles[i]! }));
    const orders = new Map<number, number>();
    const cards = cardSpecs.map((spec, i) => {
      const order = orders.get(spec.cell) ?? 0;
      orders.set(spec.cell, order + 1);
      const stageId = stageIds[Math.floor(spec.cell / laneIds.length)]!;
      const lane = lanes[spec.cell % laneIds.length]!;
      return { id: cardIds[i]!, stageId, laneId: lane.id, order, text: spec.text, kind: lane.kind, ...spec.extra } as Card;
    });
    const connections =
      cards.length < 2
        ? []
        : conns
            .map(([a, b, label], i) => {
              const from = cards[a % cards.length]!.id;
              let to = cards[b % cards.length]!.id;
              if (to === from) to = cards[(b + 1) % cards.length]!.id;
              return { id: cardIds[30 + i]!, from, to, label };
            });
    // Pain cards may point at a touchpoint that exists.
    const touchpoints = cards.filter((c) => c.kind === 'touchpoint');
    const linked = cards.map((c, i) =>
      c.kind === 'pain' && touchpoints.length > 0 && i % 2 === 0 ? { ...c, touchpointId: touchpoints[i % touchpoints.length]!.id } : c,
    );
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: m.ids[38]!,
      title: m.title,
      description: m.description,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      personaIds: m.personaIds,
      direction: m.direction,
      language: m.language,
      stages,
      lanes,
      cards: linked,
      connections,
      channels: m.channelSubset.map((c, i) => ({ ...c, responseTargetMinutes: m.targets[i]! })),
    } satisfies JourneyMap;
  });

export const personaArb: fc.Arbitrary<Persona> = fc.record({
  schemaVersion: fc.constant(CURRENT_SCHEMA_VERSION as typeof CURRENT_SCHEMA_VERSION),
  id: fc.uuid(),
  name: anyText,
  avatarImageId: fc.constant(null),
  age: fc.option(fc.integer({ min: 0, max: 150 }), { nil: null }),
  occupation: anyText,
  family: anyText,
  location: anyText,
  quote: anyText,
  story: anyText,
  goals: fc.array(anyText, { maxLength: 3 }),
  needs: fc.array(anyText, { maxLength: 3 }),
  motivations: fc.array(anyText, { maxLength: 3 }),
  frustrations: fc.array(anyText, { maxLength: 3 }),
  behaviours: fc.array(anyText, { maxLength: 3 }),
  preferredChannels: fc.subarray([...CHANNEL_IDS]),
  techComfort: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  demographics: anyText,
  psychographics: anyText,
  createdAt: isoDate,
  updatedAt: isoDate,
});
