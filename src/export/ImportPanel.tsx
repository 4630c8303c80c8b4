/**
 * Import by file picker or by dropping a file. It reads the file with parseImport (the restore chain),
 * shows what is wrong when it fails (where in the file and why; nothing is stored), and asks
 * "replace or keep both" when a map of the file is already in the library, or a persona is
 * there with other content (the same persona, unchanged, is no question: it is left as it is).
 * Load it lazily from the library:  const ImportPanel = React.lazy(() => import('../export/ImportPanel'));
 */
import { Fragment, useCallback, useEffect, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { messageOf, say, type Message } from '../i18n/message';
import { useI18n } from '../i18n/react';
import { formatImportErrors, parseImportFile, type ImportError } from './envelope';
import { conflictQuestion, type ImportConflict } from './conflicts';
import { applyImport, planImport, type ConflictChoice, type ImportPlan } from './source';

type State =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'errors'; file: string; errors: ImportError[] }
  | { kind: 'conflict'; plan: ImportPlan }
  | { kind: 'done'; message: Message };

function imported(plan: ImportPlan): Message {
  const maps = plan.maps.length;
  const personas = plan.personas.length;
  if (maps && personas) return /*i18n*/ { id: 'import.done.mapsAndPersonas', values: { maps, personas } };
  if (maps) return /*i18n*/ { id: 'import.done.maps', values: { maps } };
  if (personas) return /*i18n*/ { id: 'import.done.personas', values: { personas } };
  return /*i18n*/ { id: 'import.done.nothing' };
}

function summary(plan: ImportPlan): Message {
  const count = plan.unchanged.length;
  if (count === 0) return imported(plan);
  return /*i18n*/ { id: 'import.done.withUnchanged', values: { imported: imported(plan), count } };
}

/** What a thrown value says: its own message for the interface, or its English (a bug's, the browser's). */
function reasonOf(err: unknown): Message | string {
  return messageOf(err) ?? (err instanceof Error ? err.message : String(err));
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
        setState({ kind: 'errors', file: '', errors: [{ path: '', message: /*i18n*/ { id: 'import.failed.notStored', values: { reason: reasonOf(err) } } }] });
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
        const found = reasonOf(err);
        const reason = typeof found === 'string' ? found.slice(0, 200) : found;
        setState({ kind: 'errors', file: file.name, errors: [{ path: '', message: /*i18n*/ { id: 'import.failed.unexpected', values: { reason } } }] });
      }
    },
    [finish],
  );

  return { state, setState, importFile, finish };
}

// Marks where an element goes in a translated sentence, so the sentence keeps its word order in
// every language and the element (a file name, a title) keeps its own direction.
const SLOT = '\uE000';

function withSlot(text: string, node: ReactNode): ReactNode {
  const at = text.indexOf(SLOT);
  if (at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      {node}
      {text.slice(at + SLOT.length)}
    </>
  );
}

/** The items as the language lists them ("A, B" in English, "A، B" in Persian), each its own element. */
function listed(locale: string, items: readonly ReactNode[]): ReactNode {
  const parts = new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).formatToParts(items.map((_, i) => String(i)));
  return parts.map((part, i) => <Fragment key={i}>{part.type === 'element' ? items[Number(part.value)] : part.value}</Fragment>);
}

function ConflictItem({ conflict: c, mixed }: { conflict: ImportConflict; mixed: boolean }) {
  const i18n = useI18n();
  const name = (title: string) => (title || c.kind !== 'persona' ? title : i18n._('import.conflict.unnamedPersona'));
  return (
    <>
      {/* The library's name for it: that is what Replace replaces. */}
      <bdi dir="auto">{name(c.storedTitle ?? c.title)}</bdi>
      {mixed && ` ${c.kind === 'map' ? i18n._('import.conflict.kind.map') : i18n._('import.conflict.kind.persona')}`}
      {c.storedTitle !== undefined && c.storedTitle !== c.title && (
        <> {withSlot(i18n._('import.conflict.fileCallsIt', { title: SLOT }), <bdi dir="auto">{name(c.title)}</bdi>)}</>
      )}
    </>
  );
}

function ImportStatus({ state, onChoose, onClose }: { state: State; onChoose: (c: ConflictChoice) => void; onClose: () => void }) {
  const i18n = useI18n();
  if (state.kind === 'busy') return <p role="status">{i18n._('import.busy')}</p>;
  if (state.kind === 'done') return <p role="status">{say(i18n, state.message)}</p>;
  if (state.kind === 'errors') {
    return (
      <div role="alert" className="jb-import-errors">
        <p>
          {state.file
            ? withSlot(i18n._('import.errors.file', { file: SLOT }), <bdi dir="auto">{state.file}</bdi>)
            : i18n._('import.errors.failed')}
        </p>
        <ul>
          {formatImportErrors(i18n, state.errors).map((line, i) => (
            <li key={i} dir="auto">
              {line}
            </li>
          ))}
        </ul>
        <button type="button" onClick={onClose}>
          {i18n._('import.close')}
        </button>
      </div>
    );
  }
  if (state.kind === 'conflict') {
    const { conflicts } = state.plan;
    const { label, question } = conflictQuestion(conflicts);
    const mixed = new Set(conflicts.map((c) => c.kind)).size > 1;
    const items = conflicts.map((c) => <ConflictItem key={`${c.kind}:${c.id}`} conflict={c} mixed={mixed} />);
    return (
      <div role="dialog" aria-label={say(i18n, label)} className="jb-import-conflict">
        <p>{withSlot(i18n._('import.conflict.already', { items: SLOT, question: say(i18n, question) }), listed(i18n.locale, items))}</p>
        <button type="button" onClick={() => onChoose('replace')}>
          {i18n._('import.conflict.replace')}
        </button>
        <button type="button" onClick={() => onChoose('keep-both')}>
          {i18n._('import.conflict.keepBoth')}
        </button>
        <button type="button" onClick={onClose}>
          {i18n._('import.cancel')}
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
  const i18n = useI18n();
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
        {i18n._('import.button')}
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
