/**
 * A component loaded on demand that can be fetched ahead of its first render. React's lazy
 * suspends on the first render even when the chunk is already in memory, and then holds the
 * fallback for its reveal throttle (~300 ms): a page opened from its address, or a panel
 * opened by a click, sat idle that long (`npm run bench`). Once `preload()` has resolved, the
 * lazy wrapper resolves synchronously (a thenable that calls back at once), without suspending.
 */
import { lazy, type ComponentType } from 'react';

function resolved<T>(value: T): Promise<T> {
  // React's lazy reads the module in the `then` callback; calling it at once means no suspense.
  return { then: (onFulfilled: (v: T) => unknown) => onFulfilled(value) } as unknown as Promise<T>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let module: { default: ComponentType<P> } | null = null;
  let loading: Promise<unknown> | null = null;
  const preload = () => (loading ??= load().then((component) => (module = { default: component })));
  return { Component: lazy(() => (module ? resolved(module) : (preload() as Promise<{ default: ComponentType<P> }>))), preload };
}
