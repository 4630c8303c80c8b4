/**
 * The read-only viewer of an exported web page: the map (the print view's table, panned and
 * zoomed), the presentation (the app's own Presentation and slides), persona profiles (the print
 * view's persona pages), search that highlights matching cards, and print (the print view).
 * Nothing here draws a map of its own, so the page shows what the app shows. Its words are the
 * nearest I18nProvider's: the map's language, whose messages the page carries (main.tsx).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react';
import type { ExportImage } from '../export/images';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import { MapTable, PrintView } from '../export/PrintView';
import { printLayout } from '../export/printLayout';
import { findMatches } from '../editor/search';
import type { JourneyMap, Persona } from '../model/schema';
import { Presentation } from '../present/Presentation';

type View = 'map' | 'present' | 'personas';

const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
/** The map table's columns, in millimetres as the print view takes them. */
const LANE_HEADER_MM = 34;
const STAGE_WIDTH_MM = 62;
/** A presenter window is this same file opened with this address fragment. */
const PRESENTER_HASH = '#presenter';

export interface ViewerProps {
  map: JourneyMap;
  /** Every persona of the file; the map's own are shown, in the map's order. */
  personas: readonly Persona[];
  images: readonly ExportImage[];
}

export function Unreadable() {
  const i18n = useI18n();
  return (
    <main className="jbv-unreadable">
      {/* Also when the page lost its messages (it was not made by Journeyboard): then in English. */}
      <p>{i18n._('viewer.unreadable', {}, { message: 'This page holds no map that can be shown.' })}</p>
    </main>
  );
}

/** "125%", in the language's digits. */
function percent(i18n: I18n, zoom: number): string {
  return i18n.number(zoom, { style: 'percent', maximumFractionDigits: 0 });
}

export function Viewer({ map, personas, images }: ViewerProps) {
  const i18n = useI18n();
  const [view, setView] = useState<View>('map');
  const avatarUrls = useMemo(() => Object.fromEntries(images.map((img) => [img.id, img.dataUrl])), [images]);
  const own = useMemo(() => {
    const byId = new Map(personas.map((p) => [p.id, p]));
    return map.personaIds.map((id) => byId.get(id)).filter((p): p is Persona => p !== undefined);
  }, [map, personas]);
  const layout = useMemo(() => printLayout(i18n, map, own), [i18n, map, own]);
  const personaLayout = useMemo(() => ({ ...layout, pages: layout.pages.filter((p) => p.kind === 'persona') }), [layout]);

  if (typeof window !== 'undefined' && window.location.hash === PRESENTER_HASH) {
    return (
      <main>
        <Presentation map={map} personas={own} avatarUrls={avatarUrls} backHref="#" view="presenter" onLeave={() => window.close()} />
      </main>
    );
  }

  const tabs: { id: View; label: string }[] = [
    { id: 'map', label: i18n._('viewer.view.map') },
    { id: 'present', label: i18n._('viewer.view.present') },
    { id: 'personas', label: i18n._('viewer.view.personas') },
  ];

  return (
    <div className="jbv" dir={map.direction}>
      <div className="jbv-screen">
        <header className="jbv-bar">
          <h1 dir="auto" className="jbv-title">
            {map.title}
          </h1>
          <nav aria-label={i18n._('viewer.views')} className="jbv-views">
            {tabs.map((t) => (
              <button key={t.id} type="button" dir="auto" aria-pressed={view === t.id} onClick={() => setView(t.id)}>
                {t.label}
              </button>
            ))}
            <button type="button" dir="auto" onClick={() => window.print()}>
              {i18n._('viewer.print')}
            </button>
          </nav>
        </header>
        <main className="jbv-main">
          {view === 'map' && <MapView map={map} />}
          {view === 'present' && (
            <Presentation
              map={map}
              personas={own}
              avatarUrls={avatarUrls}
              backHref="#"
              onLeave={() => setView('map')}
              onOpenPresenter={() => window.open(`${window.location.pathname}${PRESENTER_HASH}`, `journeyboard-presenter:${map.id}`, 'popup,width=1200,height=760')}
            />
          )}
          {view === 'personas' &&
            (own.length > 0 ? (
              <div className="jbv-personas">
                <PrintView map={map} personas={own} layout={personaLayout} avatarUrls={avatarUrls} date={new Date(map.updatedAt)} />
              </div>
            ) : (
              <p dir="auto">{i18n._('viewer.noPersonas')}</p>
            ))}
        </main>
        <footer className="jbv-footer">
          <p dir="auto">{i18n._('viewer.footer')}</p>
        </footer>
      </div>
      {/* What Print prints: the print view's pages, as "Print / PDF" in the app lays them out. Hidden on
          screen and from assistive technology (the screen shows the same text once); print CSS shows it. */}
      <div className="jbv-printable" hidden>
        <PrintView map={map} personas={own} layout={layout} avatarUrls={avatarUrls} date={new Date(map.updatedAt)} />
      </div>
    </div>
  );
}

