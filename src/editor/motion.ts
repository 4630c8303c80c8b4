/**
 * How long a move of the view is animated: not at all for someone who asked their system for
 * reduced motion (prefers-reduced-motion), where a sliding canvas can cause discomfort.
 */
export function viewMoveMs(ms: number): number {
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 0 : ms;
}
