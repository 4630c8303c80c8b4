/**
 * The head of an open map: its title and description, its personas (photo, name, quote),
 * linking personas from the library, and the ways out of the editor (present, print,
 * export). It lives inside the editor's store, so a link made here is an ordinary edit:
 * one undo step, saved by the autosave queue.
 */
import { useCallback, useId, useMemo, useState, type MouseEvent } from 'react';
import { useEditor, useEditorApi } from '../editor/context';
import type { Persona } from '../model/schema';
import { PersonaHead } from '../personas/PersonaHead';
import { usePersonaLibrary } from '../personas/hooks';
import { PERSONAS_HREF } from '../personas/links';
import { useI18n } from '../i18n/react';
import type { I18n } from '../i18n';
import { mapHref, navigate } from './route';
import { describeError, useStorageStatus } from './storageStatus';
import { ShareButton, SharedLive } from './share/ShareControl';
import type { SharedMapState } from './share/useSharedMap';

export interface MapHeadProps {
  /** Writes what the editor has queued; called before leaving for a view that reads storage. */
  flush(): Promise<void>;
  /** Whether the map is shared, and its live session. */
  shared: SharedMapState;
}

function personaName(i18n: I18n, p: Pick<Persona, 'name'>): string {
  return p.name.trim() || i18n._('persona.unnamed');
}

export function MapHead({ flush, shared }: MapHeadProps) {
  const i18n = useI18n();
  const mapId = useEditor((s) => s.doc.id);
  const title = useEditor((s) => s.doc.title);
  const description = useEditor((s) => s.doc.description);
  const personaIds = useEditor((s) => s.doc.personaIds);
  const readOnly = useEditor((s) => s.readOnly);
  const report = useStorageStatus((s) => s.report);
  const [busy, setBusy] = useState<string | null>(null);

  // Views that read the map from storage open after the last edits are written.
  const leaveTo = useCallback(
    (href: string) => (e: MouseEvent<HTMLAnchorElement>) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      void flush().then(() => navigate(href));
    },
    [flush],
  );

  const download = async (what: 'json' | 'csv' | 'html') => {
    setBusy(what);
    try {
      await flush();
      const actions = await import('../export/actions');
      await (what === 'json' ? actions.downloadMapJson(mapId) : what === 'csv' ? actions.downloadMapCsv(mapId) : actions.downloadMapWebPage(mapId));
    } catch (err) {
      report(describeError(err));
    } finally {
      setBusy(null);
    }
  };

  const present = mapHref(mapId, 'present');
  const print = mapHref(mapId, 'print');
  return (
    <header className="jb-maphead">
      <div className="jb-maphead__text">
        <h1 dir="auto">{title || i18n._('map.untitled')}</h1>
        {description && (
          <p dir="auto" className="jb-maphead__description">
            {description}
          </p>
        )}
      </div>
      <PersonaHead personaIds={personaIds} size={40} />
      {!readOnly && <PersonaLinker personaIds={personaIds} />}
      <nav className="jb-maphead__actions" aria-label={i18n._('map.actions')}>
        <a className="button" href={present} onClick={leaveTo(present)}>
          {i18n._('map.present')}
        </a>
        <a className="button" href={print} onClick={leaveTo(print)}>
          {i18n._('map.print')}
        </a>
        <button type="button" onClick={() => void download('json')} disabled={busy !== null}>
          {i18n._('map.exportJson')}
        </button>
        <button type="button" onClick={() => void download('csv')} disabled={busy !== null}>
          {i18n._('map.exportCsv')}
        </button>
        <button type="button" onClick={() => void download('html')} disabled={busy !== null}>
          {i18n._('map.exportWebPage')}
        </button>
        <ShareButton shared={shared} />
      </nav>
      <SharedLive shared={shared} />
    </header>
  );
}

/** Link a stored persona to this map, or unlink one; the persona itself stays in the library. */
function PersonaLinker({ personaIds }: { personaIds: readonly string[] }) {
  const i18n = useI18n();
  const api = useEditorApi();
  const report = useStorageStatus((s) => s.report);
  const onError = useCallback((err: unknown) => report(describeError(err)), [report]);
  const library = usePersonaLibrary(onError);
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState('');
  const selectId = useId();
  const regionId = useId();

  const { linked, available } = useMemo(() => {
    const all = library?.personas ?? [];
    const ids = new Set(personaIds);
    return {
      linked: all.filter((p) => ids.has(p.id)),
      available: all.filter((p) => !ids.has(p.id)).sort((a, b) => personaName(i18n, a).localeCompare(personaName(i18n, b), i18n.locale)),
    };
  }, [library, personaIds, i18n]);
  const picked = available.some((p) => p.id === choice) ? choice : (available[0]?.id ?? '');

  return (
    <div className="jb-maphead__personas">
      <button type="button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
        {i18n._('map.personas')}
      </button>
      {open && (
        <section id={regionId} className="jb-personalinker" aria-label={i18n._('map.personas.region')}>
          {linked.length > 0 && (
            <ul>
              {linked.map((p) => (
                <li key={p.id}>
                  <bdi dir="auto">{personaName(i18n, p)}</bdi>{' '}
                  <button
                    type="button"
                    onClick={() => api.getState().unlinkPersona(p.id)}
                    aria-label={i18n._('map.personas.remove.label', { name: personaName(i18n, p) })}
                  >
                    {i18n._('map.personas.remove')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {available.length > 0 ? (
            <div className="jb-personalinker__add">
              <label htmlFor={selectId}>{i18n._('map.personas.pick')}</label>
              <select id={selectId} dir="auto" value={picked} onChange={(e) => setChoice(e.target.value)}>
                {available.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personaName(i18n, p)}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!picked} onClick={() => picked && api.getState().linkPersona(picked)}>
                {i18n._('map.personas.add')}
              </button>
            </div>
          ) : (
            <p>
              {library === null
                ? i18n._('map.personas.loading')
                : linked.length
                  ? i18n._('map.personas.allLinked')
                  : i18n._('map.personas.none')}
            </p>
          )}
          <a href={PERSONAS_HREF}>{i18n._('map.personas.manage')}</a>
        </section>
      )}
    </div>
  );
}
