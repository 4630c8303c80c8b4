/**
 * One persona as a one-page profile: photo, name, quote and story first; then who they
 * are (demographics), what they want (goals, needs, motivations), what gets in their way
 * (frustrations), how they act (behaviours, channels, tech comfort) and why
 * (psychographics); then the maps they are in. Every edit is saved on its own, shortly
 * after typing stops.
 */
import { useCallback, useEffect, useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { mapHref } from '../app/route';
import { PERSONA_COLUMN_LABEL_IDS } from '../editor/labels';
import { parseLocalizedNumber } from '../i18n/digits';
import { say } from '../i18n/message';
import { useI18n } from '../i18n/react';
import { defaultChannels } from '../model/channels';
import { isLocale } from '../i18n/locales';
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
import { AVATAR_ACCEPT, MAX_AVATAR_BYTES, prepareAvatar } from './image';
import { PERSONAS_HREF } from './links';
import { usePersonaRepo, type LoadedPersona, type MapRef } from './repo';
import { errorMessage, fillSlot, shownName, SLOT, wordOf } from './text';
import { useAutosave, type Autosave } from './useAutosave';
import './personas.css';

export interface PersonaEditorProps {
  personaId: string;
  /** Where a storage problem is reported as well (the shell's banner); it is always shown on the page. */
  onError?: (message: string) => void;
}

type Loaded = LoadedPersona | { kind: 'loading' };

export function PersonaEditor({ personaId, onError }: PersonaEditorProps) {
  const i18n = useI18n();
  const repo = usePersonaRepo();
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });

  useEffect(() => {
    let live = true;
    repo.load(personaId).then(
      (result) => live && setLoaded(result),
      (err) => {
        onError?.(errorMessage(i18n, err));
        if (live) setLoaded({ kind: 'missing' });
      },
    );
    return () => {
      live = false;
    };
  }, [repo, personaId, onError, i18n]);

  if (loaded.kind === 'loading') return <p className="empty">{i18n._('personas.editor.opening')}</p>;
  if (loaded.kind === 'missing') {
    return (
      <section>
        <h1>{i18n._('personas.editor.notFound')}</h1>
        <p>
          {i18n._('personas.editor.notFoundBody')} <a href={PERSONAS_HREF}>{i18n._('personas.editor.backToAll')}</a>
        </p>
      </section>
    );
  }
  if (loaded.kind === 'invalid') {
    return (
      <section>
        <h1>{i18n._('personas.editor.invalid')}</h1>
        <p>{i18n._('personas.editor.invalidBody')}</p>
        <ul>
          {loaded.errors.map((e, i) => (
            <li key={i}>
              {e.path ? (
                <>
                  <code>{e.path}</code>: {say(i18n, e.message)}
                </>
              ) : (
                say(i18n, e.message)
              )}
            </li>
          ))}
        </ul>
      </section>
    );
  }
  if (loaded.kind === 'newer' && !loaded.doc) {
    return (
      <section>
        <h1>{i18n._('personas.editor.newer')}</h1>
        <p>{i18n._('personas.editor.newerBody', { version: i18n.number(loaded.version) })}</p>
      </section>
    );
  }
  return <Profile key={personaId} initial={loaded.doc as Persona} readOnly={loaded.kind === 'newer'} onError={onError} />;
}

