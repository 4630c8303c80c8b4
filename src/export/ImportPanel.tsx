/**
 * Import by file picker or by dropping a file. It reads the file with parseImport (the restore chain),
 * shows what is wrong when it fails (where in the file and why; nothing is stored), and asks
 * "replace or keep both" when a map of the file is already in the library, or a persona is
 * there with other content (the same persona, unchanged, is no question: it is left as it is).
 * Load it lazily from the library:  const ImportPanel = React.lazy(() => import('../export/ImportPanel'));
 */
import { useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { formatImportErrors, parseImportFile, type ImportError } from './envelope';
import { conflictQuestion } from './conflicts';
import { applyImport, planImport, type ConflictChoice, type ImportPlan } from './source';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'errors'; file: string; errors: ImportError[] }
  | { kind: 'conflict'; plan: ImportPlan }
  | { kind: 'done'; message: string };

function summary(plan: ImportPlan): string {
  const parts = [];
  if (plan.maps.length) parts.push(`${plan.maps.length} map${plan.maps.length === 1 ? '' : 's'}`);
  if (plan.personas.length) parts.push(`${plan.personas.length} persona${plan.personas.length === 1 ? '' : 's'}`);
  const imported = parts.length ? `Imported ${parts.join(' and ')}.` : 'Nothing new to import.';
  const n = plan.unchanged.length;
  if (n === 0) return imported;
  return `${imported} ${n === 1 ? '1 persona was' : `${n} personas were`} already here, unchanged.`;
}

export function useImport(onImported?: (mapIds: string[]) => void) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  const finish = useCallback(
    async (plan: ImportPlan, choice: ConflictChoice) => {
      setState({ kind: 'busy' });
      try {
        const ids = await applyImport(plan, choice);
        setState({ kind: 'done', message: summary(plan) });
        onImported?.(ids);
      } catch (err) {
        setState({ kind: 'errors', file: '', errors: [{ path: '', message: `Nothing was imported: ${err instanceof Error ? err.message : String(err)}` }] });
      }
    },
    [onImported],
  );

  const importFile = useCallback(
    async (file: File) => {
      setState({ kind: 'busy' });
      try {
        const result = await parseImportFile(file);
        if (result.kind === 'error') {
          setState({ kind: 'errors', file: file.name, errors: result.errors });
          return;
        }
        const plan = await planImport(result);
        if (plan.conflicts.length > 0) setState({ kind: 'conflict', plan });
        else await finish(plan, 'replace');
      } catch (err) {
        // Whatever went wrong, "Importing…" ends with a message; nothing was stored (applyImport,
        // inside finish, catches its own errors and writes in one transaction).
        const reason = err instanceof Error ? err.message : String(err);
        setState({ kind: 'errors', file: file.name, errors: [{ path: '', message: `The file could not be imported (${reason.slice(0, 200)}). Nothing was imported.` }] });
      }
    },
    [finish],
  );

  return { state, setState, importFile, finish };
}

function ImportStatus({ state, onChoose, onClose }: { state: State; onChoose: (c: ConflictChoice) => void; onClose: () => void }) {
  if (state.kind === 'busy') return <p role="status">Importing…</p>;
  if (state.kind === 'done') return <p role="status">{state.message}</p>;
  if (state.kind === 'errors') {
    return (
      <div role="alert" className="jb-import-errors">
        <p>
          {state.file ? (
            <>
              <bdi dir="auto">{state.file}</bdi> was not imported:
            </>
          ) : (
            'The import failed:'
          )}
        </p>
        <ul>
          {formatImportErrors(state.errors).map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  }
  if (state.kind === 'conflict') {
    const { conflicts } = state.plan;
    const { label, question } = conflictQuestion(conflicts);
    const mixed = new Set(conflicts.map((c) => c.kind)).size > 1;
    return (
      <div role="dialog" aria-label={label} className="jb-import-conflict">
        <p>
          Already in your library:{' '}
          {conflicts.map((c, i) => (
            <span key={`${c.kind}:${c.id}`}>
              {i > 0 && ', '}
              {/* The library's name for it: that is what Replace replaces. */}
              <bdi dir="auto">{c.storedTitle ?? c.title}</bdi>
              {mixed && ` (${c.kind})`}
              {c.storedTitle !== undefined && c.storedTitle !== c.title && (
                <>
                  {' (the file calls it '}
                  <bdi dir="auto">{c.title}</bdi>)
                </>
              )}
            </span>
          ))}
          . {question}
        </p>
        <button type="button" onClick={() => onChoose('replace')}>
          Replace
        </button>
        <button type="button" onClick={() => onChoose('keep-both')}>
          Keep both
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    );
  }
  return null;
}

/**
 * The "Import a file" button with its messages; wrap the library in it (children) to accept dropped files.
 */
export default function ImportPanel({
  onImported,
  children,
  dropped,
}: {
  onImported?: (mapIds: string[]) => void;
  children?: ReactNode;
  /** A file dropped somewhere else on the page (the page catches drops while this panel loads on demand). */
  dropped?: File | null;
}) {
  const { state, setState, importFile, finish } = useImport(onImported);
  const [over, setOver] = useState(false);
  const handled = useRef<File | null>(null);
  useEffect(() => {
    if (!dropped || handled.current === dropped) return;
    handled.current = dropped;
    void importFile(dropped);
  }, [dropped, importFile]);

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void importFile(file);
  };

  return (
    <div
      className={`jb-import${over ? ' jb-drop-over' : ''}`}
      onDragOver={(e) => {
        if ([...e.dataTransfer.types].includes('Files')) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <label className="jb-import-button">
        Import a file
        <input
          type="file"
          accept=".json,application/json,.html,text/html"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      <ImportStatus
        state={state}
        onClose={() => setState({ kind: 'idle' })}
        onChoose={(choice) => state.kind === 'conflict' && void finish(state.plan, choice)}
      />
      {children}
    </div>
  );
}
