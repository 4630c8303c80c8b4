/**
 * The persona library: every persona as a card, search, a new persona (blank or from an
 * example), duplicate, and delete, which first names the maps that use the persona and
 * can be undone (the persona, its photo and its links come back).
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { I18n } from '../i18n';
import { Quote } from './Quote';
import { useI18n } from '../i18n/react';
import { createPersona } from '../model/factory';
import type { Persona } from '../model/schema';
import { Avatar } from './Avatar';
import { EXAMPLE_PERSONAS, buildExamplePersona } from './examples';
import { usePersonaLibrary } from './hooks';
import { goTo, personaHref } from './links';
import { usePersonaRepo, type DeletedPersona, type MapRef } from './repo';
import { errorMessage, fillSlot, shownName, SLOT } from './text';
import './personas.css';
import { useModal } from '../app/useModal';

export interface PersonasPageProps {
  /** Where a problem is reported (the shell's storage banner); by default it is shown on the page. */
  onError?: (message: string) => void;
  /** A later action succeeded: a problem reported through onError is over (take it off the banner). */
  onErrorCleared?: () => void;
  /** Opens a persona; by default the address changes to #/personas/<id>. */
  onOpen?: (personaId: string) => void;
  /** More toolbar controls, e.g. the shared import: <Suspense><ImportPanel /></Suspense> (persona files included). */
  actions?: ReactNode;
}

/** "Sales team lead · 28 · Manchester": what a card says about the person (the age as `formatNumber` writes it). */
export function personaLine(
  p: Pick<Persona, 'occupation' | 'age' | 'location'>,
  formatNumber: (n: number) => string = String,
): string {
  return [p.occupation.trim(), p.age !== null ? formatNumber(p.age) : '', p.location.trim()].filter(Boolean).join(' · ');
}

function matches(p: Persona, q: string): boolean {
  if (!q) return true;
  return [p.name, p.occupation, p.location, p.quote, p.family].some((t) => t.toLocaleLowerCase().includes(q));
}

