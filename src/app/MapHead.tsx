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
import { mapHref, navigate } from './route';
import { describeError, useStorageStatus } from './storageStatus';

export interface MapHeadProps {
  /** Writes what the editor has queued; called before leaving for a view that reads storage. */
  flush(): Promise<void>;
}

function personaName(p: Pick<Persona, 'name'>): string {
  return p.name.trim() || 'Unnamed persona';
}

export function MapHead({ flush }: MapHeadProps) {
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
        <h1 dir="auto">{title || 'Untitled map'}</h1>
        {description && (
          <p dir="auto" className="jb-maphead__description">
            {description}
          </p>
        )}
      </div>
      <PersonaHead personaIds={personaIds} size={40} />
      {!readOnly && <PersonaLinker personaIds={personaIds} />}
      <nav className="jb-maphead__actions" aria-label="Map actions">
        <a className="button" href={present} onClick={leaveTo(present)}>
          Present
        </a>
        <a className="button" href={print} onClick={leaveTo(print)}>
          Print / PDF
        </a>
        <button type="button" onClick={() => void download('json')} disabled={busy !== null}>
          Export JSON
        </button>
        <button type="button" onClick={() => void download('csv')} disabled={busy !== null}>
          Export CSV
        </button>
        <button type="button" onClick={() => void download('html')} disabled={busy !== null}>
          Export web page
        </button>
      </nav>
    </header>
  );
}

/** Link a stored persona to this map, or unlink one; the persona itself stays in the library. */
function PersonaLinker({ personaIds }: { personaIds: readonly string[] }) {
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
      available: all.filter((p) => !ids.has(p.id)).sort((a, b) => personaName(a).localeCompare(personaName(b))),
    };
  }, [library, personaIds]);
  const picked = available.some((p) => p.id === choice) ? choice : (available[0]?.id ?? '');

  return (
    <div className="jb-maphead__personas">
      <button type="button" aria-expanded={open} aria-controls={regionId} onClick={() => setOpen((o) => !o)}>
        Personas…
      </button>
      {open && (
        <section id={regionId} className="jb-personalinker" aria-label="Link personas">
          {linked.length > 0 && (
            <ul>
              {linked.map((p) => (
                <li key={p.id}>
                  <bdi dir="auto">{personaName(p)}</bdi>{' '}
                  <button type="button" onClick={() => api.getState().unlinkPersona(p.id)} aria-label={`Remove ${personaName(p)} from this map`}>
                    Remove
                  </button>
                </li>
              ))}
            </ul>
          )}
          {available.length > 0 ? (
            <div className="jb-personalinker__add">
              <label htmlFor={selectId}>Add a persona to this map</label>
              <select id={selectId} dir="auto" value={picked} onChange={(e) => setChoice(e.target.value)}>
                {available.map((p) => (
                  <option key={p.id} value={p.id}>
                    {personaName(p)}
                  </option>
                ))}
              </select>
              <button type="button" disabled={!picked} onClick={() => picked && api.getState().linkPersona(picked)}>
                Add persona
              </button>
            </div>
          ) : (
            <p>{library === null ? 'Loading personas…' : linked.length ? 'Every persona is on this map.' : 'No personas yet.'}</p>
          )}
          <a href={PERSONAS_HREF}>Manage personas</a>
        </section>
      )}
    </div>
  );
}
