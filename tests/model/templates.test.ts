// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { mapViolations } from '../../src/model/invariants';
import { addCard } from '../../src/model/operations';
import { SAMPLES, sampleById } from '../../src/model/samples';
import { JourneyMapSchema, type JourneyMap } from '../../src/model/schema';
import { TEMPLATES, templateById } from '../../src/model/templates';

const allIds = (d: JourneyMap) => [d.id, ...d.stages, ...d.lanes, ...d.cards, ...d.connections].map((e) => (typeof e === 'string' ? e : e.id));

describe.each([...TEMPLATES, ...SAMPLES].map((t) => [t.id, t] as const))('%s', (_id, t) => {
  it('builds a valid map', () => {
    const d = t.build();
    expect(JourneyMapSchema.parse(d)).toEqual(d);
    expect(mapViolations(d)).toEqual([]);
    expect(d.stages.length).toBeGreaterThanOrEqual(2);
    expect(d.lanes.length).toBeGreaterThanOrEqual(2);
  });

  it('gives fresh ids on every build', () => {
    const a = new Set(allIds(t.build()));
    const b = allIds(t.build());
    expect(b.some((id) => a.has(id))).toBe(false);
  });

  if (t.id !== 'blank') {
    it('has example cards in every lane and a variety of lane kinds', () => {
      const d = t.build();
      for (const lane of d.lanes) expect(d.cards.some((c) => c.laneId === lane.id), lane.title).toBe(true);
      const kinds = new Set(d.lanes.map((l) => l.kind));
      for (const k of ['text', 'touchpoint', 'emotion', 'pain', 'kpi'] as const) expect(kinds.has(k)).toBe(true);
      expect(d.cards.some((c) => c.kind === 'touchpoint' && c.channel !== null)).toBe(true);
      expect(d.cards.some((c) => c.kind === 'pain' && c.touchpointId !== undefined)).toBe(true);
    });
  }
});

describe('templates', () => {
  it('have stable ids', () => {
    expect(TEMPLATES.map((t) => t.id).sort()).toEqual(
      ['blank', 'classic-five', 'contact-center-five-steps', 'contact-center-lifecycle', 'omnichannel'].sort(),
    );
    expect(templateById('omnichannel')?.name).toMatch(/Omni-channel/);
    expect(templateById('nope')).toBeUndefined();
  });

  it('the life cycle loops from "Review and offer next" back to Buying', () => {
    const d = templateById('contact-center-lifecycle')!.build();
    expect(d.stages.map((s) => s.name)).toEqual(['Awareness', 'Initial contact', 'Buying', 'After sales', 'Review and offer next']);
    const buying = d.stages[2]!;
    expect(d.stages[4]?.loopsTo).toBe(buying.id);
  });

  it('the classic framework has its five stages', () => {
    expect(templateById('classic-five')!.build().stages.map((s) => s.name)).toEqual([
      'Awareness',
      'Consideration',
      'Purchase',
      'Post-purchase',
      'Advocacy',
    ]);
  });

  it('the omni-channel journey runs e-mail → Facebook → chat with labelled arrows', () => {
    const d = templateById('omnichannel')!.build();
    const channelOf = (id: string) => {
      const c = d.cards.find((x) => x.id === id);
      return c?.kind === 'touchpoint' ? c.channel : undefined;
    };
    const path = d.connections.map((k) => [channelOf(k.from), channelOf(k.to)]);
    expect(path).toEqual([
      ['email', 'facebook'],
      ['facebook', 'chat'],
    ]);
    for (const k of d.connections) expect(k.label).not.toBe('');
  });

  it('the five-step journey starts with knowing your customers', () => {
    expect(templateById('contact-center-five-steps')!.build().stages[0]?.name).toBe('Know your customers');
  });

  it('a blank map has no cards, and a user can start adding', () => {
    const d = templateById('blank')!.build();
    expect(d.cards).toEqual([]);
    const next = addCard(d, { stageId: d.stages[0]!.id, laneId: d.lanes[0]!.id, text: 'first' });
    expect(next.cards).toHaveLength(1);
    expect(mapViolations(next)).toEqual([]);
  });
});

describe('samples', () => {
  const texts = (d: JourneyMap) => [d.title, ...d.stages.map((s) => s.name), ...d.lanes.map((l) => l.title), ...d.cards.map((c) => c.text)].join('\n');

  it('have stable ids', () => {
    expect(SAMPLES.map((s) => s.id)).toEqual(['sample-th', 'sample-fa', 'sample-vi']);
  });

  it.each([
    ['sample-th', /[\u0E00-\u0E7F]/, 'ltr'],
    ['sample-fa', /[\u0600-\u06FF]/, 'rtl'],
    ['sample-vi', /[ươế]/, 'ltr'],
  ] as const)('%s is written in its script, every stage and lane title too', (id, script, direction) => {
    const d = sampleById(id)!.build();
    expect(d.direction).toBe(direction);
    expect(texts(d)).toMatch(script);
    for (const s of d.stages) expect(s.name).toMatch(id === 'sample-vi' ? /\p{L}/u : script);
    for (const l of d.lanes) expect(l.title).toMatch(id === 'sample-vi' ? /\p{L}/u : script);
    expect(d.stages.length).toBeGreaterThanOrEqual(4);
    expect(d.stages.length).toBeLessThanOrEqual(5);
    expect(new Set(d.lanes.map((l) => l.kind)).size).toBeGreaterThanOrEqual(5);
    expect(d.cards.filter((c) => c.kind === 'emotion').length).toBeGreaterThanOrEqual(4);
    expect(d.cards.some((c) => c.kind === 'kpi' && c.value !== null)).toBe(true);
  });

  it('quote their articles', () => {
    expect(texts(sampleById('sample-th')!.build())).toContain('ลูกค้าไม่ต้องการจะบอกเล่าถึงความต้องการซ้ำแล้วซ้ำอีก');
    expect(texts(sampleById('sample-fa')!.build())).toContain('ایمیل ها باید در عرض 24 ساعت پاسخ داده شوند');
    expect(texts(sampleById('sample-vi')!.build())).toContain('Đơn giản hóa lưu đồ cuộc gọi');
  });

  it('the Vietnamese sample uses its diacritics (ư, ơ, ế)', () => {
    const t = texts(sampleById('sample-vi')!.build());
    for (const ch of ['ư', 'ơ', 'ế']) expect(t).toContain(ch);
  });
});
