/**
 * The print screen around PrintView: page size and orientation, "Print / Save as PDF" (window.print()
 * once the fonts are ready) and "Download PNG" (the whole map at 2x). It takes documents, not ids, so
 * it can be tested and reused without storage; PrintPage loads the documents and renders it.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { JourneyMap, Persona } from '../model/schema';
import { downloadBlob } from './download';
import { fileStem } from './filename';
import { MapTable, PrintView } from './PrintView';
import {
  DEFAULT_PRINT_OPTIONS,
  METRICS,
  ORIENTATIONS,
  PAGE_SIZE_LABEL,
  PAGE_SIZE_NAMES,
  printLayout,
  type Orientation,
  type PageSizeName,
  type PrintOptions,
} from './printLayout';

const PX_PER_MM = 96 / 25.4;

/** document.fonts is missing in some test environments. */
export function fontsReady(): Promise<unknown> {
  return (document as Partial<Document>).fonts?.ready ?? Promise.resolve();
}

export interface PrintStudioProps {
  map: JourneyMap;
  personas: readonly Persona[];
  avatarUrls?: Record<string, string>;
  initialOptions?: PrintOptions;
  /** Where "Back to the map" goes; omitted, no link is shown. */
  backHref?: string;
  date?: Date;
}

export function PrintStudio({ map, personas, avatarUrls, initialOptions = DEFAULT_PRINT_OPTIONS, backHref, date }: PrintStudioProps) {
  const [options, setOptions] = useState<PrintOptions>(initialOptions);
  const [measuredHeightMm, setMeasuredHeightMm] = useState<{ key: string; mm: number } | null>(null);
  const [fontsLoaded, setFontsReady] = useState(false);
  const [status, setStatus] = useState('');
  const [pngRequested, setPngRequested] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pngRef = useRef<HTMLDivElement>(null);

  const base = useMemo(() => printLayout(map, personas, options), [map, personas, options]);
  const layoutKey = `${options.size}|${options.orientation}|${map.updatedAt}|${map.id}`;
  const layout = useMemo(() => {
    if (options.size !== 'fit' || !measuredHeightMm || measuredHeightMm.key !== layoutKey) return base;
    return { ...base, pageHeightMm: Math.max(base.pageHeightMm, measuredHeightMm.mm) };
  }, [base, options.size, measuredHeightMm, layoutKey]);

  // 'fit': the estimate of the map's height may be short; watch the sheets and grow the page to the tallest.
  const pageHeightMm = layout.pageHeightMm;
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (options.size !== 'fit' || !root || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      let tallest = 0;
      root.querySelectorAll<HTMLElement>('.jbp-sheet').forEach((s) => (tallest = Math.max(tallest, s.scrollHeight)));
      const mm = Math.ceil(tallest / PX_PER_MM) + 2;
      if (mm > pageHeightMm + 1) setMeasuredHeightMm({ key: layoutKey, mm });
    };
    const observer = new ResizeObserver(measure);
    root.querySelectorAll('.jbp-sheet').forEach((s) => observer.observe(s));
    return () => observer.disconnect();
  }, [options.size, pageHeightMm, layoutKey]);

  useEffect(() => {
    let live = true;
    fontsReady().then(() => live && setFontsReady(true));
    return () => {
      live = false;
    };
  }, []);

  // The browser suggests the document title as the PDF's file name.
  useEffect(() => {
    const previous = document.title;
    document.title = fileStem(map.title);
    return () => {
      document.title = previous;
    };
  }, [map.title]);

  const print = useCallback(async () => {
    setStatus('Preparing fonts…');
    await fontsReady();
    setStatus('');
    window.print();
  }, []);

  useEffect(() => {
    if (!pngRequested) return;
    const node = pngRef.current;
    if (!node) return;
    let live = true;
    (async () => {
      try {
        const { renderPng } = await import('./png');
        const blob = await renderPng(node, 2);
        downloadBlob(`${fileStem(map.title)}.png`, blob);
        if (live) setStatus('PNG saved.');
      } catch (err) {
        if (live) setStatus(`The PNG could not be made: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        if (live) setPngRequested(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [pngRequested, map.title]);

  const fit = options.size === 'fit';
  const ready = fontsLoaded;
  return (
    <div className="jbp-print-studio" ref={rootRef}>
      <div className="jbp-print-toolbar" role="toolbar" aria-label="Print options">
        {backHref && <a href={backHref}>← Back to the map</a>}
        <label>
          Page size
          <select value={options.size} onChange={(e) => setOptions((o) => ({ ...o, size: e.target.value as PageSizeName }))}>
            {PAGE_SIZE_NAMES.map((s) => (
              <option key={s} value={s}>
                {PAGE_SIZE_LABEL[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Orientation
          <select
            value={options.orientation}
            disabled={fit}
            onChange={(e) => setOptions((o) => ({ ...o, orientation: e.target.value as Orientation }))}
          >
            {ORIENTATIONS.map((o) => (
              <option key={o} value={o}>
                {o === 'landscape' ? 'Landscape' : 'Portrait'}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={print}>
          Print / Save as PDF
        </button>
        <button type="button" onClick={() => setPngRequested(true)} disabled={pngRequested}>
          {pngRequested ? 'Drawing PNG…' : 'Download PNG'}
        </button>
        <span className="jbp-status" role="status">
          {status || `${layout.pages.length} pages`}
        </span>
      </div>
      <div data-ready={ready ? 'true' : 'false'} className="jbp-print-frame">
        <PrintView map={map} personas={personas} layout={layout} avatarUrls={avatarUrls} date={date} />
      </div>
      {pngRequested && (
        <div className="jbp-png-source" aria-hidden="true">
          <div className="jbp-png-frame" ref={pngRef}>
            <MapTable
              map={map}
              stageIds={map.stages.map((s) => s.id)}
              laneHeaderMm={METRICS.laneHeaderMm}
              stageWidthMm={METRICS.minStageMm}
              caption={
                <bdi dir="auto" className="jbp-caption-title">
                  {map.title}
                </bdi>
              }
            />
          </div>
        </div>
      )}
    </div>
  );
}
