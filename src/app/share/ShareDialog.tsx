/**
 * "Share": a modal dialog (native <dialog>, as the template picker) that puts the map on the
 * team's sync server, then holds its two links, edit and view-only, and issues new ones (the
 * old ones stop working). Loaded when first opened.
 */
import { useId, useState, type FormEvent } from 'react';
import { useEditorApi } from '../../editor/context';
import { useI18n } from '../../i18n/react';
import { sharing, type ShareRecord } from '../../storage';
import { joinHref, newLinkSecrets, serverAddress } from '../../sync/links';
import { shareMap, type ShareProblem, type SharedMapSession } from '../../sync/sharedMap';
import { rememberMe, rememberServer, rememberedMe, rememberedServer } from '../../sync/settings';
import { MAX_NAME } from '../../sync/presence';
import { useModal } from '../useModal';
import { problemText } from './problems';

export interface ShareDialogProps {
  record: ShareRecord | null;
  session: SharedMapSession | null;
  onShared(session: SharedMapSession): void;
  onUpdated(record: ShareRecord): void;
  onClose(): void;
}

export default function ShareDialog({ record, session, onShared, onUpdated, onClose }: ShareDialogProps) {
  const i18n = useI18n();
  const { ref, close } = useModal(onClose);
  const titleId = useId();
  return (
    <dialog ref={ref} className="jb-share" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>{i18n._('share.title')}</h2>
      {record ? <Links record={record} session={session} onUpdated={onUpdated} /> : <ShareForm onShared={onShared} />}
      <div className="dialog-actions">
        <button type="button" onClick={close}>
          {i18n._('share.close')}
        </button>
      </div>
    </dialog>
  );
}

/** The name colleagues see with this device's pointer and selection: set once, for every shared map. */
function MyName({ session }: { session: SharedMapSession | null }) {
  const i18n = useI18n();
  const [me, setMe] = useState(rememberedMe);
  const id = useId();
  const change = (name: string) => {
    const next = { ...me, name: name.slice(0, MAX_NAME) };
    setMe(next);
    rememberMe(next);
    session?.connection.provider.awareness?.setLocalStateField('user', next);
  };
  return (
    <div className="jb-share__me">
      <label htmlFor={id}>{i18n._('share.name.label')}</label>
      <input id={id} dir="auto" value={me.name} maxLength={MAX_NAME} onChange={(e) => change(e.target.value)} autoComplete="name" />
    </div>
  );
}

function ShareForm({ onShared }: { onShared(session: SharedMapSession): void }) {
  const i18n = useI18n();
  const api = useEditorApi();
  const [server, setServer] = useState(rememberedServer);
  const [teamKey, setTeamKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const serverId = useId();
  const keyId = useId();
  const hintId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const address = serverAddress(server);
    if (!address) {
      setProblem(i18n._('share.invalidServer'));
      return;
    }
    rememberServer(address);
    setBusy(true);
    setProblem(null);
    const outcome = await shareMap(api.getState().doc, address, teamKey, sharing());
    setBusy(false);
    if (outcome.ok) onShared(outcome.session);
    else setProblem(problemText(i18n, outcome.problem, address));
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <p>{i18n._('share.intro')}</p>
      <label htmlFor={serverId}>{i18n._('share.server.label')}</label>
      <input id={serverId} dir="ltr" value={server} onChange={(e) => setServer(e.target.value)} aria-describedby={hintId} spellCheck={false} />
      <p id={hintId} className="hint">
        {i18n._('share.server.hint')}
      </p>
      <label htmlFor={keyId}>{i18n._('share.teamKey.label')}</label>
      <input id={keyId} type="password" dir="auto" value={teamKey} onChange={(e) => setTeamKey(e.target.value)} autoComplete="off" />
      <MyName session={null} />
      {problem && (
        <p className="jb-share__problem" role="alert">
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? i18n._('share.starting') : i18n._('share.start')}
      </button>
    </form>
  );
}

function Links({ record, session, onUpdated }: { record: ShareRecord; session: SharedMapSession | null; onUpdated(record: ShareRecord): void }) {
  const i18n = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const href = (secret: string) => joinHref(location.href, { server: record.server, mapId: record.mapId, secret });

  const reissue = async () => {
    if (!session) return;
    setBusy(true);
    const secrets = newLinkSecrets();
    const ok = await session.connection.reissue(secrets);
    if (ok) {
      const next: ShareRecord = { ...record, secret: secrets.editSecret, ...secrets };
      try {
        await sharing().saveShare(next);
        onUpdated(next);
        setMessage(i18n._('share.reissued'));
      } catch {
        setMessage(problemText(i18n, 'storage' satisfies ShareProblem, record.server));
      }
    } else setMessage(i18n._('share.reissueFailed'));
    setBusy(false);
  };

  return (
    <div className="jb-share__links">
      {record.role === 'view' && <p>{i18n._('share.viewerNote')}</p>}
      {record.editSecret && <LinkField label={i18n._('share.editLink')} copyLabel={i18n._('share.copy.edit')} value={href(record.editSecret)} />}
      {record.viewSecret && <LinkField label={i18n._('share.viewLink')} copyLabel={i18n._('share.copy.view')} value={href(record.viewSecret)} />}
      {record.role === 'edit' && (
        <>
          <p className="hint">{i18n._('share.linkWarning')}</p>
          <button type="button" onClick={() => void reissue()} disabled={busy || !session}>
            {i18n._('share.reissue')}
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
      <MyName session={session} />
    </div>
  );
}

function LinkField({ label, copyLabel, value }: { label: string; copyLabel: string; value: string }) {
  const i18n = useI18n();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard (permissions, an old browser): the field is selected for Ctrl+C instead.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
    }
  };
  return (
    <div className="jb-share__link">
      <label htmlFor={id}>{label}</label>
      <input id={id} dir="ltr" readOnly value={value} onFocus={(e) => e.target.select()} />
      <button type="button" onClick={() => void copy()} aria-label={copyLabel}>
        {copied ? i18n._('share.copied') : i18n._('share.copy')}
      </button>
    </div>
  );
}
