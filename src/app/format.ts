/** How dates, counts and file sizes read. Pure, so the library list stays simple to test. */

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const STEPS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
];

export function formatEdited(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  let delta = (then.getTime() - now.getTime()) / 1000;
  if (Math.abs(delta) < 10) return 'just now';
  for (const [unit, size] of STEPS) {
    if (Math.abs(delta) < size) return relative.format(Math.round(delta), unit);
    delta /= size;
  }
  return absolute.format(then);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const MB = 1024 * 1024;

/** "3.4 MB", "120 KB" (at least 1 KB). */
export function formatSize(bytes: number, mbDecimals = 1): string {
  const mb = bytes / MB;
  return mb >= 1 ? `${mb.toFixed(mbDecimals)} MB` : `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/**
 * A size and the limit it was held to, with enough precision that two different numbers never
 * read the same ("20.000001 MB" against "20.0 MB" would say nothing; one byte over shows in bytes).
 */
export function formatSizeAgainst(bytes: number, limit: number): { size: string; limit: string } {
  for (const decimals of [1, 2, 3]) {
    const size = formatSize(bytes, decimals);
    const max = formatSize(limit, decimals);
    if (size !== max || bytes === limit) return { size, limit: max };
  }
  const exact = (n: number) => `${n.toLocaleString('en')} bytes`;
  return { size: exact(bytes), limit: `${exact(limit)} (${formatSize(limit)})` };
}