function MapView({ map }: { map: JourneyMap }) {
  const i18n = useI18n();
  const [zoom, setZoom] = useState(1);
  const [query, setQuery] = useState('');
  const canvas = useRef<HTMLDivElement>(null);
  const drag = useRef<{ x: number; y: number; left: number; top: number; id: number } | null>(null);
  const matches = useMemo(() => findMatches(map, query), [map, query]);
  const cardIds = useMemo(() => new Set(matches.filter((m) => m.kind === 'card').map((m) => m.id)), [matches]);

  // The table belongs to the print view; the highlight is an attribute on its cards, set here.
  useEffect(() => {
    const el = canvas.current;
    if (!el) return;
    let first: HTMLElement | null = null;
    for (const card of el.querySelectorAll<HTMLElement>('[data-card-id]')) {
      const hit = cardIds.has(card.dataset.cardId ?? '');
      if (hit) card.setAttribute('data-match', 'true');
      else card.removeAttribute('data-match');
      if (hit && !first) first = card;
    }
    first?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [cardIds, zoom]);

  const step = (dir: 1 | -1) =>
    setZoom((z) => {
      const i = ZOOMS.findIndex((v) => v >= z - 1e-6);
      const at = i < 0 ? ZOOMS.length - 1 : i;
      return ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at + dir))]!;
    });

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      step(1);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      step(-1);
    } else if (e.key === '0') {
      e.preventDefault();
      setZoom(1);
    }
    // The arrow keys scroll the focused region: the browser's own panning.
  };
  const onWheel = (e: WheelEvent<HTMLDivElement>) => {
    if (!e.ctrlKey) return;
    e.preventDefault();
    step(e.deltaY < 0 ? 1 : -1);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || !canvas.current) return;
    drag.current = { x: e.clientX, y: e.clientY, left: canvas.current.scrollLeft, top: canvas.current.scrollTop, id: e.pointerId };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    const el = canvas.current;
    if (!d || !el || d.id !== e.pointerId) return;
    if (!el.hasPointerCapture(e.pointerId) && Math.hypot(e.clientX - d.x, e.clientY - d.y) > 4) el.setPointerCapture(e.pointerId);
    el.scrollLeft = d.left - (e.clientX - d.x);
    el.scrollTop = d.top - (e.clientY - d.y);
  };
  const endDrag = () => {
    drag.current = null;
  };

  const count = query.trim() ? cardIds.size : null;
  return (
    <>
      <div className="jbv-tools">
        <label className="jbv-search">
          <span dir="auto">{i18n._('viewer.search')}</span>
          <input type="search" dir="auto" value={query} placeholder={i18n._('viewer.searchPlaceholder')} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <p role="status" className="jbv-count" dir="auto">
          {count === null ? '' : count === 0 ? i18n._('viewer.noMatches') : i18n._('viewer.matches', { count })}
        </p>
        <div className="jbv-zoom" role="group" aria-label={i18n._('viewer.zoom', { percent: percent(i18n, zoom) })}>
          <button type="button" onClick={() => step(-1)} aria-label={i18n._('viewer.zoomOut')} aria-keyshortcuts="-">
            <span aria-hidden="true">−</span>
          </button>
          <button type="button" onClick={() => setZoom(1)} aria-label={i18n._('viewer.zoomReset')} aria-keyshortcuts="0">
            <span dir="ltr">{percent(i18n, zoom)}</span>
          </button>
          <button type="button" onClick={() => step(1)} aria-label={i18n._('viewer.zoomIn')} aria-keyshortcuts="+">
            <span aria-hidden="true">+</span>
          </button>
        </div>
      </div>
      <div
        ref={canvas}
        className="jbv-canvas"
        role="region"
        aria-label={i18n._('viewer.mapRegion')}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onWheel={onWheel}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        {/* CSS zoom, not a transform: the scroll area follows the zoomed size, so panning reaches every edge. */}
        <div className="jbv-zoomed" style={{ zoom }}>
          <MapTable map={map} stageIds={map.stages.map((s) => s.id)} laneHeaderMm={LANE_HEADER_MM} stageWidthMm={STAGE_WIDTH_MM} />
        </div>
      </div>
    </>
  );
}
