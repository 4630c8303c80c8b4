/**
 * The small line under a card's text in the print view ("Phone · real-time · responds at once",
 * "CSAT: 78 % · target 85 %"), as plain data: PrintView draws it, and the print layout estimates its
 * height from the same words, so the two cannot drift apart.
 */
import { channelById, formatResponseTarget } from '../model/channels';
import type { Card, JourneyMap } from '../model/schema';
import { KPI_METRIC_SHORT_LABELS, kpiStatusMark } from '../editor/labels';
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

export const EMOTION_NAME: Record<number, string> = {
  [-2]: 'very negative',
  [-1]: 'negative',
  0: 'neutral',
  1: 'positive',
  2: 'very positive',
};


/** A KPI figure with its unit ("30 ساعت"), or a dash when there is none. */
export function withUnit(n: number | null, unit: string): string {
  if (n === null) return '–';
  return unit ? `${n} ${unit}` : String(n);
}

export function cardMeta(card: Card, map: JourneyMap): MetaSpan[] {
  switch (card.kind) {
    case 'touchpoint': {
      const channel = card.channel ? channelById(map.channels, card.channel) : undefined;
      const spans: MetaSpan[] = [];
      if (channel) {
        spans.push({
          kind: 'channel',
          parts: [
            { text: channel.name, value: true },
            { text: ` · ${channel.realtime ? 'real-time' : 'not real-time'} · responds ${formatResponseTarget(channel.responseTargetMinutes)}` },
          ],
        });
      }
      if (card.owner) spans.push({ kind: 'owner', parts: [{ text: 'Owner: ' }, { text: card.owner, value: true }] });
      return spans;
    }
    case 'emotion':
      return [
        { kind: 'score', score: card.score, parts: [{ text: card.score > 0 ? `+${card.score}` : String(card.score) }] },
        { kind: 'emotion', parts: [{ text: EMOTION_NAME[card.score] ?? '' }] },
      ];
    case 'pain':
      return [{ kind: 'severity', parts: [{ text: `Severity: ${card.severity}` }] }];
    case 'opportunity':
      return [
        {
          kind: 'status',
          parts: [{ text: `${card.status} · priority ${card.priority}` }, ...(card.owner ? [{ text: ' · ' }, { text: card.owner, value: true }] : [])],
        },
      ];
    case 'kpi':
      return [
        {
          kind: 'kpi',
          parts: [
            { text: `${KPI_METRIC_SHORT_LABELS[card.metric]}: ` },
            { text: withUnit(card.value, card.unit), value: true },
            { text: ' · target ' },
            { text: withUnit(card.target, card.unit), value: true },
            ...(kpiStatus(card) === 'none' ? [] : [{ text: ` · ${kpiStatusMark(kpiStatus(card))}` }]),
          ],
        },
      ];
    default:
      return [];
  }
}

export function metaSpanText(span: MetaSpan): string {
  return span.parts.map((p) => p.text).join('');
}
