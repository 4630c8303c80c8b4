/**
 * The home page: every map, newest first, with search by title. Create from a template,
 * rename, duplicate, delete with undo (nothing vanishes on one mis-click). Import a file
 * (picker or drop anywhere on the page) and back up the whole library to one file.
 */
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { formatEdited, plural } from './format';
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
      setBackup('Preparing the backup…');
      const [{ downloadLibraryBackup }, { formatSize }] = await Promise.all([import('../export/actions'), import('../export/envelope')]);
      // Warn before writing a backup that Import could not read back.
      const result = await downloadLibraryBackup({
        confirmOversize: ({ bytes, maxBytes }) =>
          window.confirm(
            `This backup is ${formatSize(bytes)}. Journeyboard restores backups of up to ${formatSize(maxBytes)}, so it could not import this file back. Download it anyway?`,
          ),
      });
      if (!result.written) {
        setBackup('No backup was written: it would be too large to restore.');
        return;
      }
      setBackup(
        `Backed up ${plural(result.maps, 'map')} and ${plural(result.personas, 'persona')}.` +
          (result.tooLargeToRestore ? ' This file is too large to be restored by Import.' : '') +
          (result.skipped.length ? ` Left out (they do not open here): ${result.skipped.join(', ')}.` : ''),
      );
    }).finally(() => setBackup((b) => (b === 'Preparing the backup…' ? null : b)));

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
        <h1 id="library-title">Journey maps</h1>
        <input
          type="search"
          aria-label="Search maps by title"
          placeholder="Search by title"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setFocusId(null);
          }}
        />
        <button type="button" className="primary" onClick={() => setChoosing(true)}>
          New map
        </button>
      </div>
      <div className="library-files">
        <Suspense fallback={null}>
          <ImportPanel dropped={dropped} />
        </Suspense>
        <button type="button" onClick={() => void backUp()} disabled={backup === 'Preparing the backup…'}>
          Back up library
        </button>
        {backup && (
          <p role="status" className="library-files__status">
            {backup}
          </p>
        )}
        <p className="hint">Drop a .journey.json, .persona.json, backup or exported web page (.html) anywhere here to import it.</p>
      </div>

      {entries === null && unavailable ? (
        <div className="storage-unavailable">
          <h2>This browser is not letting Journeyboard store maps</h2>
          <p>
            Its storage (IndexedDB) is switched off or blocked for this site: this happens in some private windows, and when
            site data is blocked in the browser’s settings. Nothing can be saved here, and maps you made before in this
            browser cannot be shown, but they are not touched.
          </p>
          <p>
            Open Journeyboard in a normal (not private) window, or allow this site to store data in the browser’s settings,
            then reload the page.
          </p>
        </div>
      ) : entries === null ? (
        <p className="empty">Loading your maps…</p>
      ) : entries.length === 0 ? (
        <p className="empty">No maps yet. Start one from a template with “New map”.</p>
      ) : shown.length === 0 ? (
        <p className="empty">No map has “{query}” in its title.</p>
      ) : (
        <ul className="map-list" aria-label="Maps">
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
        <Suspense fallback={<p role="status">Loading templates…</p>}>
          <TemplateDialog
            onClose={() => setChoosing(false)}
            onChoose={(templateId) =>
              act(async () => {
                const id = await library.createFromTemplate(templateId);
                setChoosing(false);
                navigate(mapHref(id));
              })
            }
          />
        </Suspense>
      )}

      {deleted.length > 0 && (
        <UndoToast
          message={deletedMessage(deleted)}
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
  const [renaming, setRenaming] = useState(false);
  const link = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    if (!focus || !link.current) return;
    link.current.focus();
    onFocused?.();
  }, [focus, onFocused]);
  const inputId = useId();
  const reasonId = useId();
  const titleLabel = entry.title || 'Untitled map';
  // Why Rename and Duplicate are off, for the pointer (title) and for screen readers (described by).
  const readOnlyReason = entry.readOnly
    ? { title: READ_ONLY_REASON, 'aria-describedby': reasonId }
    : {};
  return (
    <li className="map-item">
      <div className="map-item-main">
        {renaming ? (
          <RenameField
            id={inputId}
            initial={entry.title}
            label={`New title for ${titleLabel}`}
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
              <span className="badge" title={READ_ONLY_REASON}>
                newer version · read-only
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
          {plural(entry.stageCount, 'stage')} · {plural(entry.cardCount, 'card')} · edited{' '}
          <time dateTime={entry.updatedAt} title={new Date(entry.updatedAt).toLocaleString()}>
            {formatEdited(entry.updatedAt)}
          </time>
        </p>
      </div>
      <div className="map-item-actions">
        {entry.readOnly && (
          // Hidden, yet read as the disabled buttons' description (aria-describedby reads hidden text).
          <span id={reasonId} hidden>
            {READ_ONLY_REASON}
          </span>
        )}
        <button type="button" aria-label={`Rename ${titleLabel}`} onClick={() => setRenaming(true)} disabled={entry.readOnly} {...readOnlyReason}>
          Rename
        </button>
        <a className="button" href={mapHref(entry.id, 'present')} aria-label={`Present ${titleLabel}`}>
          Present
        </a>
        <button type="button" aria-label={`Duplicate ${titleLabel}`} onClick={onDuplicate} disabled={entry.readOnly} {...readOnlyReason}>
          Duplicate
        </button>
        <button type="button" className="danger" aria-label={`Delete ${titleLabel}`} onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}

const READ_ONLY_REASON =
  'Saved by a newer version of Journeyboard: this version can open and present it, but not rename or copy it. Update Journeyboard to change it.';

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

function deletedMessage(deleted: readonly DeletedMap[]): string {
  const titles = deleted.map((d) => `“${d.map.title || 'Untitled map'}”`);
  if (titles.length === 1) return `Deleted ${titles[0]}.`;
  return `Deleted ${titles.length} maps: ${titles.join(', ')}.`;
}

const UNDO_WINDOW_MS = 15_000;

/**
 * The undo offer. Its window runs from the last change of `restartKey` (another delete),
 * not from each render: the page re-renders on every keystroke in the search field, and
 * a timer keyed on a new inline callback would restart each time.
 */
function UndoToast({ message, restartKey, onUndo, onTimeout }: { message: string; restartKey: number; onUndo(): void; onTimeout(): void }) {
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
        Undo
      </button>
    </div>
  );
}
