/**
 * The small line under a card's text in the print view ("Phone · real-time · responds at once",
 * "CSAT: 78 % · target 85 %"), as plain data: PrintView draws it, and the print layout estimates its
 * height from the same words, so the two cannot drift apart. Worded by the `i18n` it is given (the
 * map's language).
 */
import type { I18n } from '../i18n';
import { channelById } from '../model/channels';
import type { Card, JourneyMap } from '../model/schema';
import { KPI_METRIC_SHORT_LABEL_IDS, kpiStatusMark, PRIORITY_LABEL_IDS, SEVERITY_LABEL_IDS, STATUS_LABEL_IDS } from '../editor/labels';
import { kpiStatus } from '../model/kpi';

/** A piece of a meta span: our own words, or a value that came from the document. */
export interface MetaPart {
  text: string;
  /** From the document (a channel name, an owner, a number with its unit): drawn isolated, dir="auto". */
  value?: boolean;
}

/** One span of the meta line (spans wrap as wholes). */
export interface MetaSpan {
  kind: 'channel' | 'owner' | 'score' | 'emotion' | 'severity' | 'status' | 'kpi';
  parts: MetaPart[];
  /** The emotion score, for colouring negative scores. */
  score?: number;
}

// ---------------------------------------------------------------------------------------------
// Slots: a document value (or an element) inside a translated sentence. The message is formatted
// with a marker for each value, then cut at the markers, so every language puts the value where its
// grammar wants it ("Owner: {owner}", "เส้นทางของ {name}") and the value stays its own isolate.

/** The marker that stands for value `n` while a message is formatted (private-use characters). */
export function slot(n: number): string {
  return `\uE000${n}\uE001`;
}

/** A formatted message cut at its markers: its own words as strings, each marker as the value it stands for. */
export function fillSlots<T>(text: string, values: readonly T[]): (string | T)[] {
  const out: (string | T)[] = [];
  text.split(/\uE000(\d+)\uE001/u).forEach((part, i) => {
    if (i % 2 === 1) out.push(values[Number(part)]!);
    else if (part) out.push(part);
  });
  return out;
}

/** A message's words and its document values as meta parts. */
function partsOf(text: string, values: readonly string[]): MetaPart[] {
  return fillSlots(text, values.map((v): MetaPart => ({ text: v, value: true }))).map((p) => (typeof p === 'string' ? { text: p } : p));
}

// ---------------------------------------------------------------------------------------------

export const EMOTION_NAME_IDS: Record<number, string> = {
  [-2]: /*i18n*/ 'print.emotion.veryNegative',
  [-1]: /*i18n*/ 'print.emotion.negative',
  0: /*i18n*/ 'print.emotion.neutral',
  1: /*i18n*/ 'print.emotion.positive',
  2: /*i18n*/ 'print.emotion.veryPositive',
};

/** Decimals a KPI figure keeps: as many as were typed (Intl would round to three). */
const FIGURE = { maximumFractionDigits: 10 } as const;

/** A KPI figure with its unit ("30 ساعت"), in the language's digits, or a dash when there is none. */
export function withUnit(i18n: I18n, n: number | null, unit: string): string {
  if (n === null) return '–';
  const figure = i18n.number(n, FIGURE);
  return unit ? `${figure} ${unit}` : figure;
}

const HOUR = 60;

/** "responds at once", "responds 30 min", "responds 1.5 h", "responds 3 d" (as formatResponseTarget rounds them). */
function respondsText(i18n: I18n, minutes: number): string {
  if (minutes <= 0) return i18n._('print.meta.respondsAtOnce');
  if (minutes < HOUR) return i18n._('print.meta.respondsMinutes', { minutes: i18n.number(minutes) });
  if (minutes < 48 * HOUR || minutes % (24 * HOUR) !== 0) {
    const hours = minutes / HOUR;
    const shown = Number.isInteger(hours) ? i18n.number(hours) : i18n.number(hours, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return i18n._('print.meta.respondsHours', { hours: shown });
  }
  return i18n._('print.meta.respondsDays', { days: i18n.number(minutes / (24 * HOUR)) });
}

/** An emotion score as it is printed: "+2", "0", "-1" (in the language's digits). */
export function signedScore(i18n: I18n, score: number): string {
  return i18n.number(score, { signDisplay: 'exceptZero' });
}

export function cardMeta(i18n: I18n, card: Card, map: JourneyMap): MetaSpan[] {
  switch (card.kind) {
    case 'touchpoint': {
      const channel = card.channel ? channelById(map.channels, card.channel) : undefined;
      const spans: MetaSpan[] = [];
      if (channel) {
        const realtime = channel.realtime ? i18n._('print.meta.realtime') : i18n._('print.meta.notRealtime');
        spans.push({
          kind: 'channel',
          parts: [{ text: channel.name, value: true }, { text: ` · ${realtime} · ${respondsText(i18n, channel.responseTargetMinutes)}` }],
        });
      }
      if (card.owner) spans.push({ kind: 'owner', parts: partsOf(i18n._('print.meta.owner', { owner: slot(0) }), [card.owner]) });
      return spans;
    }
    case 'emotion': {
      const name = EMOTION_NAME_IDS[card.score];
      return [
        { kind: 'score', score: card.score, parts: [{ text: signedScore(i18n, card.score) }] },
        { kind: 'emotion', parts: [{ text: name ? i18n._(name) : '' }] },
      ];
    }
    case 'pain': {
      const severity = i18n._(SEVERITY_LABEL_IDS[card.severity]).toLocaleLowerCase(i18n.locale);
      return [{ kind: 'severity', parts: [{ text: i18n._('print.meta.severity', { severity }) }] }];
    }
    case 'opportunity': {
      const status = i18n._('print.meta.opportunity', {
        status: i18n._(STATUS_LABEL_IDS[card.status]),
        priority: i18n._(PRIORITY_LABEL_IDS[card.priority]).toLocaleLowerCase(i18n.locale),
      });
      return [{ kind: 'status', parts: [{ text: status }, ...(card.owner ? [{ text: ' · ' }, { text: card.owner, value: true }] : [])] }];
    }
    case 'kpi': {
      const status = kpiStatus(card);
      const figures = i18n._('print.meta.kpi', { metric: i18n._(KPI_METRIC_SHORT_LABEL_IDS[card.metric]), value: slot(0), target: slot(1) });
      return [
        {
          kind: 'kpi',
          parts: [
            ...partsOf(figures, [withUnit(i18n, card.value, card.unit), withUnit(i18n, card.target, card.unit)]),
            ...(status === 'none' ? [] : [{ text: ` · ${kpiStatusMark(i18n, status)}` }]),
          ],
        },
      ];
    }
    default:
      return [];
  }
}

export function metaSpanText(span: MetaSpan): string {
  return span.parts.map((p) => p.text).join('');
}
