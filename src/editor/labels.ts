/**
 * The one label table: the words for the model's codes (lane kinds, severities, statuses, KPI
 * metrics, CSV columns), as catalogue ids. Every view translates them with its own i18n instance
 * (the interface's in the editor, the map's language in print, slides and CSV):
 *   i18n._(LANE_KIND_LABEL_IDS[kind])
 * The `/*i18n*\/` marks let `lingui extract` find the ids, so none goes missing from a catalogue.
 */
import type { I18n } from '../i18n';
import type { CardColumn, ConnectionColumn, PersonaColumn } from '../export/csv';
import type { KPI_METRICS, LaneKind, OPPORTUNITY_STATUSES, PRIORITIES, SEVERITIES } from '../model/schema';
import type { KpiStatus } from '../model/kpi';

export const LANE_KIND_LABEL_IDS: Record<LaneKind, string> = {
  text: /*i18n*/ 'label.laneKind.text',
  touchpoint: /*i18n*/ 'label.laneKind.touchpoint',
  emotion: /*i18n*/ 'label.laneKind.emotion',
  pain: /*i18n*/ 'label.laneKind.pain',
  opportunity: /*i18n*/ 'label.laneKind.opportunity',
  kpi: /*i18n*/ 'label.laneKind.kpi',
};

export const SEVERITY_LABEL_IDS: Record<(typeof SEVERITIES)[number], string> = {
  low: /*i18n*/ 'label.severity.low',
  medium: /*i18n*/ 'label.severity.medium',
  high: /*i18n*/ 'label.severity.high',
  critical: /*i18n*/ 'label.severity.critical',
};

export const PRIORITY_LABEL_IDS: Record<(typeof PRIORITIES)[number], string> = {
  low: /*i18n*/ 'label.priority.low',
  medium: /*i18n*/ 'label.priority.medium',
  high: /*i18n*/ 'label.priority.high',
};

export const STATUS_LABEL_IDS: Record<(typeof OPPORTUNITY_STATUSES)[number], string> = {
  idea: /*i18n*/ 'label.status.idea',
  planned: /*i18n*/ 'label.status.planned',
  'in-progress': /*i18n*/ 'label.status.inProgress',
  done: /*i18n*/ 'label.status.done',
  dropped: /*i18n*/ 'label.status.dropped',
};

export const KPI_METRIC_LABEL_IDS: Record<(typeof KPI_METRICS)[number], string> = {
  nps: /*i18n*/ 'label.kpiMetric.nps',
  csat: /*i18n*/ 'label.kpiMetric.csat',
  fcr: /*i18n*/ 'label.kpiMetric.fcr',
  'response-time': /*i18n*/ 'label.kpiMetric.responseTime',
  conversion: /*i18n*/ 'label.kpiMetric.conversion',
  retention: /*i18n*/ 'label.kpiMetric.retention',
  effort: /*i18n*/ 'label.kpiMetric.effort',
  other: /*i18n*/ 'label.kpiMetric.other',
};

export const KPI_METRIC_SHORT_LABEL_IDS: Record<(typeof KPI_METRICS)[number], string> = {
  nps: /*i18n*/ 'label.kpiMetricShort.nps',
  csat: /*i18n*/ 'label.kpiMetricShort.csat',
  fcr: /*i18n*/ 'label.kpiMetricShort.fcr',
  'response-time': /*i18n*/ 'label.kpiMetricShort.responseTime',
  conversion: /*i18n*/ 'label.kpiMetricShort.conversion',
  retention: /*i18n*/ 'label.kpiMetricShort.retention',
  effort: /*i18n*/ 'label.kpiMetricShort.effort',
  other: /*i18n*/ 'label.kpiMetricShort.other',
};

export const CARD_COLUMN_LABEL_IDS: Record<CardColumn, string> = {
  id: /*i18n*/ 'label.csv.card.id',
  stage: /*i18n*/ 'label.csv.card.stage',
  lane: /*i18n*/ 'label.csv.card.lane',
  kind: /*i18n*/ 'label.csv.card.kind',
  text: /*i18n*/ 'label.csv.card.text',
  channel: /*i18n*/ 'label.csv.card.channel',
  owner: /*i18n*/ 'label.csv.card.owner',
  score: /*i18n*/ 'label.csv.card.score',
  severity: /*i18n*/ 'label.csv.card.severity',
  touchpointId: /*i18n*/ 'label.csv.card.touchpointId',
  touchpoint: /*i18n*/ 'label.csv.card.touchpoint',
  status: /*i18n*/ 'label.csv.card.status',
  priority: /*i18n*/ 'label.csv.card.priority',
  impact: /*i18n*/ 'label.csv.card.impact',
  effort: /*i18n*/ 'label.csv.card.effort',
  metric: /*i18n*/ 'label.csv.card.metric',
  value: /*i18n*/ 'label.csv.card.value',
  target: /*i18n*/ 'label.csv.card.target',
  unit: /*i18n*/ 'label.csv.card.unit',
  kpiStatus: /*i18n*/ 'label.csv.card.kpiStatus',
};

export const PERSONA_COLUMN_LABEL_IDS: Record<PersonaColumn, string> = {
  id: /*i18n*/ 'label.csv.persona.id',
  name: /*i18n*/ 'label.csv.persona.name',
  age: /*i18n*/ 'label.csv.persona.age',
  occupation: /*i18n*/ 'label.csv.persona.occupation',
  family: /*i18n*/ 'label.csv.persona.family',
  location: /*i18n*/ 'label.csv.persona.location',
  quote: /*i18n*/ 'label.csv.persona.quote',
  story: /*i18n*/ 'label.csv.persona.story',
  goals: /*i18n*/ 'label.csv.persona.goals',
  needs: /*i18n*/ 'label.csv.persona.needs',
  motivations: /*i18n*/ 'label.csv.persona.motivations',
  frustrations: /*i18n*/ 'label.csv.persona.frustrations',
  behaviours: /*i18n*/ 'label.csv.persona.behaviours',
  preferredChannels: /*i18n*/ 'label.csv.persona.preferredChannels',
  techComfort: /*i18n*/ 'label.csv.persona.techComfort',
  demographics: /*i18n*/ 'label.csv.persona.demographics',
  psychographics: /*i18n*/ 'label.csv.persona.psychographics',
};

export const CONNECTION_COLUMN_LABEL_IDS: Record<ConnectionColumn, string> = {
  fromId: /*i18n*/ 'label.csv.connection.fromId',
  from: /*i18n*/ 'label.csv.connection.from',
  toId: /*i18n*/ 'label.csv.connection.toId',
  to: /*i18n*/ 'label.csv.connection.to',
  label: /*i18n*/ 'label.csv.connection.label',
  persona: /*i18n*/ 'label.csv.connection.persona',
};

export const KPI_STATUS_LABEL_IDS: Record<KpiStatus, string> = {
  on: /*i18n*/ 'label.kpiStatus.on',
  below: /*i18n*/ 'label.kpiStatus.below',
  above: /*i18n*/ 'label.kpiStatus.above',
  none: /*i18n*/ 'label.kpiStatus.none',
};

/** What a connection's "Whose path" says when the arrow belongs to no one persona (the editor and the CSV). */
export const EVERYONE_LABEL_ID = /*i18n*/ 'label.everyone';

/** "✓ On target", "✗ Above target"…: the status as cards, slides and print show it ('' without a target). */
export function kpiStatusMark(i18n: I18n, status: KpiStatus): string {
  if (status === 'none') return '';
  return `${status === 'on' ? '✓' : '✗'} ${i18n._(KPI_STATUS_LABEL_IDS[status])}`;
}
