/**
 * The home page: every map, newest first, with search by title. Create from a template,
 * rename, duplicate, delete with undo (nothing vanishes on one mis-click). Import a file
 * (picker or drop anywhere on the page) and back up the whole library to one file.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/react';
import type { I18n } from '../i18n';
import { formatEdited } from './format';
import { library, type DeletedMap, type LibraryEntry } from './library';
import { mapHref, navigate } from './route';
import { describeError, useStorageStatus } from './storageStatus';

// The template chooser carries every template and sample map: it loads when "New map" is pressed.
const TemplateDialog = lazy(() => import('./TemplateDialog').then((m) => ({ default: m.TemplateDialog })));

// Import code (parsing, validation, error positions) loads on demand, not with the library.
const ImportPanel = lazy(() => import('../export/ImportPanel'));

function hasFiles(e: DragEvent): boolean {
  return [...e.dataTransfer.types].includes('Files');
}

export function LibraryPage() {
  const i18n = useI18n();
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [choosing, setChoosing] = useState(false);
  // Every delete since the last undo or timeout: one toast, and its Undo brings them all back.
  const [deleted, setDeleted] = useState<DeletedMap[]>([]);
  // The map whose title takes the focus when it is listed again (after an undo).
  const [focusId, setFocusId] = useState<string | null>(null);
  const [dropped, setDropped] = useState<File | null>(null);
  const [dragOver, setDragOver] = useState(false);
  const [backup, setBackup] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const report = useStorageStatus((s) => s.report);

  useEffect(() => library.pruneOldDeletions(), []);

  useEffect(
    () =>
      library.watch(
        (list) => {
          setEntries(list);
          // A slow start that came good after all: the list is here, the warning goes.
          setUnavailable(false);
          const { problem, clear } = useStorageStatus.getState();
          if (problem?.kind === 'unavailable') clear();
        },
        (err) => {
          const problem = describeError(err);
          report(problem);
          if (problem.kind === 'unavailable') setUnavailable(true);
        },
      ),
    [report],
  );

  const shown = useMemo(() => {
    const q = query.trim().toLocaleLowerCase();
    if (!entries) return [];
    return q ? entries.filter((e) => e.title.toLocaleLowerCase().includes(q)) : entries;
  }, [entries, query]);

  const act = async (work: () => Promise<void>) => {
    try {
      await work();
      // An old error must not stay on screen after this success (storage that is not
      // available at all stays reported: it is not over).
      const { problem, clear } = useStorageStatus.getState();
      if (problem && problem.kind !== 'unavailable') clear();
    } catch (err) {
      report(describeError(err));
    }
  };

  const backUp = () =>
    act(async () => {
      setBackup(PREPARING);
      const [{ downloadLibraryBackup }, { formatSize }] = await Promise.all([import('../export/actions'), import('../export/envelope')]);
      // Warn before writing a backup that Import could not read back.
      const result = await downloadLibraryBackup({
        confirmOversize: ({ bytes, maxBytes }) =>
          window.confirm(i18n._('library.backup.confirmOversize', { size: formatSize(i18n, bytes), limit: formatSize(i18n, maxBytes) })),
      });
      if (!result.written) {
        setBackup(i18n._('library.backup.notWritten'));
        return;
      }
      const said = [i18n._('library.backup.done', { maps: result.maps, personas: result.personas })];
      if (result.tooLargeToRestore) said.push(i18n._('library.backup.tooLargeToRestore'));
      if (result.skipped.length) said.push(i18n._('library.backup.skipped', { titles: list(i18n, result.skipped) }));
      setBackup(said.join(' '));
    }).finally(() => setBackup((b) => (b === PREPARING ? null : b)));

  return (
    <section
      aria-labelledby="library-title"
      className={`page library${dragOver ? ' is-drop-target' : ''}`}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as globalThis.Node | null)) setDragOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragOver(false);
        const file = e.dataTransfer.files[0];
        if (file) setDropped(file);
      }}
    >
      <div className="library-toolbar">
        <h1 id="library-title">{i18n._('library.title')}</h1>
        <input
          type="search"
          aria-label={i18n._('library.search')}
          placeholder={i18n._('library.search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFocusId(null);
          }}
        />
        <button type="button" className="primary" onClick={() => setChoosing(true)}>
          {i18n._('library.newMap')}
        </button>
      </div>
      <div className="library-files">
        <Suspense fallback={null}>
          <ImportPanel dropped={dropped} />
        </Suspense>
        <button type="button" onClick={() => void backUp()} disabled={backup === PREPARING}>
          {i18n._('library.backup')}
        </button>
        {backup && (
          <p role="status" className="library-files__status">
            {backup === PREPARING ? i18n._('library.backup.preparing') : backup}
          </p>
        )}
        <p className="hint">{i18n._('library.dropHint')}</p>
      </div>

      {entries === null && unavailable ? (
        <div className="storage-unavailable">
          <h2>{i18n._('library.unavailable.title')}</h2>
          <p>{i18n._('library.unavailable.why')}</p>
          <p>{i18n._('library.unavailable.fix')}</p>
        </div>
      ) : entries === null ? (
        <p className="empty">{i18n._('library.loading')}</p>
      ) : entries.length === 0 ? (
        <p className="empty">{i18n._('library.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{i18n._('library.noMatch', { query })}</p>
      ) : (
        <ul className="map-list" aria-label={i18n._('library.list')}>
          {shown.map((entry) => (
            <MapListItem
              key={entry.id}
              entry={entry}
              focus={focusId === entry.id}
              onFocused={() => setFocusId(null)}
              onRename={(title) => act(() => library.rename(entry.id, title))}
              onDuplicate={() => act(async () => void (await library.duplicate(entry.id)))}
              onDelete={() =>
                act(async () => {
                  const removed = await library.remove(entry.id);
                  setDeleted((list) => [...list, removed]);
                })
              }
            />
          ))}
        </ul>
      )}

      {choosing && (
        <Suspense fallback={<p role="status">{i18n._('library.loadingTemplates')}</p>}>
          <TemplateDialog
            onClose={() => setChoosing(false)}
            onChoose={(templateId) =>
              act(async () => {
                const id = await library.createFromTemplate(templateId, i18n.locale);
                setChoosing(false);
                navigate(mapHref(id));
              })
            }
          />
        </Suspense>
      )}

      {deleted.length > 0 && (
        <UndoToast
          message={deletedMessage(i18n, deleted)}
          restartKey={deleted.length}
          onUndo={() =>
            act(async () => {
              await library.undoRemove(deleted);
              setDeleted([]);
              // The Undo button goes away: the focus goes to the (first) map that came back.
              setFocusId(deleted[0]!.map.id);
            })
          }
          onTimeout={() => setDeleted([])}
        />
      )}
    </section>
  );
}

function MapListItem({
  entry,
  focus = false,
  onFocused,
  onRename,
  onDuplicate,
  onDelete,
}: {
  entry: LibraryEntry;
  /** Take the focus (on the title's link) now. */
  focus?: boolean;
  onFocused?(): void;
  onRename(title: string): void;
  onDuplicate(): void;
  onDelete(): void;
}) {
  const i18n = useI18n();
  const [renaming, setRenaming] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!focus || !link.current) return;
    link.current.focus();
    onFocused?.();
  }, [focus, onFocused]);
  const inputId = useId();
  const reasonId = useId();
  const titleLabel = entry.title || i18n._('map.untitled');
  const readOnlyText = i18n._('library.readOnly.reason');
  // Why Rename and Duplicate are off, for the pointer (title) and for screen readers (described by).
  const readOnlyReason = entry.readOnly ? { title: readOnlyText, 'aria-describedby': reasonId } : {};
  return (
    <li className="map-item">
      <div className="map-item-main">
        {renaming ? (
          <RenameField
            id={inputId}
            initial={entry.title}
            label={i18n._('library.renameField', { title: titleLabel })}
            onDone={(title) => {
              setRenaming(false);
              if (title !== null && title.trim() && title !== entry.title) onRename(title.trim());
            }}
          />
        ) : (
          <h2>
            <a ref={link} href={mapHref(entry.id)} dir="auto">
              {titleLabel}
            </a>
            {entry.readOnly && (
              <span className="badge" title={readOnlyText}>
                {i18n._('library.readOnly.badge')}
              </span>
            )}
          </h2>
        )}
        <p className="meta">
          {entry.personaNames.length > 0 && (
            <>
              <span dir="auto">{entry.personaNames.join(', ')}</span> ·{' '}
            </>
          )}
          {i18n._('library.counts', { stages: entry.stageCount, cards: entry.cardCount })} · {i18n._('library.edited')}{' '}
          <time dateTime={entry.updatedAt} title={i18n.date(entry.updatedAt, { dateStyle: 'full', timeStyle: 'short' })}>
            {formatEdited(entry.updatedAt, i18n.locale)}
          </time>
        </p>
      </div>
      <div className="map-item-actions">
        {entry.readOnly && (
          // Hidden, yet read as the disabled buttons' description (aria-describedby reads hidden text).
          <span id={reasonId} hidden>
            {readOnlyText}
          </span>
        )}
        <button type="button" aria-label={i18n._('library.rename.label', { title: titleLabel })} onClick={() => setRenaming(true)} disabled={entry.readOnly} {...readOnlyReason}>
          {i18n._('library.rename')}
        </button>
        <a className="button" href={mapHref(entry.id, 'present')} aria-label={i18n._('library.present.label', { title: titleLabel })}>
          {i18n._('map.present')}
        </a>
        <button type="button" aria-label={i18n._('library.duplicate.label', { title: titleLabel })} onClick={onDuplicate} disabled={entry.readOnly} {...readOnlyReason}>
          {i18n._('library.duplicate')}
        </button>
        <button type="button" className="danger" aria-label={i18n._('library.delete.label', { title: titleLabel })} onClick={onDelete}>
          {i18n._('library.delete')}
        </button>
      </div>
    </li>
  );
}

