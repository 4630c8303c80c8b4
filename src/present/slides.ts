/**
 * Presentation mode, the pure part: the slide list of a map, what a key does, the focus
 * filters and the emotion curve. No React, no DOM, so it is tested directly on real maps. What it
 * words is worded by the `i18n` it is given: the map's language.
 */
import type { I18n } from '../i18n';
import { channelById, type ChannelId } from '../model/channels';
import type { Card, Direction, JourneyMap, Lane, Persona, Stage } from '../model/schema';
import { KPI_METRIC_SHORT_LABEL_IDS } from '../editor/labels';

// ---------------------------------------------------------------------------------------------
// Slides

export type Slide =
  | { kind: 'title' }
  | { kind: 'stage'; stageId: string; /** 0-based position of the stage in the map. */ stageIndex: number }
  | { kind: 'overview' };

/** A title slide, one slide per stage in the map's order, then the whole map. */
export function buildSlides(map: Pick<JourneyMap, 'stages'>): Slide[] {
  return [
    { kind: 'title' },
    ...map.stages.map((s, stageIndex): Slide => ({ kind: 'stage', stageId: s.id, stageIndex })),
    { kind: 'overview' },
  ];
}

export function stageOf(map: Pick<JourneyMap, 'stages'>, slide: Slide): Stage | undefined {
  return slide.kind === 'stage' ? map.stages.find((s) => s.id === slide.stageId) : undefined;
}

/** What a slide is called in the progress text and the slide region's name. */
export function slideTitle(i18n: I18n, map: Pick<JourneyMap, 'stages' | 'title'>, slide: Slide): string {
  if (slide.kind === 'title') return map.title.trim() || i18n._('present.slide.untitled');
  if (slide.kind === 'overview') return i18n._('present.slide.overview');
  return stageOf(map, slide)?.name.trim() || i18n._('present.slide.unnamedStage', { number: i18n.number(slide.stageIndex + 1) });
}

/** "Slide 3 of 7: Buying": the accessible name of the slide region. */
export function slideLabel(i18n: I18n, map: Pick<JourneyMap, 'stages' | 'title'>, slides: readonly Slide[], index: number): string {
  const slide = slides[index];
  if (!slide) return '';
  return i18n._('present.slide.label', {
    number: i18n.number(index + 1),
    count: i18n.number(slides.length),
    title: slideTitle(i18n, map, slide),
  });
}

/** Keeps an index inside the deck (a map can lose stages while a second window shows it). */
export function clampIndex(index: number, count: number): number {
  if (count <= 0) return 0;
  return Math.min(Math.max(0, Math.trunc(index)), count - 1);
}

/** The slide of stage number `n` (1-based, as the facilitator says it), or undefined. */
export function slideIndexOfStage(slides: readonly Slide[], n: number): number | undefined {
  const i = slides.findIndex((s) => s.kind === 'stage' && s.stageIndex === n - 1);
  return i < 0 ? undefined : i;
}

// ---------------------------------------------------------------------------------------------
// Keys

export type KeyAction =
  | { type: 'next' }
  | { type: 'prev' }
  | { type: 'first' }
  | { type: 'last' }
  | { type: 'leave' }
  | { type: 'notes' }
  | { type: 'fullscreen' }
  | { type: 'digit'; digit: number }
  | { type: 'commit' };

