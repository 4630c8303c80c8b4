import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n';
import { createPersona } from '../../src/model/factory';
import { sampleById } from '../../src/model/samples';
import type { JourneyMap } from '../../src/model/schema';
import { templateById } from '../../src/model/templates';
import {
  actionForKey,
  buildSlides,
  columnCentres,
  commitDigits,
  describeCurve,
  digitOf,
  emotionCurve,
  focusOptions,
  onPreferredChannel,
  personaPath,
  slideIndexOfStage,
  slideLabel,
  stageCards,
  typeDigit,
  visibleCardIds,
  type Focus,
} from '../../src/present/slides';
import { twoPaths } from './maps';

function sample(id: 'sample-th' | 'sample-fa' | 'sample-vi'): JourneyMap {
  const s = sampleById(id);
  if (!s) throw new Error(id);
  return s.build();
}

function template(id: string): JourneyMap {
  const t = templateById(id);
  if (!t) throw new Error(id);
  return t.build();
}


const texts = (map: JourneyMap, stageIndex: number, focus: Focus = { kind: 'all' }) =>
  stageCards(map, map.stages[stageIndex]?.id ?? '', focus).flatMap((l) => l.cards.map((c) => c.text));

describe('the slide list', () => {
  it('is a title slide, one slide per stage in order, then the whole map', () => {
    const map = sample('sample-th');
    const slides = buildSlides(map);
    expect(slides).toHaveLength(map.stages.length + 2);
    expect(slides[0]).toEqual({ kind: 'title' });
    expect(slides.at(-1)).toEqual({ kind: 'overview' });
    expect(slides.slice(1, -1).map((s) => (s.kind === 'stage' ? s.stageId : null))).toEqual(map.stages.map((s) => s.id));
  });

  it('names each slide for the region: number, count and the stage name in its own script', () => {
    const map = sample('sample-fa');
    const slides = buildSlides(map);
    expect(slideLabel(i18n, map, slides, 0)).toBe('Slide 1 of 7: سفر مشتری در مرکز تماس');
    expect(slideLabel(i18n, map, slides, 3)).toBe('Slide 4 of 7: نحوه تماس مشتریان');
    expect(slideLabel(i18n, map, slides, 6)).toBe('Slide 7 of 7: The whole map');
  });

  it('falls back to a number when a stage has no name', () => {
    const map = template('blank');
    const unnamed = { ...map, stages: map.stages.map((s, i) => (i === 1 ? { ...s, name: '  ' } : s)) };
    expect(slideLabel(i18n, unnamed, buildSlides(unnamed), 2)).toBe('Slide 3 of 5: Stage 2');
  });

  it('finds the slide of a stage number as the facilitator says it (1-based)', () => {
    const slides = buildSlides(sample('sample-vi'));
    expect(slideIndexOfStage(slides, 1)).toBe(1);
    expect(slideIndexOfStage(slides, 5)).toBe(5);
    expect(slideIndexOfStage(slides, 6)).toBeUndefined();
    expect(slideIndexOfStage(slides, 0)).toBeUndefined();
  });
});

