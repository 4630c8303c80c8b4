/**
 * The print screen around PrintView: paper size, orientation, fit to one page and the cover, "Print / Save as PDF" (window.print()
 * once the fonts are ready) and "Download PNG" (the whole map at 2x). It takes documents, not ids, so
 * it can be tested and reused without storage; PrintPage loads the documents and renders it. Its
 * controls speak the interface's language; the pages (and the PNG) speak `mapI18n`'s, the map's.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { I18nProvider, useI18n } from '../i18n/react';
import { directionOf } from '../i18n/locales';
import { mapLocale } from '../i18n/mapLocale';
import type { I18n } from '../i18n';
import type { JourneyMap, Persona } from '../model/schema';
import { downloadBlob } from './download';
import { fileStem } from './filename';
import { MapTable, PrintView } from './PrintView';
import {
  DEFAULT_PRINT_OPTIONS,
  METRICS,
  ORIENTATIONS,
  PAGE_SIZE_LABEL_IDS,
  PAPER_SIZE_NAMES,
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
  /**
   * The map's language: the pages (and the PNG) speak it, the studio's own controls speak the
   * interface's. Omitted: the pages speak the interface's language too.
   */
  mapI18n?: I18n;
}

export function PrintStudio({ map, personas, avatarUrls, initialOptions = DEFAULT_PRINT_OPTIONS, backHref, date, mapI18n }: PrintStudioProps) {
  const i18n = useI18n();
  const pagesI18n = mapI18n ?? i18n;
  const [options, setOptions] = useState<PrintOptions>(initialOptions);
  const [measuredHeightMm, setMeasuredHeightMm] = useState<{ key: string; mm: number } | null>(null);
  const [tuning, setTuning] = useState<{ key: string; heightScale: number; tries: number } | null>(null);
  const [measured, setMeasured] = useState<{ key: string; pages: number } | null>(null);
  const [fontsLoaded, setFontsReady] = useState(false);
  const [status, setStatus] = useState('');
  const [pngRequested, setPngRequested] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const pngRef = useRef<HTMLDivElement>(null);

  const layoutKey = `${pagesI18n.locale}|${options.size}|${options.orientation}|${options.fitToPage === true}|${options.cover !== false}|${map.updatedAt}|${map.id}|${personas.length}`;
  const current = tuning?.key === layoutKey ? tuning : { key: layoutKey, heightScale: 1, tries: 0 };
  const heightScale = current.heightScale;
  const base = useMemo(() => printLayout(pagesI18n, map, personas, options, { heightScale }), [pagesI18n, map, personas, options, heightScale]);
  const layout = useMemo(() => {
    if (options.size !== 'fit' || !measuredHeightMm || measuredHeightMm.key !== layoutKey) return base;
    return { ...base, pageHeightMm: Math.max(base.pageHeightMm, measuredHeightMm.mm) };
  }, [base, options.size, measuredHeightMm, layoutKey]);
  const measureKey = `${layoutKey}|${heightScale}|${layout.pageHeightMm}`;

  /*
   * The layout's heights are estimates. Check them against the real sheets (after the fonts, and again
   * whenever a sheet changes size): 'fit' grows its page to the tallest sheet; a map page that would
   * spill onto a second sheet of paper asks for a layout with taller estimates (a few tries at most).
   * The page count shown is what the browser will print: each sheet starts a page and takes as many
   * pages as its content needs.
   */
  const pageHeightMm = layout.pageHeightMm;
  const marginMm = layout.marginMm;
  useLayoutEffect(() => {
    const root = rootRef.current;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const sheets = [...root.querySelectorAll<HTMLElement>('.jbp-print .jbp-sheet')];
      const contentPx = (pageHeightMm - 2 * marginMm) * PX_PER_MM;
      let pages = 0;
      let tallestPx = 0;
      let worstMapOverflow = 1;
      for (const sheet of sheets) {
        const body = sheet.querySelector<HTMLElement>('.jbp-sheet-body');
        const px = body ? body.getBoundingClientRect().height : 0;
        tallestPx = Math.max(tallestPx, px);
        const n = Math.max(1, Math.ceil((px - 1) / contentPx));
        pages += n;
        if (n > 1 && sheet.dataset.kind === 'map') worstMapOverflow = Math.max(worstMapOverflow, px / contentPx);
      }
      if (options.size === 'fit') {
        const mm = Math.ceil(tallestPx / PX_PER_MM) + 2 * marginMm + 2;
        if (mm > pageHeightMm + 1) {
          setMeasuredHeightMm({ key: layoutKey, mm });
          return;
        }
        pages = sheets.length;
      } else if (worstMapOverflow > 1 && current.tries < 4) {
        setTuning({ key: layoutKey, heightScale: heightScale * Math.max(1.1, worstMapOverflow * 1.05), tries: current.tries + 1 });
        return;
      }
      setMeasured((m) => (m?.key === measureKey && m.pages === pages ? m : { key: measureKey, pages }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    root.querySelectorAll('.jbp-print .jbp-sheet-body').forEach((s) => observer.observe(s));
    return () => observer.disconnect();
  }, [options.size, pageHeightMm, marginMm, layoutKey, measureKey, heightScale, current.tries, fontsLoaded]);

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
    setStatus(i18n._('print.studio.preparingFonts'));
    await fontsReady();
    setStatus('');
    window.print();
  }, [i18n]);

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
        if (live) setStatus(i18n._('print.studio.pngSaved'));
      } catch (err) {
        if (live) setStatus(i18n._('print.studio.pngFailed', { reason: err instanceof Error ? err.message : String(err) }));
      } finally {
        if (live) setPngRequested(false);
      }
    })();
    return () => {
      live = false;
    };
  }, [pngRequested, map.title, i18n]);

  const fit = options.size === 'fit';
  // The sizes offered; a caller's 'fit' (a page sized to the map) is kept in the list when it asked for it.
  const sizes: readonly PageSizeName[] = fit ? [...PAPER_SIZE_NAMES, 'fit'] : PAPER_SIZE_NAMES;
  const measuring = typeof ResizeObserver !== 'undefined';
  const settled = !measuring || measured?.key === measureKey;
  const ready = fontsLoaded && settled;
  const pageCount = measuring && measured?.key === measureKey ? measured.pages : layout.pages.length;
  return (
    <div className="jbp-print-studio" ref={rootRef}>
      <div className="jbp-print-toolbar" role="toolbar" aria-label={i18n._('print.studio.options')}>
        {backHref && <a href={backHref}>{i18n._('print.studio.back')}</a>}
        <label>
          {i18n._('print.studio.pageSize')}
          <select value={options.size} onChange={(e) => setOptions((o) => ({ ...o, size: e.target.value as PageSizeName }))}>
            {sizes.map((s) => (
              <option key={s} value={s}>
                {i18n._(PAGE_SIZE_LABEL_IDS[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {i18n._('print.studio.orientation')}
          <select
            value={options.orientation}
            disabled={fit}
            onChange={(e) => setOptions((o) => ({ ...o, orientation: e.target.value as Orientation }))}
          >
            {ORIENTATIONS.map((o) => (
              <option key={o} value={o}>
                {o === 'landscape' ? i18n._('print.studio.landscape') : i18n._('print.studio.portrait')}
              </option>
            ))}
          </select>
        </label>
        <label className="jbp-check">
          <input
            type="checkbox"
            checked={options.fitToPage === true}
            disabled={fit}
            onChange={(e) => setOptions((o) => ({ ...o, fitToPage: e.target.checked }))}
          />
          {i18n._('print.studio.fitToPage')}
        </label>
        <label className="jbp-check">
          <input type="checkbox" checked={options.cover !== false} onChange={(e) => setOptions((o) => ({ ...o, cover: e.target.checked }))} />
          {i18n._('print.studio.cover')}
        </label>
        <button type="button" onClick={print}>
          {i18n._('print.studio.print')}
        </button>
        <button type="button" onClick={() => setPngRequested(true)} disabled={pngRequested}>
          {pngRequested ? i18n._('print.studio.drawingPng') : i18n._('print.studio.downloadPng')}
        </button>
        <span className="jbp-status" role="status">
          {status || (settled ? i18n._('print.studio.pageCount', { count: pageCount }) : i18n._('print.studio.layingOut'))}
        </span>
      </div>
      <div data-ready={ready ? 'true' : 'false'} data-height-scale={heightScale} className="jbp-print-frame" lang={pagesI18n.locale} dir={directionOf(mapLocale(map))}>
        <I18nProvider i18n={pagesI18n}>
          <PrintView map={map} personas={personas} layout={layout} avatarUrls={avatarUrls} date={date} />
        </I18nProvider>
      </div>
      {pngRequested && (
        <div className="jbp-png-source" aria-hidden="true" lang={pagesI18n.locale} dir={directionOf(mapLocale(map))}>
          <div className="jbp-png-frame" ref={pngRef}>
            <I18nProvider i18n={pagesI18n}>
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
            </I18nProvider>
          </div>
        </div>
      )}
    </div>
  );
}