function Profile({ initial, readOnly, onError }: { initial: Persona; readOnly: boolean; onError?: (message: string) => void }) {
  const i18n = useI18n();
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
      const message = errorMessage(i18n, err);
      setMapProblem(message);
      onError?.(message);
    },
    [i18n, onError],
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

  const name = shownName(i18n, persona.name);
  const label = (field: keyof typeof PERSONA_COLUMN_LABEL_IDS) => i18n._(PERSONA_COLUMN_LABEL_IDS[field]);

  return (
    <article className="persona-editor" aria-labelledby="persona-heading">
      <div className="persona-editor-bar">
        <a href={PERSONAS_HREF}>{i18n._('personas.editor.allPersonas')}</a>
        <SaveStatus autosave={autosave} readOnly={readOnly} />
        {repo.exportPersona && <ExportButton persona={persona} onError={report} />}
      </div>
      <fieldset className="persona-sheet" disabled={readOnly}>
        <legend className="visually-hidden">{i18n._('personas.editor.profile')}</legend>
        {readOnly && (
          <p role="note" className="persona-note">
            {i18n._('personas.editor.readOnlyNote')}
          </p>
        )}

        <header className="persona-hero">
          <PhotoField persona={persona} change={change} autosave={autosave} readOnly={readOnly} />
          <div className="persona-hero-text">
            <h1 id="persona-heading" dir="auto">
              {name}
            </h1>
            <TextField label={label('name')} value={persona.name} onChange={(v) => patch({ name: v })} className="persona-name-field" />
            <TextField label={label('quote')} value={persona.quote} onChange={(v) => patch({ quote: v })} multiline rows={2} />
            <TextField label={label('story')} value={persona.story} onChange={(v) => patch({ story: v })} multiline rows={4} />
          </div>
        </header>

        <Section title={i18n._('personas.section.demographics')}>
          <div className="persona-fields">
            <AgeField label={label('age')} value={persona.age} onChange={(age) => patch({ age })} />
            <TextField label={label('occupation')} value={persona.occupation} onChange={(v) => patch({ occupation: v })} />
            <TextField label={label('family')} value={persona.family} onChange={(v) => patch({ family: v })} />
            <TextField label={label('location')} value={persona.location} onChange={(v) => patch({ location: v })} />
          </div>
          <TextField
            label={label('demographics')}
            value={persona.demographics}
            onChange={(v) => patch({ demographics: v })}
            multiline
            rows={2}
          />
        </Section>

        <div className="persona-lists">
          {LISTS.map((l) => (
            <ListEditor key={l.field} spec={l} items={persona[l.field]} change={change} />
          ))}
        </div>

        <Section title={i18n._('personas.section.channels')}>
          <fieldset className="persona-channels">
            <legend>{label('preferredChannels')}</legend>
            {defaultChannels(isLocale(i18n.locale) ? i18n.locale : 'en').map((c) => (
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
            <legend>{label('techComfort')}</legend>
            {TECH_LEVELS.map(([value, levelId]) => (
              <label key={String(value)} className="persona-check">
                <input
                  type="radio"
                  name={`tech-${persona.id}`}
                  checked={persona.techComfort === value}
                  onChange={() => patch({ techComfort: value })}
                />
                {i18n._(levelId, { level: value === null ? '' : i18n.number(value) })}
              </label>
            ))}
          </fieldset>
        </Section>

        <Section title={label('psychographics')}>
          <TextField
            label={i18n._('personas.field.psychographics')}
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

/** Each level and its catalogue id ({level} takes the number, written in the interface's digits). */
const TECH_LEVELS: readonly [number | null, string][] = [
  [null, /*i18n*/ 'personas.tech.unknown'],
  [1, /*i18n*/ 'personas.tech.level1'],
  [2, /*i18n*/ 'personas.tech.level2'],
  [3, /*i18n*/ 'personas.tech.level3'],
  [4, /*i18n*/ 'personas.tech.level4'],
  [5, /*i18n*/ 'personas.tech.level5'],
];

/** A list's words, as catalogue ids; {n} takes the item's number. The heading is the field's label. */
interface ListSpec {
  field: PersonaListField;
  hint: string;
  item: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  add: string;
}

const LISTS: readonly ListSpec[] = [
  {
    field: 'goals',
    hint: /*i18n*/ 'personas.list.goals.hint',
    item: /*i18n*/ 'personas.list.goals.item',
    moveUp: /*i18n*/ 'personas.list.goals.moveUp',
    moveDown: /*i18n*/ 'personas.list.goals.moveDown',
    remove: /*i18n*/ 'personas.list.goals.remove',
    add: /*i18n*/ 'personas.list.goals.add',
  },
  {
    field: 'needs',
    hint: /*i18n*/ 'personas.list.needs.hint',
    item: /*i18n*/ 'personas.list.needs.item',
    moveUp: /*i18n*/ 'personas.list.needs.moveUp',
    moveDown: /*i18n*/ 'personas.list.needs.moveDown',
    remove: /*i18n*/ 'personas.list.needs.remove',
    add: /*i18n*/ 'personas.list.needs.add',
  },
  {
    field: 'motivations',
    hint: /*i18n*/ 'personas.list.motivations.hint',
    item: /*i18n*/ 'personas.list.motivations.item',
    moveUp: /*i18n*/ 'personas.list.motivations.moveUp',
    moveDown: /*i18n*/ 'personas.list.motivations.moveDown',
    remove: /*i18n*/ 'personas.list.motivations.remove',
    add: /*i18n*/ 'personas.list.motivations.add',
  },
  {
    field: 'frustrations',
    hint: /*i18n*/ 'personas.list.frustrations.hint',
    item: /*i18n*/ 'personas.list.frustrations.item',
    moveUp: /*i18n*/ 'personas.list.frustrations.moveUp',
    moveDown: /*i18n*/ 'personas.list.frustrations.moveDown',
    remove: /*i18n*/ 'personas.list.frustrations.remove',
    add: /*i18n*/ 'personas.list.frustrations.add',
  },
  {
    field: 'behaviours',
    hint: /*i18n*/ 'personas.list.behaviours.hint',
    item: /*i18n*/ 'personas.list.behaviours.item',
    moveUp: /*i18n*/ 'personas.list.behaviours.moveUp',
    moveDown: /*i18n*/ 'personas.list.behaviours.moveDown',
    remove: /*i18n*/ 'personas.list.behaviours.remove',
    add: /*i18n*/ 'personas.list.behaviours.add',
  },
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

const MAX_AGE = 150;

/** The age typed in any of our users' digits (Persian, Arabic-Indic, Thai or ASCII), or null when it is not one. */
function parseAge(text: string): number | null {
  const n = parseLocalizedNumber(text);
  return n !== null && Number.isInteger(n) && n >= 0 && n <= MAX_AGE ? n : null;
}

function AgeField({ label, value, onChange }: { label: string; value: number | null; onChange(age: number | null): void }) {
  const i18n = useI18n();
  const id = useId();
  const hintId = useId();
  // Shown in the interface's digits; typed in any (a text field: a number field refuses ۳۴ and ๓๔).
  const show = (age: number | null) => (age === null ? '' : i18n.number(age, { useGrouping: false }));
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    // A new value (adjusting state while rendering, as React recommends): shown, unless it is
    // this field's own edit coming back, which keeps the text as typed, in the digits typed.
    setSeen(value);
    if ((text.trim() === '' ? null : parseAge(text)) !== value) setText(show(value));
  }
  const invalid = text.trim() !== '' && parseAge(text) === null;
  return (
    <div className="persona-field persona-age">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        dir="auto"
        autoComplete="off"
        value={text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hintId : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          if (raw.trim() === '') onChange(null);
          else {
            const age = parseAge(raw);
            if (age !== null) onChange(age);
          }
        }}
      />
      {invalid && (
        <p id={hintId} className="persona-hint">
          {i18n._('personas.field.ageInvalid', { min: i18n.number(0), max: i18n.number(MAX_AGE) })}
        </p>
      )}
    </div>
  );
}

function ListEditor({
  spec,
  items,
  change,
}: {
  spec: ListSpec;
  items: readonly string[];
  change(op: (p: Persona) => Persona): Persona;
}) {
  const i18n = useI18n();
  const { field } = spec;
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

  return (
    <section className="persona-section persona-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{i18n._(PERSONA_COLUMN_LABEL_IDS[field])}</h2>
      <p className="persona-hint">{i18n._(spec.hint)}</p>
      <ol ref={list} aria-labelledby={headingId}>
        {items.map((item, i) => {
          const n = i18n.number(i + 1);
          return (
            <li key={i} data-index={i}>
              <input
                type="text"
                dir="auto"
                data-part="input"
                aria-label={i18n._(spec.item, { n })}
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
              <button type="button" data-part="up" aria-label={i18n._(spec.moveUp, { n })} disabled={i === 0} onClick={() => move(i, i - 1, 'up')}>
                ↑
              </button>
              <button
                type="button"
                data-part="down"
                aria-label={i18n._(spec.moveDown, { n })}
                disabled={i === items.length - 1}
                onClick={() => move(i, i + 1, 'down')}
              >
                ↓
              </button>
              <button type="button" data-part="remove" aria-label={i18n._(spec.remove, { n })} onClick={() => remove(i)}>
                ×
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" data-part="add" onClick={() => add()}>
        {i18n._(spec.add)}
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
  const i18n = useI18n();
  const repo = usePersonaRepo();
  const inputId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const name = persona.name.trim();
  const alt = persona.avatarImageId
    ? name
      ? i18n._('personas.photo.photoOf', { name })
      : i18n._('personas.photo.photoOfUnnamed')
    : name
      ? i18n._('personas.photo.initialsOf', { name })
      : i18n._('personas.photo.initialsOfUnnamed');

  const replace = async (imageId: string | null) => {
    const old = persona.avatarImageId;
    const next = change((p) => updatePersona(p, { avatarImageId: imageId }));
    if (next.avatarImageId !== imageId) throw new Error(i18n._('personas.photo.notSet'));
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
        setError(wordOf(i18n, prepared.message));
        return;
      }
      const id = await repo.putImage(prepared.blob);
      await replace(id);
    } catch (err) {
      setError(i18n._('personas.photo.notSaved', { reason: errorMessage(i18n, err) }));
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
      <Avatar persona={persona} size={160} alt={alt} />
      <div className="persona-photo-actions">
        <label htmlFor={inputId} className="persona-upload">
          {persona.avatarImageId ? i18n._('personas.photo.replace') : i18n._('personas.photo.upload')}
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
          <button type="button" onClick={() => void replace(null).catch((err) => setError(errorMessage(i18n, err)))}>
            {i18n._('personas.photo.remove')}
          </button>
        )}
        <p className="persona-hint">{i18n._('personas.photo.hint', { size: i18n.number(MAX_AVATAR_BYTES / (1024 * 1024)) })}</p>
        {busy && <p role="status">{i18n._('personas.photo.preparing')}</p>}
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
  const i18n = useI18n();
  if (readOnly) return <span className="persona-save">{i18n._('personas.save.readOnly')}</span>;
  return (
    <span className={`persona-save is-${autosave.state}`} role="status">
      {autosave.state === 'saved' && i18n._('personas.save.saved')}
      {autosave.state === 'saving' && i18n._('personas.save.saving')}
      {autosave.state === 'error' && (
        <>
          {i18n._('personas.save.error', { error: errorMessage(i18n, autosave.error) })}{' '}
          <button type="button" onClick={() => void autosave.flush()}>
            {i18n._('personas.save.retry')}
          </button>
        </>
      )}
    </span>
  );
}

function ExportButton({ persona, onError }: { persona: Persona; onError(err: unknown): void }) {
  const i18n = useI18n();
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
      {i18n._('personas.editor.exportJson')}
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
  const i18n = useI18n();
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
      <h2 id={headingId}>{i18n._('personas.maps.title')}</h2>
      {maps === null ? (
        <p className="empty">{i18n._('personas.maps.loading')}</p>
      ) : (
        <>
          {linked.length === 0 ? (
            <p className="empty">
              {fillSlot(i18n._('personas.maps.none', { name: SLOT }), <span dir="auto">{personaName}</span>)}
            </p>
          ) : (
            <ul aria-label={i18n._('personas.maps.listLabel', { name: personaName })}>
              {linked.map((m) => {
                const title = m.title || i18n._('personas.untitledMap');
                return (
                  <li key={m.id}>
                    <a href={mapHref(m.id)} dir="auto">
                      {title}
                    </a>
                    <button
                      type="button"
                      aria-label={i18n._('personas.maps.removeFrom', { title })}
                      disabled={busy || readOnly || m.readOnly}
                      onClick={() => void set(m.id, false)}
                    >
                      {i18n._('personas.maps.remove')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {others.length > 0 && !readOnly && (
            <div className="persona-add-map">
              <label htmlFor={selectId}>{i18n._('personas.maps.addLabel')}</label>
              <select id={selectId} dir="auto" value={chosen} onChange={(e) => setChoice(e.target.value)}>
                {others.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.title || i18n._('personas.untitledMap')}
                  </option>
                ))}
              </select>
              <button type="button" disabled={busy || !chosen} onClick={() => void set(chosen, true)}>
                {i18n._('personas.maps.add')}
              </button>
            </div>
          )}
          {maps.length === 0 && <p className="empty">{i18n._('personas.maps.noMaps')}</p>}
        </>
      )}
    </section>
  );
}