describe('keys', () => {
  it('send forward and back what clickers and keyboards send, left to right', () => {
    const ltr = (key: string, extra = {}) => actionForKey({ key, ...extra }, 'ltr')?.type;
    expect(['ArrowRight', 'ArrowDown', ' ', 'PageDown'].map((k) => ltr(k))).toEqual(['next', 'next', 'next', 'next']);
    expect(['ArrowLeft', 'ArrowUp', 'PageUp'].map((k) => ltr(k))).toEqual(['prev', 'prev', 'prev']);
    expect(ltr(' ', { shiftKey: true })).toBe('prev');
    expect(ltr('Home')).toBe('first');
    expect(ltr('End')).toBe('last');
    expect(ltr('Escape')).toBe('leave');
  });

  it('follow the reading direction on a right-to-left map; up/down and page keys do not change', () => {
    const rtl = (key: string) => actionForKey({ key }, 'rtl')?.type;
    expect(rtl('ArrowLeft')).toBe('next');
    expect(rtl('ArrowRight')).toBe('prev');
    expect(rtl('PageDown')).toBe('next');
    expect(rtl('PageUp')).toBe('prev');
    expect(rtl('ArrowDown')).toBe('next');
  });

  it('leave browser shortcuts alone', () => {
    expect(actionForKey({ key: 'ArrowLeft', altKey: true }, 'ltr')).toBeNull();
    expect(actionForKey({ key: 'f', ctrlKey: true }, 'ltr')).toBeNull();
    expect(actionForKey({ key: 'r', metaKey: true }, 'ltr')).toBeNull();
    expect(actionForKey({ key: 'q' }, 'ltr')).toBeNull();
  });

  it('toggle notes and full screen by letter, on any keyboard layout', () => {
    expect(actionForKey({ key: 'n' }, 'ltr')?.type).toBe('notes');
    expect(actionForKey({ key: 'N', shiftKey: true }, 'ltr')?.type).toBe('notes');
    expect(actionForKey({ key: 'ื', code: 'KeyN' }, 'ltr')?.type).toBe('notes'); // Thai layout
    expect(actionForKey({ key: 'ب', code: 'KeyF' }, 'rtl')?.type).toBe('fullscreen'); // Persian layout
  });

  it('read digits in ASCII, Persian, Arabic and Thai, and from the number pad', () => {
    expect(digitOf('3')).toBe(3);
    expect(digitOf('۳')).toBe(3);
    expect(digitOf('٤')).toBe(4);
    expect(digitOf('๕')).toBe(5);
    expect(digitOf('End', 'Numpad1')).toBeUndefined(); // End on the number pad with NumLock off is End
    expect(digitOf('x', 'Digit7')).toBe(7);
    expect(digitOf('a')).toBeUndefined();
    expect(actionForKey({ key: '۲' }, 'rtl')).toEqual({ type: 'digit', digit: 2 });
  });

  it('jump at once to a stage number that cannot grow, and wait for a second digit when it can', () => {
    expect(typeDigit('', 3, 5)).toEqual({ buffer: '', jumpTo: 3 });
    expect(typeDigit('', 7, 5)).toEqual({ buffer: '' });
    expect(typeDigit('', 0, 5)).toEqual({ buffer: '' });
    // 12 stages: "1" may become 10, 11 or 12.
    expect(typeDigit('', 1, 12)).toEqual({ buffer: '1' });
    expect(typeDigit('1', 2, 12)).toEqual({ buffer: '', jumpTo: 12 });
    expect(typeDigit('1', 5, 12)).toEqual({ buffer: '' });
    expect(commitDigits('1', 12)).toBe(1);
    expect(commitDigits('', 12)).toBeUndefined();
  });
});