export function PersonasPage({ onError, onErrorCleared, onOpen, actions }: PersonasPageProps = {}) {
  const i18n = useI18n();
  const repo = usePersonaRepo();
  const [problem, setProblem] = useState<string | null>(null);
  const report = useCallback(
    (err: unknown) => {
      const message = errorMessage(i18n, err);
      if (onError) onError(message);
      else setProblem(message);
    },
    [i18n, onError],
  );
  const library = usePersonaLibrary(report);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<Persona | null>(null);
  const [deleted, setDeleted] = useState<DeletedPersona | null>(null);
  // The persona whose card takes the focus when it is on screen again (after an undo).
  const [focusId, setFocusId] = useState<string | null>(null);
  const open = onOpen ?? ((id: string) => goTo(personaHref(id)));

  const mapsOf = useMemo(() => {
    const by = new Map<string, MapRef[]>();
    for (const m of library?.maps ?? []) {
      for (const id of new Set(m.personaIds)) by.set(id, [...(by.get(id) ?? []), m]);
    }
    return by;
  }, [library]);

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    const all = [...(library?.personas ?? [])].sort((a, b) => a.name.localeCompare(b.name, i18n.locale));
    return all.filter((p) => matches(p, q));
  }, [library, query, i18n.locale]);

  const act = async (work: () => Promise<void>) => {
    try {
      setProblem(null);
      await work();
      // An old error must not stay on screen after this success.
      onErrorCleared?.();
    } catch (err) {
      report(err);
    }
  };

  const create = (persona: Persona) =>
    act(async () => {
      await repo.save(persona);
      setCreating(false);
      open(persona.id);
    });

  const duplicate = (p: Persona) =>
    act(async () => {
      // The copy gets its own photo, so deleting one persona never takes the other's picture.
      let avatarImageId: string | null = null;
      if (p.avatarImageId) {
        const blob = await repo.getImage(p.avatarImageId);
        if (blob) avatarImageId = await repo.putImage(blob);
      }
      const { id: _id, schemaVersion: _v, createdAt: _c, updatedAt: _u, ...fields } = p;
      await repo.save(createPersona({ ...fields, name: i18n._('personas.copyOf', { name: p.name }), avatarImageId }));
    });

  const remove = (p: Persona) =>
    act(async () => {
      setConfirming(null);
      setDeleted(await repo.remove(p.id));
    });

  return (
    <section className="personas-page" aria-labelledby="personas-title">
      <div className="personas-toolbar">
        <h1 id="personas-title">{i18n._('personas.page.title')}</h1>
        <input
          type="search"
          dir="auto"
          aria-label={i18n._('personas.page.search')}
          placeholder={i18n._('personas.page.searchPlaceholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFocusId(null);
          }}
        />
        {actions}
        <button type="button" className="primary" onClick={() => setCreating(true)}>
          {i18n._('personas.new')}
        </button>
      </div>

      {problem && (
        <p className="persona-error" role="alert">
          {problem}
        </p>
      )}

      {library === null ? (
        <p className="empty">{i18n._('personas.page.loading')}</p>
      ) : library.personas.length === 0 ? (
        <p className="empty">{i18n._('personas.page.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{fillSlot(i18n._('personas.page.noMatch', { query: SLOT }), <span dir="auto">{query}</span>)}</p>
      ) : (
        <ul className="persona-grid" aria-label={i18n._('personas.page.title')}>
          {shown.map((p) => (
            <PersonaCard
              key={p.id}
              persona={p}
              maps={mapsOf.get(p.id) ?? []}
              onDuplicate={() => duplicate(p)}
              onDelete={() => setConfirming(p)}
              focus={focusId === p.id}
              onFocused={() => setFocusId(null)}
            />
          ))}
        </ul>
      )}

      {creating && (
        <NewPersonaDialog
          onClose={() => setCreating(false)}
          onBlank={() => create(createPersona({ name: '' }))}
          onExample={(exampleId) => create(buildExamplePersona(exampleId))}
        />
      )}

      {confirming && (
        <ConfirmDeleteDialog
          persona={confirming}
          maps={mapsOf.get(confirming.id) ?? []}
          onCancel={() => setConfirming(null)}
          onConfirm={() => remove(confirming)}
        />
      )}

      {deleted && (
        <UndoToast
          key={deleted.persona.id}
          message={
            deleted.mapIds.length > 0
              ? i18n._('personas.deleted.fromMaps', { name: shownName(i18n, deleted.persona.name), count: deleted.mapIds.length })
              : i18n._('personas.deleted', { name: shownName(i18n, deleted.persona.name) })
          }
          onUndo={() =>
            act(async () => {
              await repo.undoRemove(deleted);
              setDeleted(null);
              // The Undo button goes away: the focus goes to the persona that came back.
              setFocusId(deleted.persona.id);
            })
          }
          onTimeout={() => setDeleted(null)}
        />
      )}
    </section>
  );
}

function PersonaCard({
  persona,
  maps,
  onDuplicate,
  onDelete,
  focus = false,
  onFocused,
}: {
  persona: Persona;
  maps: MapRef[];
  onDuplicate(): void;
  onDelete(): void;
  /** Take the focus (on the name's link) now. */
  focus?: boolean;
  onFocused?(): void;
}) {
  const i18n = useI18n();
  const name = shownName(i18n, persona.name);
  const line = personaLine(persona, (n) => i18n.number(n));
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!focus) return;
    link.current?.focus();
    onFocused?.();
  }, [focus, onFocused]);
  return (
    <li className="persona-card">
      <Avatar persona={persona} size={64} />
      <div className="persona-card-main">
        <h2>
          <a ref={link} href={personaHref(persona.id)} dir="auto">
            {name}
          </a>
        </h2>
        {line && (
          <p className="persona-line" dir="auto">
            {line}
          </p>
        )}
        {persona.quote && (
          <p className="persona-quote">
            <Quote text={persona.quote} />
          </p>
        )}
        <p className="persona-usage" title={maps.length > 0 ? listOf(i18n, maps.map((m) => m.title || i18n._('personas.untitledMap'))) : undefined}>
          {maps.length === 0 ? i18n._('personas.card.notInMaps') : i18n._('personas.card.usedIn', { count: maps.length })}
        </p>
      </div>
      <div className="persona-card-actions">
        <button type="button" aria-label={i18n._('personas.card.duplicateLabel', { name })} onClick={onDuplicate}>
          {i18n._('personas.card.duplicate')}
        </button>
        <button type="button" className="danger" aria-label={i18n._('personas.card.deleteLabel', { name })} onClick={onDelete}>
          {i18n._('personas.card.delete')}
        </button>
      </div>
    </li>
  );
}

