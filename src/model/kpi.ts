/**
 * Where a KPI stands against its target: the domain's rule, one home for the canvas, slides,
 * print and CSV. Lower is better for response time and customer effort, higher for the rest.
 */
import type { Card } from './schema';

type KpiCard = Extract<Card, { kind: 'kpi' }>;

/** A miss is named by the metric's direction: a response time over its target is 'above'. */
export type KpiStatus = 'on' | 'below' | 'above' | 'none';

/** Lower is better for response time and customer effort; higher for every other metric. */
function lowerIsBetter(card: KpiCard): boolean {
  return card.metric === 'response-time' || card.metric === 'effort';
}

export function kpiOnTarget(card: KpiCard): boolean | null {
  if (card.value === null || card.target === null) return null;
  return lowerIsBetter(card) ? card.value <= card.target : card.value >= card.target;
}

/** The KPI against its target, the miss named by its direction (src/editor/labels.ts words it). */
export function kpiStatus(card: KpiCard): KpiStatus {
  const on = kpiOnTarget(card);
  if (on === null) return 'none';
  if (on) return 'on';
  return lowerIsBetter(card) ? 'above' : 'below';
}
