import type { CardColumn, ConnectionColumn, PersonaColumn } from '../export/csv';
import type { KPI_METRICS, LaneKind, OPPORTUNITY_STATUSES, PRIORITIES, SEVERITIES } from '../model/schema';
import type { KpiStatus } from '../model/kpi';

export const LANE_KIND_LABELS: Record<LaneKind, string> = {
  text: 'Text',
  touchpoint: 'Touchpoints',
  emotion: 'Emotion curve',
  pain: 'Pain points',
  opportunity: 'Opportunities',
  kpi: 'KPIs',
};

export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};

export const PRIORITY_LABELS: Record<(typeof PRIORITIES)[number], string> = { low: 'Low', medium: 'Medium', high: 'High' };

export const STATUS_LABELS: Record<(typeof OPPORTUNITY_STATUSES)[number], string> = {
  idea: 'Idea',
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const KPI_METRIC_LABELS: Record<(typeof KPI_METRICS)[number], string> = {
  nps: 'NPS',
  csat: 'CSAT',
  fcr: 'First-contact resolution',
  'response-time': 'Response time',
  conversion: 'Conversion rate',
  retention: 'Retention rate',
  effort: 'Customer effort',
  other: 'Other',
};

/** Short metric names, for the one-line KPI of a printed card or a slide ("FCR: 68 %"). */
export const KPI_METRIC_SHORT_LABELS: Record<(typeof KPI_METRICS)[number], string> = {
  nps: 'NPS',
  csat: 'CSAT',
  fcr: 'FCR',
  'response-time': 'Response time',
  conversion: 'Conversion',
  retention: 'Retention',
  effort: 'Customer effort',
  other: 'KPI',
};

/** What a connection's "Whose path" says when the arrow belongs to no one persona (the editor and the CSV). */
export const EVERYONE_LABEL = 'Everyone';

/**
 * Column headers of the CSV export, one table per file (cards.csv, personas.csv, connections.csv).
 * The column order is the order of src/export/csv.ts; these are only the words a spreadsheet shows.
 */
export const CARD_COLUMN_LABELS: Record<CardColumn, string> = {
  id: 'Card id',
  stage: 'Stage',
  lane: 'Lane',
  kind: 'Kind',
  text: 'Text',
  channel: 'Channel',
  owner: 'Owner',
  score: 'Emotion score',
  severity: 'Severity',
  touchpointId: 'Touchpoint id',
  touchpoint: 'Felt at touchpoint',
  status: 'Status',
  priority: 'Priority',
  impact: 'Impact',
  effort: 'Effort',
  metric: 'KPI metric',
  value: 'Value',
  target: 'Target',
  unit: 'Unit',
  kpiStatus: 'KPI status',
};

export const PERSONA_COLUMN_LABELS: Record<PersonaColumn, string> = {
  id: 'Persona id',
  name: 'Name',
  age: 'Age',
  occupation: 'Occupation',
  family: 'Family',
  location: 'Location',
  quote: 'Quote',
  story: 'Short story',
  goals: 'Goals',
  needs: 'Needs',
  motivations: 'Motivations',
  frustrations: 'Frustrations',
  behaviours: 'Behaviours',
  preferredChannels: 'Preferred channels',
  techComfort: 'Tech comfort',
  demographics: 'Demographics notes',
  psychographics: 'Psychographics',
};

export const CONNECTION_COLUMN_LABELS: Record<ConnectionColumn, string> = {
  fromId: 'From card id',
  from: 'From card',
  toId: 'To card id',
  to: 'To card',
  label: 'Arrow label',
  persona: 'Whose path',
};

/** Where a KPI stands against its target (kpiStatus in src/model/kpi.ts). */
export const KPI_STATUS_LABELS: Record<KpiStatus, string> = {
  on: 'On target',
  below: 'Below target',
  above: 'Above target',
  none: 'No target',
};

/** "✓ On target", "✗ Above target"…: the status as cards, slides and print show it ('' without a target). */
export function kpiStatusMark(status: KpiStatus): string {
  if (status === 'none') return '';
  return `${status === 'on' ? '✓' : '✗'} ${KPI_STATUS_LABELS[status]}`;
}

