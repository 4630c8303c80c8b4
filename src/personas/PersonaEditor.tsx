/**
 * One persona as a one-page profile: photo, name, quote and story first; then who they
 * are (demographics), what they want (goals, needs, motivations), what gets in their way
 * (frustrations), how they act (behaviours, channels, tech comfort) and why
 * (psychographics); then the maps they are in. Every edit is saved on its own, shortly
 * after typing stops.
 */
import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { mapHref } from '../app/route';
import { DEFAULT_CHANNELS } from '../model/channels';
import {
  addListItem,
  moveListItem,
  removeListItem,
  togglePreferredChannel,
  touchPersona,
  updateListItem,
  updatePersona,
  type PersonaListField,
  type PersonaPatch,
} from '../model/personaOps';
import type { Persona } from '../model/schema';
import { Avatar } from './Avatar';
import { usePersonaLibrary } from './hooks';
import { AVATAR_ACCEPT, prepareAvatar } from './image';
import { PERSONAS_HREF } from './links';
import { errorMessage } from './PersonasPage';
import { usePersonaRepo, type LoadedPersona, type MapRef } from './repo';
import { useAutosave, type Autosave } from './useAutosave';
import './personas.css';

export interface PersonaEditorProps {
  personaId: string;
  /** Where a storage problem is reported as well (the shell's banner); it is always shown on the page. */
  onError?: (message: string) => void;
}

type Loaded = LoadedPersona | { kind: 'loading' };

