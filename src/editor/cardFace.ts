/**
 * What a card shows, as plain strings: the node component renders them and the layout
 * measures them (layout.ts), so the height the layout gives a card always counts the
 * lines the card really draws. Pure: no React, no DOM.
 */
import { formatResponseTarget, type Channel } from '../model/channels';
import type { Card, LaneKind } from '../model/schema';
import { kpiOnTarget, kpiStatus, type KpiStatus } from '../model/kpi';
import { KPI_METRIC_LABELS, kpiStatusMark, LANE_KIND_LABELS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';

export type CardData = {
  cardId: string;
  kind: Exclude<LaneKind, 'emotion'>;
  text: string;
  /** touchpoint */
  channelId: string | null;
  channelName: string | null;
  realtime: boolean | null;
  responseTarget: string | null;
  owner: string | null;
  /** pain */
  severity: string | null;
  touchpointText: string | null;
  /** opportunity */
  status: string | null;
  priority: string | null;
  /** kpi */
  metric: string | null;
  value: number | null;
  target: number | null;
  unit: string | null;
  /** true: value meets target; false: misses; null: unknown. */
  onTarget: boolean | null;
  kpiStatus: KpiStatus;
  direction: 'ltr' | 'rtl';
};

export function cardData(card: Card, channel: Channel | undefined, touchpointText: string | null, direction: 'ltr' | 'rtl'): CardData {
  const base: CardData = {
    cardId: card.id,
    kind: card.kind === 'emotion' ? 'text' : card.kind,
    text: card.text,
    channelId: null,
    channelName: null,
    realtime: null,
    responseTarget: null,
    owner: null,
    severity: null,
    touchpointText: null,
    status: null,
    priority: null,
    metric: null,
    value: null,
    target: null,
    unit: null,
    onTarget: null,
    kpiStatus: 'none',
    direction,
  };
  switch (card.kind) {
    case 'touchpoint':
      return {
        ...base,
        channelId: card.channel,
        channelName: channel?.name ?? null,
        realtime: channel ? channel.realtime : null,
        responseTarget: channel ? formatResponseTarget(channel.responseTargetMinutes) : null,
        owner: card.owner,
      };
    case 'pain':
      return { ...base, severity: card.severity, touchpointText };
    case 'opportunity':
      return { ...base, owner: card.owner, status: card.status, priority: card.priority };
    case 'kpi':
      return { ...base, metric: card.metric, value: card.value, target: card.target, unit: card.unit, onTarget: kpiOnTarget(card), kpiStatus: kpiStatus(card) };
    default:
      return base;
  }
}

/** The parts of a card, top to bottom. */
export interface CardFace {
  /** The small line at the top: the channel (with its icon), a severity, status or metric badge, or the kind. */
  head: { type: 'channel' | 'severity' | 'status' | 'metric' | 'kind'; text: string } | null;
  /** The card's text, or the placeholder an empty card shows. */
  text: string;
  empty: boolean;
  /** Label and value pairs under the text (touchpoints: owner and target; opportunities: priority and owner). */
  fields: readonly { label: string; value: string }[];
  /** A pain point's touchpoint ("at …"). */
  link: string | null;
  /** A KPI's value against its target. */
  kpi: { value: string; target: string; mark: string | null } | null;
}

/** What a pain card shows for the touchpoint it is felt at (null: none). */
export function touchpointLabel(link: Card | undefined): string | null {
  return link ? link.text || '(untitled touchpoint)' : null;
}

export function formatNumber(n: number | null): string {
  if (n === null) return '–';
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function label<K extends string>(labels: Record<K, string>, value: string | null): string {
  return value === null ? '' : ((labels as Record<string, string>)[value] ?? value);
}

export function cardFace(data: CardData): CardFace {
  const face: CardFace = {
    head: null,
    text: data.text || (data.kind === 'touchpoint' ? 'Touchpoint' : 'Double-click to write'),
    empty: !data.text,
    fields: [],
    link: null,
    kpi: null,
  };
  switch (data.kind) {
    case 'touchpoint':
      return {
        ...face,
        head: { type: 'channel', text: data.channelName ?? 'No channel' },
        fields: [
          { label: 'Owner', value: data.owner || '–' },
          { label: 'Target', value: data.responseTarget ?? '–' },
        ],
      };
    case 'pain':
      return {
        ...face,
        head: data.severity ? { type: 'severity', text: `⚠ ${label(SEVERITY_LABELS, data.severity)}` } : null,
        link: data.touchpointText ? `at ${data.touchpointText}` : null,
      };
    case 'opportunity':
      return {
        ...face,
        head: data.status ? { type: 'status', text: label(STATUS_LABELS, data.status) } : null,
        fields: [
          { label: 'Priority', value: label(PRIORITY_LABELS, data.priority) || '–' },
          { label: 'Owner', value: data.owner || '–' },
        ],
      };
    case 'kpi': {
      const unit = data.unit ? ` ${data.unit}` : '';
      return {
        ...face,
        head: data.metric ? { type: 'metric', text: label(KPI_METRIC_LABELS, data.metric) } : null,
        kpi: {
          value: `${formatNumber(data.value)}${unit}`,
          target: `/ target ${formatNumber(data.target)}${unit}`,
          mark: data.kpiStatus === 'none' ? null : ` ${kpiStatusMark(data.kpiStatus)}`,
        },
      };
    }
    default:
      return { ...face, head: { type: 'kind', text: LANE_KIND_LABELS[data.kind] } };
  }
}