export interface KeyInput {
  key: string;
  /** KeyboardEvent.code: "Digit3" and "Numpad3" are digits whatever the keyboard layout. */
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

/**
 * Digits as they arrive from keyboards in our users' scripts: ASCII, Arabic-Indic (٣),
 * Extended Arabic-Indic (Persian ۳) and Thai (๓).
 */
export function digitOf(key: string, code?: string): number | undefined {
  // A named key (End, ArrowDown: the number pad with NumLock off) is that key, not a digit.
  if (key.length !== 1) return undefined;
  const c = key.codePointAt(0) ?? 0;
  for (const zero of [0x30, 0x660, 0x6f0, 0xe50]) {
    if (c >= zero && c <= zero + 9) return c - zero;
  }
  // Layouts whose digit row types other characters without Shift (French: & é " ').
  const m = code ? /^(?:Digit|Numpad)(\d)$/.exec(code) : null;
  return m?.[1] !== undefined ? Number(m[1]) : undefined;
}

/**
 * What a key does. Clickers send PageDown / PageUp (some send arrows or space); the arrows
 * follow the reading direction, so on a right-to-left map ← goes forward, as the stages run.
 * Keys with Ctrl, Alt or Meta belong to the browser (Ctrl+R, Alt+←) and are left alone.
 */
export function actionForKey(e: KeyInput, direction: Direction): KeyAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const forward = direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
  const backward = direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
  switch (e.key) {
    case forward:
    case 'ArrowDown':
    case 'PageDown':
      return { type: 'next' };
    case ' ':
    case 'Spacebar':
      return { type: e.shiftKey ? 'prev' : 'next' };
    case backward:
    case 'ArrowUp':
    case 'PageUp':
    case 'Backspace':
      return { type: 'prev' };
    case 'Home':
      return { type: 'first' };
    case 'End':
      return { type: 'last' };
    case 'Escape':
    case 'Esc':
      return { type: 'leave' };
    case 'Enter':
      return { type: 'commit' };
  }
  const lower = e.key.toLowerCase();
  // By code too, so N and F work on a Thai or Persian keyboard layout.
  if (lower === 'n' || e.code === 'KeyN') return { type: 'notes' };
  if (lower === 'f' || e.code === 'KeyF') return { type: 'fullscreen' };
  const digit = digitOf(e.key, e.code);
  return digit === undefined ? null : { type: 'digit', digit };
}

/**
 * Typing a stage number: "3" jumps at once when no stage 30..39 exists; on a map with 12
 * stages "1" waits (for "2", Enter or a pause) because it may become "12".
 */
export function typeDigit(
  buffer: string,
  digit: number,
  stageCount: number,
): { buffer: string; jumpTo?: number } {
  const next = `${buffer}${digit}`.replace(/^0+/, '');
  if (next === '') return { buffer: '' };
  const n = Number(next);
  // Not a stage: drop what was typed rather than guess which stage was meant.
  if (n > stageCount) return { buffer: '' };
  if (n * 10 > stageCount) return { buffer: '', jumpTo: n };
  return { buffer: next };
}