export function PersonaEditor({ personaId, onError }: PersonaEditorProps) {
  const repo = usePersonaRepo();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    repo.load(personaId).then(
      (result) => live && setLoaded(result),
      (err) => {
        onError?.(errorMessage(err));
        if (live) setLoaded({ kind: 'missing' });
      },
    );
    return () => {
      live = false;
    };
  }, [repo, personaId, onError]);

  if (loaded.kind === 'loading') return <p className="empty">Opening the persona…</p>;
  if (loaded.kind === 'missing') {
    return (
      <section>
        <h1>Persona not found</h1>
        <p>
          There is no persona at this address in this browser. <a href={PERSONAS_HREF}>Back to all personas</a>
        </p>
      </section>
    );
  }
  if (loaded.kind === 'invalid') {
    return (
      <section>
        <h1>This persona cannot be opened</h1>
        <p>It is stored, unchanged, but it does not pass the checks:</p>
        <ul>
          {loaded.errors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (loaded.kind === 'newer' && !loaded.doc) {
    return (
      <section>
        <h1>Made by a newer Journeyboard</h1>
        <p>This persona was saved by a newer version (schema {loaded.version}). It is kept as it is; update the app to open it.</p>
      </section>
    );
  }
  return <Profile key={personaId} initial={loaded.doc as Persona} readOnly={loaded.kind === 'newer'} onError={onError} />;
}

function Profile({ initial, readOnly, onError }: { initial: Persona; readOnly: boolean; onError?: (message: string) => void }) {
  const repo = usePersonaRepo();
  const [persona, setPersona] = useState(initial);
  const current = useRef(initial);
  const autosave = useAutosave(
    useCallback((p: Persona) => repo.save(p), [repo]),
    { saveNow: repo.saveNow },
  );
  const [mapProblem, setMapProblem] = useState<string | null>(null);
  const report = useCallback(
    (err: unknown) => {
      const message = errorMessage(err);
      setMapProblem(message);
      onError?.(message);
    },
    [onError],
  );
  const library = usePersonaLibrary(report);

  const change = useCallback(
    (op: (p: Persona) => Persona) => {
      if (readOnly) return current.current;
      const next = op(current.current);
      if (next === current.current) return next;
      const touched = touchPersona(next);
      current.current = touched;
      setPersona(touched);
      autosave.schedule(touched);
      return touched;
    },
    [autosave, readOnly],
  );
  const patch = (p: PersonaPatch) => change((doc) => updatePersona(doc, p));

  const name = persona.name.trim() || 'Unnamed persona';

  return (
    <article className="persona-editor" aria-labelledby="persona-heading">
      <div className="persona-editor-bar">
        <a href={PERSONAS_HREF}>← All personas</a>
        <SaveStatus autosave={autosave} readOnly={readOnly} />
        {repo.exportPersona && <ExportButton persona={persona} onError={report} />}
      </div>
      <fieldset className="persona-sheet" disabled={readOnly}>
        <legend className="visually-hidden">Persona profile</legend>
        {readOnly && (
          <p role="note" className="persona-note">
            Saved by a newer version of Journeyboard: shown read-only and never written back.
          </p>
        )}

        <header className="persona-hero">
          <PhotoField persona={persona} change={change} autosave={autosave} readOnly={readOnly} />
          <div className="persona-hero-text">
            <h1 id="persona-heading" dir="auto">
              {name}
            </h1>
            <TextField label="Name" value={persona.name} onChange={(v) => patch({ name: v })} className="persona-name-field" />
            <TextField label="Quote" value={persona.quote} onChange={(v) => patch({ quote: v })} multiline rows={2} />
            <TextField label="Short story" value={persona.story} onChange={(v) => patch({ story: v })} multiline rows={4} />
          </div>
        </header>

        <Section title="Demographics">
          <div className="persona-fields">
            <AgeField value={persona.age} onChange={(age) => patch({ age })} />
            <TextField label="Occupation" value={persona.occupation} onChange={(v) => patch({ occupation: v })} />
            <TextField label="Family" value={persona.family} onChange={(v) => patch({ family: v })} />
            <TextField label="Location" value={persona.location} onChange={(v) => patch({ location: v })} />
          </div>
          <TextField
            label="Demographics notes"
            value={persona.demographics}
            onChange={(v) => patch({ demographics: v })}
            multiline
            rows={2}
          />
        </Section>

        <div className="persona-lists">
          {LISTS.map((l) => (
            <ListEditor key={l.field} {...l} items={persona[l.field]} change={change} />
          ))}
        </div>

        <Section title="Channels and technology">
          <fieldset className="persona-channels">
            <legend>Preferred channels</legend>
            {DEFAULT_CHANNELS.map((c) => (
              <label key={c.id} className="persona-check">
                <input
                  type="checkbox"
                  checked={persona.preferredChannels.includes(c.id)}
                  onChange={() => change((p) => togglePreferredChannel(p, c.id))}
                />
                {c.name}
              </label>
            ))}
          </fieldset>
          <fieldset className="persona-tech">
            <legend>Tech comfort</legend>
            {TECH_LEVELS.map(([value, label]) => (
              <label key={String(value)} className="persona-check">
                <input
                  type="radio"
                  name={`tech-${persona.id}`}
                  checked={persona.techComfort === value}
                  onChange={() => patch({ techComfort: value })}
                />
                {label}
              </label>
            ))}
          </fieldset>
        </Section>

        <Section title="Psychographics">
          <TextField
            label="Psychographics: what they need and why"
            value={persona.psychographics}
            onChange={(v) => patch({ psychographics: v })}
            multiline
            rows={3}
          />
        </Section>
      </fieldset>

      <MapLinks personaId={persona.id} personaName={name} maps={library?.maps ?? null} readOnly={readOnly} onError={report} />
      {mapProblem && (
        <p className="persona-error" role="alert">
          {mapProblem}
        </p>
      )}
    </article>
  );
}

const TECH_LEVELS: readonly [number | null, string][] = [
  [null, 'Not known'],
  [1, '1 · avoids technology'],
  [2, '2 · uses the basics'],
  [3, '3 · comfortable'],
  [4, '4 · confident'],
  [5, '5 · early adopter'],
];

const LISTS: readonly { field: PersonaListField; title: string; singular: string; hint: string }[] = [
  { field: 'goals', title: 'Goals', singular: 'goal', hint: 'What they want to achieve' },
  { field: 'needs', title: 'Needs', singular: 'need', hint: 'What they need from the business' },
  { field: 'motivations', title: 'Motivations', singular: 'motivation', hint: 'What drives them' },
  { field: 'frustrations', title: 'Frustrations', singular: 'frustration', hint: 'Pain points and obstacles' },
  { field: 'behaviours', title: 'Behaviours', singular: 'behaviour', hint: 'What they do and how' },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="persona-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function TextField({
  label,
  value,
  onChange,
  multiline = false,
  rows,
  className,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  rows?: number;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={`persona-field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} dir="auto" rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input id={id} type="text" dir="auto" value={value} onChange={(e) => onChange(e.target.value)} />
      )}
    </div>
  );
}

function AgeField({ value, onChange }: { value: number | null; onChange(age: number | null): void }) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // The value changed from elsewhere: show it (adjusting state while rendering, as React recommends).
    setSeen(value);
    setText(value === null ? '' : String(value));
  }
  return (
    <div className="persona-field persona-age">
      <label htmlFor={id}>Age</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        dir="auto"
        min={0}
        max={150}
        step={1}
        value={text}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          if (raw.trim() === '') onChange(null);
          else {
            const n = Number(raw);
            if (Number.isInteger(n) && n >= 0 && n <= 150) onChange(n);
          }
        }}
      />
    </div>
  );
}

function ListEditor({
  field,
  title,
  singular,
  hint,
  items,
  change,
}: {
  field: PersonaListField;
  title: string;
  singular: string;
  hint: string;
  items: readonly string[];
  change(op: (p: Persona) => Persona): Persona;
}) {
  const headingId = useId();
  const list = useRef<HTMLOListElement>(null);
  const [focus, setFocus] = useState<{ index: number; part: 'input' | 'up' | 'down' | 'add' } | null>(null);

  useEffect(() => {
    if (!focus || !list.current) return;
    const root = list.current.parentElement;
    const target =
      focus.part === 'add'
        ? root?.querySelector<HTMLElement>('[data-part="add"]')
        : list.current.querySelector<HTMLElement>(`[data-index="${focus.index}"] [data-part="${focus.part}"]`);
    const fallback = list.current.querySelector<HTMLElement>(`[data-index="${focus.index}"] [data-part="input"]`);
    const el = target && !(target as HTMLButtonElement).disabled ? target : fallback;
    el?.focus();
    setFocus(null);
  }, [focus]);

  const add = (at?: number) => {
    const index = at ?? items.length;
    const next = change((p) => addListItem(p, field, '', index));
    if (next[field].length > items.length) setFocus({ index, part: 'input' });
  };
  const move = (from: number, to: number, part: 'up' | 'down') => {
    change((p) => moveListItem(p, field, from, to));
    setFocus({ index: to, part });
  };
  const remove = (index: number) => {
    change((p) => removeListItem(p, field, index));
    const left = items.length - 1;
    setFocus(left === 0 ? { index: 0, part: 'add' } : { index: Math.min(index, left - 1), part: 'input' });
  };

  const Cap = singular.charAt(0).toUpperCase() + singular.slice(1);
  return (
    <section className="persona-section persona-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="persona-hint">{hint}</p>
      <ol ref={list} aria-labelledby={headingId}>
        {items.map((item, i) => (
          <li key={i} data-index={i}>
            <input
              type="text"
              dir="auto"
              data-part="input"
              aria-label={`${Cap} ${i + 1}`}
              value={item}
              onChange={(e) => change((p) => updateListItem(p, field, i, e.target.value))}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                  e.preventDefault();
                  add(i + 1);
                } else if (e.key === 'Backspace' && item === '' && items.length > 0) {
                  e.preventDefault();
                  remove(i);
                } else if (e.altKey && e.key === 'ArrowUp' && i > 0) {
                  e.preventDefault();
                  change((p) => moveListItem(p, field, i, i - 1));
                  setFocus({ index: i - 1, part: 'input' });
                } else if (e.altKey && e.key === 'ArrowDown' && i < items.length - 1) {
                  e.preventDefault();
                  change((p) => moveListItem(p, field, i, i + 1));
                  setFocus({ index: i + 1, part: 'input' });
                }
              }}
            />
            <button type="button" data-part="up" aria-label={`Move ${singular} ${i + 1} up`} disabled={i === 0} onClick={() => move(i, i - 1, 'up')}>
              ↑
            </button>
            <button
              type="button"
              data-part="down"
              aria-label={`Move ${singular} ${i + 1} down`}
              disabled={i === items.length - 1}
              onClick={() => move(i, i + 1, 'down')}
            >
              ↓
            </button>
            <button type="button" data-part="remove" aria-label={`Remove ${singular} ${i + 1}`} onClick={() => remove(i)}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" data-part="add" onClick={() => add()}>
        Add {singular}
      </button>
    </section>
  );
}

function PhotoField({
  persona,
  change,
  autosave,
  readOnly,
}: {
  persona: Persona;
  change(op: (p: Persona) => Persona): Persona;
  autosave: Autosave;
  readOnly: boolean;
}) {
  const repo = usePersonaRepo();
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const name = persona.name.trim() || 'this persona';

  const replace = async (imageId: string | null) => {
    const old = persona.avatarImageId;
    const next = change((p) => updatePersona(p, { avatarImageId: imageId }));
    if (next.avatarImageId !== imageId) throw new Error('The photo could not be set.');
    // Write the persona first, so it never points at a photo that is gone.
    await autosave.flush();
    if (old && old !== imageId) await repo.deleteImage(old).catch(() => undefined);
  };

  const take = async (file: File | undefined) => {
    if (!file || readOnly) return;
    setBusy(true);
    setError(null);
    try {
      const prepared = await prepareAvatar(file);
      if (!prepared.ok) {
        setError(prepared.message);
        return;
      }
      const id = await repo.putImage(prepared.blob);
      await replace(id);
    } catch (err) {
      setError(`The photo was not saved: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`persona-photo${dragging ? ' is-dragging' : ''}`}
      onDragOver={(e) => {
        if (readOnly) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      aria-busy={busy || undefined}
    >
      <Avatar persona={persona} size={160} alt={persona.avatarImageId ? `Photo of ${name}` : `Initials of ${name}`} />
      <div className="persona-photo-actions">
        <label htmlFor={inputId} className="persona-upload">
          {persona.avatarImageId ? 'Replace photo' : 'Upload photo'}
        </label>
        <input
          id={inputId}
          type="file"
          className="visually-hidden persona-upload-input"
          accept={AVATAR_ACCEPT}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => {
            const input = e.currentTarget;
            void take(input.files?.[0]).finally(() => {
              input.value = '';
            });
          }}
        />
        {persona.avatarImageId && (
          <button type="button" onClick={() => void replace(null).catch((err) => setError(errorMessage(err)))}>
            Remove photo
          </button>
        )}
        <p className="persona-hint">PNG, JPEG or WebP up to 10 MB; or drop it here.</p>
        {busy && <p role="status">Preparing the photo…</p>}
        {error && (
          <p id={errorId} className="persona-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}

function SaveStatus({ autosave, readOnly }: { autosave: Autosave; readOnly: boolean }) {
  if (readOnly) return <span className="persona-save">Read-only</span>;
  return (
    <span className={`persona-save is-${autosave.state}`} role="status">
      {autosave.state === 'saved' && 'All changes saved'}
      {autosave.state === 'saving' && 'Saving…'}
      {autosave.state === 'error' && (
        <>
          Not saved: {autosave.error}{' '}
          <button type="button" onClick={() => void autosave.flush()}>
            Try again
          </button>
        </>
      )}
    </span>
  );
}

function ExportButton({ persona, onError }: { persona: Persona; onError(err: unknown): void }) {
  const repo = usePersonaRepo();
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          const file = await repo.exportPersona!(persona);
          const { downloadText } = await import('../export/download');
          downloadText(file.filename, file.text, file.mimeType);
        } catch (err) {
          onError(err);
        }
      }}
    >
      Export as JSON
    </button>
  );
}

function MapLinks({
  personaId,
  personaName,
  maps,
  readOnly,
  onError,
}: {
  personaId: string;
  personaName: string;
  maps: MapRef[] | null;
  readOnly: boolean;
  onError(err: unknown): void;
}) {
  const repo = usePersonaRepo();
  const selectId = useId();
  const headingId = useId();
  const [choice, setChoice] = useState('');
  const [busy, setBusy] = useState(false);
  const linked = (maps ?? []).filter((m) => m.personaIds.includes(personaId));
  const others = (maps ?? []).filter((m) => !m.personaIds.includes(personaId) && !m.readOnly);
  const chosen = others.some((m) => m.id === choice) ? choice : (others[0]?.id ?? '');

  const set = async (mapId: string, link: boolean) => {
    setBusy(true);
    try {
      await repo.setLinked(personaId, mapId, link);
    } catch (err) {
      onError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="persona-section persona-maps" aria-labelledby={headingId}>
      <h2 id={headingId}>Maps</h2>
      {maps === null ? (
        <p className="empty">Loading maps…</p>
      ) : (
        <>
          {linked.length === 0 ? (
            <p className="empty">
              <span dir="auto">{personaName}</span> is not in any map yet.
            </p>
          ) : (
            <ul aria-label={`Maps with ${personaName}`}>
              {linked.map((m) => {
                const title = m.title || 'Untitled map';
                return (
                  <li key={m.id}>
                    <a href={mapHref(m.id)} dir="auto">
                      {title}
                    </a>
                    <button
                      type="button"
                      aria-label={`Remove from ${title}`}
                      disabled={busy || readOnly || m.readOnly}
                      onClick={() => void set(m.id, false)}
                    >
                      Remove
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {others.length > 0 && !readOnly && (
            <div className="persona-add-map">
              <label htmlFor={selectId}>Add to a map</label>
              <select id={selectId} dir="auto" value={chosen} onChange={(e) => setChoice(e.target.value)}>
                {others.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title || 'Untitled map'}
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy || !chosen} onClick={() => void set(chosen, true)}>
                Add to map
              </button>
            </div>
          )}
          {maps.length === 0 && <p className="empty">There are no maps yet.</p>}
        </>
      )}
    </section>
  );
}
