/**
 * Fits a slide's text to its box: a projector has no scroll bars, and a slide with little on it
 * should not leave half the screen empty. The element's text is sized as `calc(var(--fit) * …)`
 * in present.css; this finds the largest --fit in [min, max] at which nothing overflows (a binary
 * search of a few forced layouts): a crowded slide shrinks below 1, a sparse one grows up to
 * `max`. Again when the window is resized or a font (Thai, Persian) finishes loading and changes
 * the text's size.
 */
import { useLayoutEffect, useRef } from 'react';

export function useFitText<T extends HTMLElement = HTMLDivElement>(key: string, min = 0.35, max = 1) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fits = () => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1;
    const set = (v: number) => {
      el.style.setProperty('--fit', v.toFixed(3));
      el.dataset.fit = v.toFixed(2);
    };
    const fit = () => {
      set(1);
      let lo: number;
      let hi: number;
      if (fits()) {
        if (max <= 1) return;
        set(max);
        if (fits()) return;
        [lo, hi] = [1, max];
      } else {
        [lo, hi] = [min, 1];
      }
      for (let i = 0; i < 8; i++) {
        const mid = (lo + hi) / 2;
        set(mid);
        if (fits()) lo = mid;
        else hi = mid;
      }
      set(lo);
    };
    fit();
    let frame = 0;
    let live = true;
    const later = () => {
      if (!live) return;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(fit);
    };
    // A slide's box changes size only with the window (or the notes panel opening), never with --fit
    // (the audience notes' box follows its text, and settles after one more pass). Fitted at once in the observer (before the next paint), so a resize never shows cut-off text.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => live && fit()) : null;
    observer?.observe(el);
    const fonts = typeof document !== 'undefined' ? document.fonts : undefined;
    fonts?.addEventListener?.('loadingdone', later);
    void fonts?.ready?.then(later);
    return () => {
      live = false;
      cancelAnimationFrame(frame);
      observer?.disconnect();
      fonts?.removeEventListener?.('loadingdone', later);
    };
  }, [key, min, max]);
  return ref;
}