describe('focus filters', () => {
  it('are offered as the map allows: pain points, each channel its touchpoints use, each linked persona', () => {
    const map = sample('sample-th');
    const kevin = { ...createPersona({ name: 'Kevin Smith' }), preferredChannels: ['phone' as const] };
    const linked = { ...map, personaIds: [kevin.id, 'gone'] };
    const labels = focusOptions(i18n, linked, [kevin]).map((o) => o.label);
    expect(labels).toEqual([
      'Everything',
      'Only pain points',
      // The Thai map's own channel names (a map names its channels in its language).
      'Only โทรศัพท์ touchpoints',
      'Only Facebook touchpoints',
      'Only LINE touchpoints',
      'Only เว็บไซต์ touchpoints',
      'Kevin Smith’s path (no arrows on this map yet)',
    ]);
    // A persona without arrows is offered but cannot be chosen; one with arrows can.
    expect(focusOptions(i18n, linked, [kevin]).at(-1)).toMatchObject({ disabled: true });
    const paths = twoPaths();
    const two = [createPersona({ id: 'kevin', name: 'Kevin Smith' }), createPersona({ id: 'mai', name: 'Mai' })];
    expect(focusOptions(i18n, paths, two).slice(-2)).toEqual([
      { value: 'persona:kevin', label: 'Kevin Smith’s path', focus: { kind: 'persona', personaId: 'kevin' } },
      { value: 'persona:mai', label: 'Mai’s path', focus: { kind: 'persona', personaId: 'mai' } },
    ]);
    // No personas linked, no persona filter; no pain cards, no pain filter.
    const plain = template('blank');
    expect(focusOptions(i18n, plain, []).map((o) => o.value)).toEqual(['all']);
  });

  it('only pain points: the pain cards of each stage, nothing else', () => {
    const map = sample('sample-fa');
    expect(texts(map, 2, { kind: 'pain' })).toEqual(['ایمیل در عرض 24 ساعت پاسخ داده نشد']);
    expect(texts(map, 3, { kind: 'pain' })).toEqual(['انتقال میان کارشناسان و زمان انتظار طولانی']);
    expect(texts(map, 0, { kind: 'pain' })).toEqual([]);
    // A stage without any has no lanes at all (the slide says so), not an empty pain lane.
    expect(stageCards(map, map.stages[0]?.id ?? '', { kind: 'pain' })).toEqual([]);
    expect(stageCards(map, map.stages[2]?.id ?? '', { kind: 'pain' }).map((l) => l.lane.kind)).toEqual(['pain']);
  });

  it('only one channel: that channel’s touchpoints, not the others on the same stage', () => {
    const map = sample('sample-vi');
    const support = 2;
    expect(texts(map, support)).toEqual(expect.arrayContaining(['Tổng đài IVR', 'Tổng đài viên']));
    expect(texts(map, support, { kind: 'channel', channel: 'ivr' })).toEqual(['Tổng đài IVR']);
    expect(texts(map, support, { kind: 'channel', channel: 'phone' })).toEqual(['Tổng đài viên']);
    const ids = visibleCardIds(map, { kind: 'channel', channel: 'zalo' });
    expect(map.cards.filter((c) => ids.has(c.id)).map((c) => c.text)).toEqual(['Hỗ trợ hậu mãi qua Zalo']);
  });

  it('everything: every card of the stage in lane order, each cell in card order', () => {
    const map = template('contact-center-lifecycle');
    expect(texts(map, 1)).toEqual([
      'Compares prices on the web site and asks friends on social media',
      'Visits a store to see the product',
      'Product pages and promotion',
      'Showroom visit',
      '“Is the promotion really better than the shop next door?”',
      '',
      'Prices on the web differ from the store',
    ]);
  });

  it('a persona’s path: the cards their arrows join, the pains felt there, the emotion of those stages', () => {
    const map = twoPaths();
    const kevin: Focus = { kind: 'persona', personaId: 'kevin' };
    const mai: Focus = { kind: 'persona', personaId: 'mai' };
    const withLanes = (i: number, focus: Focus) =>
      stageCards(map, map.stages[i]?.id ?? '', focus).map((l) => [l.lane.title, l.cards.map((c) => c.text || c.kind)]);
    expect(withLanes(0, kevin)).toEqual([
      ['Touchpoints', ['Inbound call from the campaign (lead)']],
      ['Emotion', ['emotion']],
    ]);
    expect(withLanes(1, kevin)).toEqual([
      ['Touchpoints', ['Product pages and promotion']],
      ['Emotion', ['emotion']],
      ['Pain points', ['Prices on the web differ from the store']],
    ]);
    // His path does not pass through Buying: nothing there, not even the emotion.
    expect(withLanes(2, kevin)).toEqual([]);
    // Mai's path is another one, through the showroom to the welcome call.
    expect(withLanes(1, mai)).toEqual([
      ['Touchpoints', ['Showroom visit']],
      ['Emotion', ['emotion']],
    ]);
    expect(texts(map, 2, mai)).toEqual(['Welcome and satisfaction call', '']);
    expect(texts(map, 0, mai)).toEqual([]);
    expect(personaPath(map, 'mai').size).toBe(2);
    // The overview shows the same cards.
    const ids = visibleCardIds(map, kevin);
    expect(map.cards.filter((c) => ids.has(c.id) && c.kind !== 'emotion').map((c) => c.text).sort()).toEqual([
      'Inbound call from the campaign (lead)',
      'Prices on the web differ from the store',
      'Product pages and promotion',
    ]);
    expect(visibleCardIds(map, { kind: 'persona', personaId: 'nobody' }).size).toBe(0);
  });

  it('marks the persona’s preferred channels', () => {
    const map = sample('sample-th');
    const persona = { ...createPersona({ name: 'สมชาย' }), preferredChannels: ['line' as const] };
    const preferred = map.cards.filter((c) => onPreferredChannel(c, persona)).map((c) => c.text);
    expect(preferred).toEqual(['ประสานงานในการแจ้งซ่อม หรือการรับแลกของรางวัล']);
  });
});

describe('emotion curve', () => {
  it('has one point per stage: the mean of its scores, or none', () => {
    const map = sample('sample-vi');
    expect(emotionCurve(map).map((p) => p.score)).toEqual([1, 1, -2, 0, 1]);
    const blank = template('blank');
    expect(emotionCurve(blank).every((p) => p.score === null)).toBe(true);
  });

  it('puts the whole map’s points at the centres of its stage columns, after the lane titles', () => {
    // Lane titles take 10%; three stages share the rest 1:2:1.
    expect(columnCentres([1, 2, 1], 10).map((x) => Math.round(x * 1000) / 1000)).toEqual([0.2125, 0.55, 0.8875].map((x) => Math.round(x * 1000) / 1000));
    expect(columnCentres([1, 1], 0)).toEqual([0.25, 0.75]);
    expect(columnCentres([], 9)).toEqual([]);
  });

  it('is described up to the current stage only, in the stages’ own names', () => {
    const curve = emotionCurve(sample('sample-th'));
    expect(describeCurve(i18n, curve, 1)).toBe('Emotion curve: การสร้างการรับรู้ 0 (neutral), การติดต่อครั้งแรก +1 (positive)');
    expect(describeCurve(i18n, emotionCurve(template('blank')), 2)).toBe('Emotion curve: no emotion scores yet');
  });
});