/** The stage a pending buffer names when Enter is pressed or the pause runs out. */
export function commitDigits(buffer: string, stageCount: number): number | undefined {
  const n = Number(buffer);
  return buffer !== '' && n >= 1 && n <= stageCount ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Focus filters

export type Focus =
  | { kind: 'all' }
  | { kind: 'pain' }
  | { kind: 'channel'; channel: ChannelId }
  | { kind: 'persona'; personaId: string };

export const ALL: Focus = { kind: 'all' };

export interface FocusOption {
  /** Stable value for a <select>: "all", "pain", "channel:phone", "persona:<id>". */
  value: string;
  label: string;
  focus: Focus;
  /** Offered but not choosable: a persona without a path on this map (the label says so). */
  disabled?: boolean;
}

export function focusValue(focus: Focus): string {
  switch (focus.kind) {
    case 'channel':
      return `channel:${focus.channel}`;
    case 'persona':
      return `persona:${focus.personaId}`;
    default:
      return focus.kind;
  }
}

/** A persona's name as the slides say it ("Unnamed persona" for none). */
export function personaName(i18n: I18n, persona: Pick<Persona, 'name'>): string {
  return persona.name.trim() || i18n._('present.persona.unnamed');
}

/** "Kevin Smith’s path": what the persona focus is called, on the filter and on the slides. */
export function personaPathName(i18n: I18n, persona: Pick<Persona, 'name'>): string {
  return i18n._('present.persona.path', { name: personaName(i18n, persona) });
}

/**
 * The cards on a persona's path: both ends of every arrow the map marks as theirs (Kevin's
 * email -> Facebook -> chat), in no particular order.
 */
export function personaPath(map: Pick<JourneyMap, 'connections'>, personaId: string): Set<string> {
  const ids = new Set<string>();
  for (const k of map.connections) {
    if (k.personaId !== personaId) continue;
    ids.add(k.from);
    ids.add(k.to);
  }
  return ids;
}

/**
 * The focus filters this map offers: pain points when it has any, one entry per channel its
 * touchpoints use (in catalogue order), one per linked persona that was found. A persona
 * whose path the map does not draw yet is listed, disabled, with the reason in its label.
 */
export function focusOptions(i18n: I18n, map: JourneyMap, personas: readonly Persona[]): FocusOption[] {
  const options: FocusOption[] = [{ value: 'all', label: i18n._('present.focus.all'), focus: ALL }];
  if (map.cards.some((c) => c.kind === 'pain')) options.push({ value: 'pain', label: i18n._('present.focus.pain'), focus: { kind: 'pain' } });
  const used = new Set(map.cards.flatMap((c) => (c.kind === 'touchpoint' && c.channel ? [c.channel] : [])));
  const catalogue = [...map.channels.map((c) => c.id), ...used];
  for (const id of new Set(catalogue)) {
    if (!used.has(id)) continue;
    const name = channelById(map.channels, id)?.name ?? id;
    const focus: Focus = { kind: 'channel', channel: id };
    options.push({ value: focusValue(focus), label: i18n._('present.focus.channel', { channel: name }), focus });
  }
  const byId = new Map(personas.map((p) => [p.id, p]));
  for (const id of map.personaIds) {
    const p = byId.get(id);
    if (!p) continue;
    const focus: Focus = { kind: 'persona', personaId: id };
    const drawn = map.connections.some((k) => k.personaId === id);
    options.push(
      drawn
        ? { value: focusValue(focus), label: personaPathName(i18n, p), focus }
        : { value: focusValue(focus), label: i18n._('present.focus.personaWithoutPath', { path: personaPathName(i18n, p) }), focus, disabled: true },
    );
  }
  return options;
}

/**
 * Which cards show under a focus, as one predicate for the whole map (a persona's path needs
 * the arrows, not just the card):
 * - pain points: the pain cards;
 * - one channel: that channel's touchpoints;
 * - a persona's path: the cards their arrows join, the pain points felt at those touchpoints,
 *   and the emotion cards of the stages the path passes through (how the walk felt there).
 */
export function focusFilter(map: Pick<JourneyMap, 'cards' | 'connections'>, focus: Focus): (card: Card) => boolean {
  switch (focus.kind) {
    case 'pain':
      return (card) => card.kind === 'pain';
    case 'channel':
      return (card) => card.kind === 'touchpoint' && card.channel === focus.channel;
    case 'persona': {
      const path = personaPath(map, focus.personaId);
      const stages = new Set(map.cards.filter((c) => path.has(c.id)).map((c) => c.stageId));
      return (card) =>
        path.has(card.id) ||
        (card.kind === 'pain' && card.touchpointId !== undefined && path.has(card.touchpointId)) ||
        (card.kind === 'emotion' && stages.has(card.stageId));
    }
    default:
      return () => true;
  }
}

export interface LaneCards {
  lane: Lane;
  cards: Card[];
}

/**
 * One stage's cards under a focus, lane by lane in the map's lane order, each cell in card
 * order. Lanes without a card under the focus are left out: on a projector the room goes to
 * what is there (text as large as it fits), and a stage with nothing says so instead.
 */
export function stageCards(map: JourneyMap, stageId: string, focus: Focus): LaneCards[] {
  const visible = focusFilter(map, focus);
  return map.lanes
    .map((lane) => ({
      lane,
      cards: map.cards
        .filter((c) => c.stageId === stageId && c.laneId === lane.id && visible(c))
        .sort((a, b) => a.order - b.order),
    }))
    .filter((l) => l.cards.length > 0);
}

/** Ids of every card that shows under a focus (the overview slide uses it). */
export function visibleCardIds(map: JourneyMap, focus: Focus): Set<string> {
  const lanes = new Set(map.lanes.map((l) => l.id));
  const visible = focusFilter(map, focus);
  return new Set(map.cards.filter((c) => lanes.has(c.laneId) && visible(c)).map((c) => c.id));
}

/** Is a touchpoint on one of the persona's preferred channels? Marked on their journey, never hidden. */
export function onPreferredChannel(card: Card, persona: Persona | undefined): boolean {
  return persona !== undefined && card.kind === 'touchpoint' && card.channel !== null && persona.preferredChannels.includes(card.channel);
}

// ---------------------------------------------------------------------------------------------
// Card text


/** A card's main line on a slide: its text; one without (an emotion point, a bare KPI) says what it is. */
export function cardHeadline(i18n: I18n, card: Card): string {
  if (card.text.trim()) return card.text;
  if (card.kind === 'emotion') return describeScore(i18n, card.score);
  if (card.kind === 'kpi') return i18n._(KPI_METRIC_SHORT_LABEL_IDS[card.metric]);
  return '';
}

// ---------------------------------------------------------------------------------------------
// Emotion curve

export interface CurvePoint {
  stageId: string;
  stageName: string;
  /** Mean of the stage's emotion scores (-2..2), or null when the stage has none. */
  score: number | null;
}

/** One point per stage, as the editor draws the line: the mean of the stage's emotion cards. */
export function emotionCurve(map: JourneyMap): CurvePoint[] {
  return map.stages.map((stage) => {
    const scores = map.cards.flatMap((c) => (c.kind === 'emotion' && c.stageId === stage.id ? [c.score] : []));
    const score = scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
    return { stageId: stage.id, stageName: stage.name, score };
  });
}

/**
 * Where each stage's column centre lies, as a fraction of the width from the reading start, for
 * a table whose first column (the lane titles) takes `leadingPct` percent and whose stage columns
 * share the rest in proportion to `widths`. The whole-map curve puts its points there, so each
 * one sits under its stage (in a right-to-left map the browser mirrors it, as it does the table).
 */
export function columnCentres(widths: readonly number[], leadingPct: number): number[] {
  const units = widths.reduce((a, b) => a + b, 0) || 1;
  const out: number[] = [];
  let start = leadingPct;
  for (const w of widths) {
    const share = ((100 - leadingPct) * w) / units;
    out.push((start + share / 2) / 100);
    start += share;
  }
  return out;
}

const MOOD_IDS = [
  /*i18n*/ 'present.mood.veryNegative',
  /*i18n*/ 'present.mood.negative',
  /*i18n*/ 'present.mood.neutral',
  /*i18n*/ 'present.mood.positive',
  /*i18n*/ 'present.mood.veryPositive',
] as const;

/** "+1.5 (positive)": a score as it is read out. */
export function describeScore(i18n: I18n, score: number): string {
  const mood = i18n._(MOOD_IDS[Math.round(score) + 2] ?? MOOD_IDS[2]);
  return i18n._('present.score', { score: i18n.number(score, { signDisplay: 'exceptZero' }), mood });
}

/** The curve's text alternative, up to (and including) stage `upTo` (0-based). */
export function describeCurve(i18n: I18n, curve: readonly CurvePoint[], upTo: number): string {
  const shown = curve.slice(0, upTo + 1).filter((p) => p.score !== null);
  if (shown.length === 0) return i18n._('present.curve.empty');
  const points = shown.map((p) =>
    i18n._('present.curve.point', { stage: p.stageName.trim() || i18n._('present.curve.unnamedStage'), score: describeScore(i18n, p.score ?? 0) }),
  );
  return i18n._('present.curve.label', { points: new Intl.ListFormat(i18n.locale, { type: 'unit', style: 'short' }).format(points) });
}