/** Enter saves, Escape cancels, leaving the field saves (as in every file manager). */
function RenameField({ id, initial, label, onDone }: { id: string; initial: string; label: string; onDone(title: string | null): void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (title: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(title);
  };
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="text"
        dir="auto"
        autoFocus
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') finish(value);
          if (e.key === 'Escape') finish(null);
        }}
        onBlur={() => finish(value)}
      />
    </>
  );
}

// The backup's status while it is being made (a sentinel: the words come from the catalogue).
const PREPARING = '\u0000preparing';

/** "A, B and C" in the reader's language (Intl.ListFormat: "A، B و C" in Persian). */
function list(i18n: I18n, items: readonly string[]): string {
  return new Intl.ListFormat(i18n.locale, { type: 'conjunction' }).format(items);
}

function deletedMessage(i18n: I18n, deleted: readonly DeletedMap[]): string {
  const titles = deleted.map((d) => d.map.title || i18n._('map.untitled'));
  if (titles.length === 1) return i18n._('library.deleted.one', { title: titles[0] });
  return i18n._('library.deleted.many', { count: titles.length, titles: list(i18n, titles.map((title) => i18n._('app.quoted', { title }))) });
}

const UNDO_WINDOW_MS = 15_000;

/**
 * The undo offer. Its window runs from the last change of `restartKey` (another delete),
 * not from each render: the page re-renders on every keystroke in the search field, and
 * a timer keyed on a new inline callback would restart each time.
 */
function UndoToast({ message, restartKey, onUndo, onTimeout }: { message: string; restartKey: number; onUndo(): void; onTimeout(): void }) {
  const i18n = useI18n();
  const timeout = useRef(onTimeout);
  const undo = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    timeout.current = onTimeout;
  });
  useEffect(() => {
    // The deleted map (and its Delete button) is gone: the focus goes to what can bring it back.
    undo.current?.focus();
    const timer = window.setTimeout(() => timeout.current(), UNDO_WINDOW_MS);
    return () => window.clearTimeout(timer);
  }, [restartKey]);
  return (
    <div className="toast" role="status">
      <span dir="auto">{message}</span>
      <button ref={undo} type="button" onClick={onUndo}>
        {i18n._('library.undo')}
      </button>
    </div>
  );
}
