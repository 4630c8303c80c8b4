/**
 * What a card shows, as plain strings: the node component renders them and the layout
 * measures them (layout.ts), so the height the layout gives a card always counts the
 * lines the card really draws. Pure: no React, no DOM. The words come from the catalogue of
 * the `i18n` instance given (the interface's, in the editor); `cardData` holds no words.
 */
import type { I18n } from '../i18n';
import type { Locale } from '../i18n/locales';
import type { Channel } from '../model/channels';
import type { Card, LaneKind } from '../model/schema';
import { kpiOnTarget, kpiStatus, type KpiStatus } from '../model/kpi';
import { KPI_METRIC_LABEL_IDS, kpiStatusMark, LANE_KIND_LABEL_IDS, PRIORITY_LABEL_IDS, SEVERITY_LABEL_IDS, STATUS_LABEL_IDS } from './labels';

export type CardData = {
  cardId: string;
  kind: Exclude<LaneKind, 'emotion'>;
  text: string;
  /** touchpoint */
  channelId: string | null;
  channelName: string | null;
  realtime: boolean | null;
  /** The channel's response target in minutes (cardFace words it). */
  responseTargetMinutes: number | null;
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
  /** The map's language: the card's figures are the map's content, written in its digits (۹۵ on a Persian map). */
  language: Locale;
  /** Comments in the card's open threads (a badge in its corner; the layout does not count it). */
  comments: number;
};

export function cardData(
  card: Card,
  channel: Channel | undefined,
  touchpointText: string | null,
  direction: 'ltr' | 'rtl',
  language: Locale,
  comments = 0,
): CardData {
  const base: CardData = {
    cardId: card.id,
    kind: card.kind === 'emotion' ? 'text' : card.kind,
    text: card.text,
    channelId: null,
    channelName: null,
    realtime: null,
    responseTargetMinutes: null,
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
    language,
    comments,
  };
  switch (card.kind) {
    case 'touchpoint':
      return {
        ...base,
        channelId: card.channel,
        channelName: channel?.name ?? null,
        realtime: channel ? channel.realtime : null,
        responseTargetMinutes: channel ? channel.responseTargetMinutes : null,
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

/**
 * The text of the touchpoint a pain card is felt at, as the card's data carries it (null: none;
 * '' : a touchpoint without text, which cardFace words).
 */
export function touchpointLabel(link: Card | undefined): string | null {
  return link ? link.text : null;
}

const figureFormats = new Map<string, Intl.NumberFormat>();

/**
 * A KPI figure as a card shows it: at most one decimal, in the digits of the map's language ("–"
 * without one), as its presentation and PDF write it, whatever the interface's language.
 */
export function formatNumber(language: Locale, n: number | null): string {
  if (n === null) return '–';
  const key = `${language}:${Number.isInteger(n) ? 0 : 1}`;
  let format = figureFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(language, { useGrouping: false, minimumFractionDigits: Number.isInteger(n) ? 0 : 1, maximumFractionDigits: 1 });
    figureFormats.set(key, format);
  }
  return format.format(n);
}

const HOUR = 60;

/** A channel's response target: "at once", "15 min", "4 h", "1.5 h", "3 d". */
export function responseTargetText(i18n: I18n, minutes: number): string {
  if (minutes <= 0) return i18n._('editor.card.responseTarget.atOnce');
  if (minutes < HOUR) return i18n._('editor.card.responseTarget.minutes', { minutes: i18n.number(minutes, { useGrouping: false }) });
  if (minutes < 48 * HOUR || minutes % (24 * HOUR) !== 0) {
    const hours = minutes / HOUR;
    return i18n._('editor.card.responseTarget.hours', {
      hours: i18n.number(hours, { useGrouping: false, minimumFractionDigits: Number.isInteger(hours) ? 0 : 1, maximumFractionDigits: 1 }),
    });
  }
  return i18n._('editor.card.responseTarget.days', { days: i18n.number(minutes / (24 * HOUR), { useGrouping: false }) });
}

/** The word for a code of the model (a severity, a status…), or the code itself when the table has none. */
function label(i18n: I18n, ids: Record<string, string>, value: string | null): string {
  if (value === null) return '';
  const id = ids[value];
  return id ? i18n._(id) : value;
}

export function cardFace(i18n: I18n, data: CardData): CardFace {
  const face: CardFace = {
    head: null,
    text: data.text || (data.kind === 'touchpoint' ? i18n._('editor.card.placeholder.touchpoint') : i18n._('editor.card.placeholder.text')),
    empty: !data.text,
    fields: [],
    link: null,
    kpi: null,
  };
  switch (data.kind) {
    case 'touchpoint':
      return {
        ...face,
        head: { type: 'channel', text: data.channelName ?? i18n._('editor.card.noChannel') },
        fields: [
          { label: i18n._('editor.card.owner'), value: data.owner || '–' },
          { label: i18n._('editor.card.target'), value: data.responseTargetMinutes === null ? '–' : responseTargetText(i18n, data.responseTargetMinutes) },
        ],
      };
    case 'pain':
      return {
        ...face,
        head: data.severity ? { type: 'severity', text: `⚠ ${label(i18n, SEVERITY_LABEL_IDS, data.severity)}` } : null,
        link:
          data.touchpointText !== null
            ? i18n._('editor.card.feltAt', { touchpoint: data.touchpointText || i18n._('editor.card.untitledTouchpoint') })
            : null,
      };
    case 'opportunity':
      return {
        ...face,
        head: data.status ? { type: 'status', text: label(i18n, STATUS_LABEL_IDS, data.status) } : null,
        fields: [
          { label: i18n._('editor.card.priority'), value: label(i18n, PRIORITY_LABEL_IDS, data.priority) || '–' },
          { label: i18n._('editor.card.owner'), value: data.owner || '–' },
        ],
      };
    case 'kpi': {
      const unit = data.unit ? ` ${data.unit}` : '';
      return {
        ...face,
        head: data.metric ? { type: 'metric', text: label(i18n, KPI_METRIC_LABEL_IDS, data.metric) } : null,
        kpi: {
          value: `${formatNumber(data.language, data.value)}${unit}`,
          target: i18n._('editor.card.kpiTarget', { target: `${formatNumber(data.language, data.target)}${unit}` }),
          mark: data.kpiStatus === 'none' ? null : ` ${kpiStatusMark(i18n, data.kpiStatus)}`,
        },
      };
    }
    default:
      return { ...face, head: { type: 'kind', text: i18n._(LANE_KIND_LABEL_IDS[data.kind]) } };
  }
}
