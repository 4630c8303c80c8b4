/** Small statistics for the benchmark: nearest-rank percentiles, rounded for reports. */

export function percentile(values, p) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.ceil((p / 100) * xs.length);
  return xs[Math.min(xs.length - 1, Math.max(0, rank - 1))];
}

export const median = (values) => percentile(values, 50);

export function round(v, digits = 1) {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/** Summary of frame deltas (ms): count, median, p95, max, and how many missed a 60 Hz frame. */
export function frameStats(deltas) {
  if (!deltas.length) return null;
  return {
    frames: deltas.length,
    median: round(median(deltas), 2),
    p95: round(percentile(deltas, 95), 2),
    max: round(Math.max(...deltas), 1),
    over17: deltas.filter((d) => d > 17).length,
    over33: deltas.filter((d) => d > 33.4).length,
  };
}

export const ratio = (a, b) => (a === null || b === null || !b ? null : round(a / b, 2));