/** "A, B, C": titles as the interface's language lists them. */
function listOf(i18n: I18n, items: string[]): string {
  try {
    return new Intl.ListFormat(i18n.locale, { type: 'unit', style: 'short' }).format(items);
  } catch {
    return items.join(', ');
  }
}


function NewPersonaDialog({
  onClose,
  onBlank,
  onExample,
}: {
  onClose(): void;
  onBlank(): void;
  onExample(exampleId: string): void;
}) {
  const i18n = useI18n();
  const { ref, close } = useModal(onClose);
  return (
    <dialog ref={ref} aria-labelledby="new-persona-title" onClose={onClose} className="persona-dialog">
      <h2 id="new-persona-title">{i18n._('personas.new')}</h2>
      <ul className="persona-choices">
        <li>
          <button type="button" onClick={onBlank}>
            <strong>{i18n._('personas.new.blank')}</strong>
            <small>{i18n._('personas.new.blankHint')}</small>
          </button>
        </li>
      </ul>
      <h3>{i18n._('personas.new.fromExample')}</h3>
      <ul className="persona-choices">
        {EXAMPLE_PERSONAS.map((e) => (
          <li key={e.id}>
            <button type="button" data-testid={`example-${e.id}`} onClick={() => onExample(e.id)}>
              <strong dir="auto">{e.label}</strong>
              <small dir="auto">{i18n._(e.summaryId, { age: e.input.age == null ? '' : i18n.number(e.input.age) })}</small>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {i18n._('personas.cancel')}
        </button>
      </div>
    </dialog>
  );
}

function ConfirmDeleteDialog({
  persona,
  maps,
  onCancel,
  onConfirm,
}: {
  persona: Persona;
  maps: MapRef[];
  onCancel(): void;
  onConfirm(): void;
}) {
  const i18n = useI18n();
  const { ref, close } = useModal(onCancel);
  const name = shownName(i18n, persona.name);
  return (
    <dialog
      ref={ref}
      aria-labelledby="delete-persona-title"
      aria-describedby="delete-persona-body"
      onClose={onCancel}
      className="persona-dialog"
    >
      <h2 id="delete-persona-title" dir="auto">
        {i18n._('personas.delete.title', { name })}
      </h2>
      <div id="delete-persona-body">
        {maps.length === 0 ? (
          <p>{i18n._('personas.delete.noMaps')}</p>
        ) : (
          <>
            <p>{i18n._('personas.delete.maps', { count: maps.length })}</p>
            <ul className="persona-delete-maps">
              {maps.map((m) => (
                <li key={m.id} dir="auto">
                  {m.title || i18n._('personas.untitledMap')}
                </li>
              ))}
            </ul>
          </>
        )}
        <p>{i18n._('personas.delete.undoHint')}</p>
      </div>
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={close}>
          {i18n._('personas.cancel')}
        </button>
        <button type="button" className="danger" onClick={onConfirm}>
          {i18n._('personas.delete.confirm')}
        </button>
      </div>
    </dialog>
  );
}

const UNDO_WINDOW_MS = 15_000;

function UndoToast({ message, onUndo, onTimeout }: { message: string; onUndo(): void; onTimeout(): void }) {
  const i18n = useI18n();
  const timeout = useRef(onTimeout);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    timeout.current = onTimeout;
  });
  useEffect(() => {
    // The deleted card (and its Delete button) is gone: the focus goes to what can bring it back.
    undo.current?.focus();
    const timer = window.setTimeout(() => timeout.current(), UNDO_WINDOW_MS);
    return () => window.clearTimeout(timer);
  }, []);
  return (
    <div className="toast" role="status">
      <span dir="auto">{message}</span>
      <button ref={undo} type="button" onClick={onUndo}>
        {i18n._('personas.undo')}
      </button>
    </div>
  );
}
