import type { KPI_METRICS, LaneKind, OPPORTUNITY_STATUSES, PRIORITIES, SEVERITIES } from '../model/schema';

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
