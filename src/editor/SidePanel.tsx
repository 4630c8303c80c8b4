/**
 * The side panel edits the selected item's fields. Typing in one field, from focus to
 * blur, is one undo step (commits are coalesced by field until it loses the focus);
 * selects and buttons are one step each. Ctrl/Cmd+Z in a field runs the editor's
 * undo (Editor.tsx), not the browser's.
 */
import { isLocale, LOCALE_NAMES, LOCALES } from '../i18n/locales';
import { useContext, useEffect, useId, useState, type ReactNode } from 'react';
import type { I18n } from '../i18n';
import { parseLocalizedNumber } from '../i18n/digits';
import { useI18n } from '../i18n/react';
import { CHANNEL_IDS, channelById, type ChannelId } from '../model/channels';
import {
  KPI_METRICS,
  LANE_KINDS,
  OPPORTUNITY_STATUSES,
  PRIORITIES,
  SEVERITIES,
  type Card,
  type JourneyMap,
  type LaneKind,
} from '../model/schema';
import { PersonaRepoContext } from '../personas/repo';
import { useEditor, useEditorApi } from './context';
import { EVERYONE_LABEL_ID, KPI_METRIC_LABEL_IDS, LANE_KIND_LABEL_IDS, PRIORITY_LABEL_IDS, SEVERITY_LABEL_IDS, STATUS_LABEL_IDS } from './labels';
import { scoreText } from './nodes';
import { Comments } from './Comments';

/** The labels of an opportunity's three ratings. */
const RATING_FIELD_IDS = {
  priority: /*i18n*/ 'editor.panel.priority',
  impact: /*i18n*/ 'editor.panel.impact',
  effort: /*i18n*/ 'editor.panel.effort',
} as const;

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="jb-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

/**
 * A number field that takes the digits the user's keyboard types: ASCII, Persian (۰-۹),
 * Arabic-Indic (٠-٩) or Thai (๐-๙), and "٫" as a decimal mark. A number input (type="number")
 * refuses all but ASCII, so this is a text input with a numeric keyboard. It shows the stored
 * number in the interface's digits; while the user types, the text stays as typed ("9." on the
 * way to "9.5") and every text that reads as one number `accept` takes is stored. An undo (or any
 * change from elsewhere) shows the stored value again.
 */
function NumberField({
  id,
  value,
  onValue,
  accept = () => true,
  nullable = false,
  inputMode = 'decimal',
}: {
  id: string;
  value: number | null;
  onValue(n: number | null): void;
  accept?(n: number): boolean;
  /** An empty field stores null (a KPI without a value); otherwise it stores nothing. */
  nullable?: boolean;
  inputMode?: 'decimal' | 'numeric';
}) {
  const i18n = useI18n();
  // What the user typed, and the value it stored: shown while the store still holds that value.
  const [typed, setTyped] = useState<{ text: string; value: number | null } | null>(null);
  const shown = typed && Object.is(typed.value, value) ? typed.text : formatField(i18n, value);
  const parsed = typed ? parseField(typed.text) : value;
  return (
    <input
      id={id}
      type="text"
      inputMode={inputMode}
      autoComplete="off"
      value={shown}
      aria-invalid={typed !== null && typed.text.trim() !== '' && (parsed === null || !accept(parsed)) ? true : undefined}
      onChange={(e) => {
        const text = e.target.value;
        const n = text.trim() === '' ? null : parseField(text);
        if (n === null ? text.trim() === '' && nullable : accept(n)) {
          setTyped({ text, value: n });
          if (n !== value) onValue(n);
        } else setTyped({ text, value });
      }}
      onBlur={() => setTyped(null)}
    />
  );
}

// (parseLocalizedNumber drops the direction marks Intl writes around a Persian sign.)
const parseField = parseLocalizedNumber;

function formatField(i18n: I18n, value: number | null): string {
  return value === null ? '' : i18n.number(value, { useGrouping: false, maximumFractionDigits: 20 });
}

function cardTitle(i18n: I18n, doc: JourneyMap, c: Card): string {
  const stage = doc.stages.find((s) => s.id === c.stageId)?.name ?? '';
  const text =
    c.text.trim() || (c.kind === 'touchpoint' && c.channel ? (channelById(doc.channels, c.channel)?.name ?? c.channel) : i18n._('editor.panel.emptyCard'));
  return `${text.length > 40 ? `${text.slice(0, 39)}…` : text} — ${stage}`;
}

/**
 * "Draw an arrow to": the keyboard way to connect two cards. The list of every card
 * is built only while the picker is open, so typing in a big map stays fast.
 */
function ArrowTargetPicker({ from }: { from: string }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="jb-field">
        <button type="button" onClick={() => setOpen(true)}>
          {i18n._('editor.panel.drawArrowButton')}
        </button>
      </div>
    );
  }
  return <ArrowTargetSelect from={from} onDone={() => setOpen(false)} onPick={(to) => api.getState().addConnection(from, to)} />;
}

function ArrowTargetSelect({ from, onDone, onPick }: { from: string; onDone(): void; onPick(to: string): void }) {
  const doc = useEditor((s) => s.doc);
  const i18n = useI18n();
  const targets = doc.cards.filter((c) => c.id !== from && c.kind !== 'emotion');
  return (
    <Field label={i18n._('editor.panel.drawArrowTo')}>
      {(fid) => (
        <select
          id={fid}
          autoFocus
          value=""
          onBlur={onDone}
          onKeyDown={(e) => e.key === 'Escape' && onDone()}
          onChange={(e) => {
            if (e.target.value) onPick(e.target.value);
            onDone();
          }}
        >
          <option value="">{i18n._('editor.panel.chooseCard')}</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {cardTitle(i18n, doc, t)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CardPanel({ card }: { card: Card }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const readOnly = useEditor((s) => s.readOnly);
  const doc = useEditor((s) => s.doc);
  const a = api.getState;
  const id = card.id;
  const key = (f: string) => `${id}:${f}`;
  const touchpoints = doc.cards.filter((c) => c.kind === 'touchpoint');
  const outgoing = doc.connections.filter((k) => k.from === id || k.to === id);

  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>
        {card.kind === 'emotion' ? i18n._('editor.panel.emotionPoint') : i18n._('editor.panel.cardOfKind', { kind: i18n._(LANE_KIND_LABEL_IDS[card.kind]) })}
      </legend>
      <Field label={card.kind === 'emotion' ? i18n._('editor.panel.note') : i18n._('editor.panel.text')}>
        {(fid) => (
          <textarea id={fid} dir="auto" rows={3} value={card.text} onChange={(e) => a().updateCard(id, { text: e.target.value }, key('text'))} />
        )}
      </Field>
      {card.kind === 'touchpoint' && (
        <>
          <Field label={i18n._('editor.panel.channel')}>
            {(fid) => (
              <select
                id={fid}
                value={card.channel ?? ''}
                onChange={(e) => a().updateCard(id, { channel: (e.target.value || null) as ChannelId | null })}
              >
                <option value="">{i18n._('editor.panel.noChannel')}</option>
                {CHANNEL_IDS.map((ch) => (
                  <option key={ch} value={ch}>
                    {channelById(doc.channels, ch)?.name ?? ch}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={i18n._('editor.panel.owner')}>
            {(fid) => <input id={fid} dir="auto" value={card.owner} onChange={(e) => a().updateCard(id, { owner: e.target.value }, key('owner'))} />}
          </Field>
          {card.channel && (
            <Field label={i18n._('editor.panel.responseTarget')}>
              {(fid) => (
                <NumberField
                  id={fid}
                  inputMode="numeric"
                  value={channelById(doc.channels, card.channel!)?.responseTargetMinutes ?? 0}
                  accept={(n) => Number.isInteger(n) && n >= 0}
                  onValue={(n) => {
                    if (n !== null) a().setChannelTarget(card.channel!, { responseTargetMinutes: n }, `channel:${card.channel}:responseTarget`);
                  }}
                />
              )}
            </Field>
          )}
        </>
      )}
      {card.kind === 'emotion' && (
        <Field label={i18n._('editor.panel.emotionScore')}>
          {(fid) => (
            <select id={fid} value={card.score} onChange={(e) => a().setEmotionScore(id, Number(e.target.value))}>
              {[2, 1, 0, -1, -2].map((s) => (
                <option key={s} value={s}>
                  {scoreText(i18n, s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {card.kind === 'pain' && (
        <>
          <Field label={i18n._('editor.panel.severity')}>
            {(fid) => (
              <select id={fid} value={card.severity} onChange={(e) => a().updateCard(id, { severity: e.target.value as (typeof SEVERITIES)[number] })}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {i18n._(SEVERITY_LABEL_IDS[s])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={i18n._('editor.panel.feltAt')}>
            {(fid) => (
              <select id={fid} value={card.touchpointId ?? ''} onChange={(e) => a().updateCard(id, { touchpointId: e.target.value || null })}>
                <option value="">{i18n._('editor.panel.noTouchpoint')}</option>
                {touchpoints.map((t) => (
                  <option key={t.id} value={t.id}>
                    {cardTitle(i18n, doc, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {card.kind === 'opportunity' && (
        <>
          <Field label={i18n._('editor.panel.owner')}>
            {(fid) => <input id={fid} dir="auto" value={card.owner} onChange={(e) => a().updateCard(id, { owner: e.target.value }, key('owner'))} />}
          </Field>
          <Field label={i18n._('editor.panel.status')}>
            {(fid) => (
              <select id={fid} value={card.status} onChange={(e) => a().updateCard(id, { status: e.target.value as (typeof OPPORTUNITY_STATUSES)[number] })}>
                {OPPORTUNITY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {i18n._(STATUS_LABEL_IDS[s])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['priority', 'impact', 'effort'] as const).map((f) => (
            <Field key={f} label={i18n._(RATING_FIELD_IDS[f])}>
              {(fid) => (
                <select id={fid} value={card[f]} onChange={(e) => a().updateCard(id, { [f]: e.target.value as (typeof PRIORITIES)[number] })}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {i18n._(PRIORITY_LABEL_IDS[p])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </>
      )}
      {card.kind === 'kpi' && (
        <>
          <Field label={i18n._('editor.panel.metric')}>
            {(fid) => (
              <select id={fid} value={card.metric} onChange={(e) => a().updateCard(id, { metric: e.target.value as (typeof KPI_METRICS)[number] })}>
                {KPI_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {i18n._(KPI_METRIC_LABEL_IDS[m])}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['value', 'target'] as const).map((f) => (
            <Field key={f} label={f === 'value' ? i18n._('editor.panel.value') : i18n._('editor.panel.target')}>
              {(fid) => <NumberField id={fid} nullable value={card[f] ?? null} onValue={(n) => a().updateCard(id, { [f]: n }, key(f))} />}
            </Field>
          ))}
          <Field label={i18n._('editor.panel.unit')}>
            {(fid) => <input id={fid} dir="auto" value={card.unit} onChange={(e) => a().updateCard(id, { unit: e.target.value }, key('unit'))} />}
          </Field>
        </>
      )}
      {card.kind !== 'emotion' && <ArrowTargetPicker from={id} />}
      {outgoing.length > 0 && (
        <div className="jb-field">
          <span className="jb-field__label">{i18n._('editor.panel.arrows')}</span>
          <ul className="jb-arrows">
            {outgoing.map((k) => {
              const other = doc.cards.find((c) => c.id === (k.from === id ? k.to : k.from));
              return (
                <li key={k.id}>
                  <button type="button" className="jb-linkish" onClick={() => a().select([k.id])} dir="auto">
                    {k.from === id ? '→' : '←'}{' '}
                    {k.label
                      ? i18n._('editor.panel.arrowWithLabel', { card: other ? cardTitle(i18n, doc, other) : '?', label: k.label })
                      : other
                        ? cardTitle(i18n, doc, other)
                        : '?'}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="jb-panel__actions">
        <button type="button" onClick={() => a().duplicateSelection()}>
          {i18n._('editor.panel.duplicateCard')}
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteSelection()}>
          {i18n._('editor.panel.deleteCard')}
        </button>
      </div>
    </fieldset>
  );
}

function StagePanel({ stageId }: { stageId: string }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const stages = useEditor((s) => s.doc.stages);
  const index = stages.findIndex((s) => s.id === stageId);
  const stage = stages[index];
  if (!stage) return null;
  const key = (f: string) => `${stageId}:${f}`;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>{i18n._('editor.panel.stageNumber', { number: i18n.number(index + 1) })}</legend>
      <Field label={i18n._('editor.panel.stageName')}>
        {(fid) => (
          <input
            id={fid}
            dir="auto"
            value={stage.name}
            onChange={(e) => e.target.value.trim() && a().updateStage(stageId, { name: e.target.value }, key('name'))}
          />
        )}
      </Field>
      <Field label={i18n._('editor.panel.description')}>
        {(fid) => (
          <textarea id={fid} dir="auto" rows={2} value={stage.description} onChange={(e) => a().updateStage(stageId, { description: e.target.value }, key('description'))} />
        )}
      </Field>
      <Field label={i18n._('editor.panel.colour')}>
        {(fid) => (
          <span className="jb-row">
            <input id={fid} type="color" value={stage.color ?? '#1f3a5f'} onChange={(e) => a().updateStage(stageId, { color: e.target.value }, key('color'))} />
            {stage.color && (
              <button type="button" onClick={() => a().updateStage(stageId, { color: null })}>
                {i18n._('editor.panel.noColour')}
              </button>
            )}
          </span>
        )}
      </Field>
      <Field label={i18n._('editor.panel.loopsBackTo')}>
        {(fid) => (
          <select id={fid} value={stage.loopsTo ?? ''} onChange={(e) => a().updateStage(stageId, { loopsTo: e.target.value || null })}>
            <option value="">{i18n._('editor.panel.noLoop')}</option>
            {stages.slice(0, index).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={i18n._('editor.panel.speakerNotes')}>
        {(fid) => <textarea id={fid} dir="auto" rows={3} value={stage.notes} onChange={(e) => a().updateStage(stageId, { notes: e.target.value }, key('notes'))} />}
      </Field>
      <div className="jb-panel__actions">
        <button type="button" disabled={index === 0} onClick={() => a().moveStage(stageId, index - 1)}>
          {i18n._('editor.panel.moveStageEarlier')}
        </button>
        <button type="button" disabled={index === stages.length - 1} onClick={() => a().moveStage(stageId, index + 1)}>
          {i18n._('editor.panel.moveStageLater')}
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteStage(stageId)}>
          {i18n._('editor.panel.deleteStage')}
        </button>
      </div>
    </fieldset>
  );
}

function LanePanel({ laneId }: { laneId: string }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const lanes = useEditor((s) => s.doc.lanes);
  const hasCards = useEditor((s) => s.doc.cards.some((c) => c.laneId === laneId));
  const index = lanes.findIndex((l) => l.id === laneId);
  const lane = lanes[index];
  if (!lane) return null;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>{i18n._('editor.panel.laneNumber', { number: i18n.number(index + 1) })}</legend>
      <Field label={i18n._('editor.panel.laneTitle')}>
        {(fid) => (
          <input id={fid} dir="auto" value={lane.title} onChange={(e) => e.target.value.trim() && a().renameLane(laneId, e.target.value, `${laneId}:title`)} />
        )}
      </Field>
      <Field label={i18n._('editor.panel.laneKind')}>
        {(fid) => (
          <select id={fid} value={lane.kind} disabled={hasCards} onChange={(e) => a().setLaneKind(laneId, e.target.value as LaneKind)}>
            {LANE_KINDS.map((k) => (
              <option key={k} value={k}>
                {i18n._(LANE_KIND_LABEL_IDS[k])}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hasCards && <p className="jb-hint">{i18n._('editor.panel.laneKindHint')}</p>}
      <div className="jb-panel__actions">
        <button type="button" disabled={index === 0} onClick={() => a().moveLane(laneId, index - 1)}>
          {i18n._('editor.panel.moveLaneUp')}
        </button>
        <button type="button" disabled={index === lanes.length - 1} onClick={() => a().moveLane(laneId, index + 1)}>
          {i18n._('editor.panel.moveLaneDown')}
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteLane(laneId)}>
          {i18n._('editor.panel.deleteLane')}
        </button>
      </div>
    </fieldset>
  );
}

/**
 * Persona names by id, from the persona library when the app provides one (the editor alone, in
 * tests or a bare page, has none: the ids then show as unnamed). Watched only while an arrow is
 * selected, so typing on cards never waits on the library.
 */
function usePersonaNames(): ReadonlyMap<string, string> | null {
  const repo = useContext(PersonaRepoContext);
  const [names, setNames] = useState<ReadonlyMap<string, string> | null>(null);
  useEffect(() => {
    if (!repo) return;
    // '' for a persona without a name: the panel words it.
    return repo.watch(
      (library) => setNames(new Map(library.personas.map((p) => [p.id, p.name.trim()]))),
      () => setNames(new Map()),
    );
  }, [repo]);
  return names;
}

function ConnectionPanel({ id }: { id: string }) {
  const api = useEditorApi();
  const i18n = useI18n();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const conn = useEditor((s) => s.doc.connections.find((k) => k.id === id));
  const personaIds = useEditor((s) => s.doc.personaIds);
  const names = usePersonaNames();
  if (!conn) return null;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>{i18n._('editor.panel.arrow')}</legend>
      <Field label={i18n._('editor.panel.arrowLabel')}>
        {(fid) => <input id={fid} dir="auto" value={conn.label} onChange={(e) => a().updateConnectionLabel(id, e.target.value, `${id}:label`)} />}
      </Field>
      {/* Whose path the arrow is: presentation's persona focus shows the cards on that path. */}
      <Field label={i18n._('editor.panel.whosePath')}>
        {(fid) => (
          <>
            <select
              id={fid}
              value={conn.personaId ?? ''}
              disabled={personaIds.length === 0}
              aria-describedby={personaIds.length === 0 ? `${fid}-hint` : undefined}
              onChange={(e) => a().setConnectionPersona(id, e.target.value || null)}
            >
              <option value="">{i18n._(EVERYONE_LABEL_ID)}</option>
              {personaIds.map((pid) => {
                const name = names?.get(pid);
                return (
                  <option key={pid} value={pid}>
                    {name === undefined
                      ? names
                        ? i18n._('editor.panel.personaNotInLibrary')
                        : i18n._('editor.panel.persona')
                      : name || i18n._('editor.panel.unnamedPersona')}
                  </option>
                );
              })}
            </select>
            {personaIds.length === 0 && (
              <p id={`${fid}-hint`} className="jb-hint">
                {i18n._('editor.panel.whosePathHint')}
              </p>
            )}
          </>
        )}
      </Field>
      <div className="jb-panel__actions">
        <button type="button" className="jb-danger" onClick={() => a().deleteConnection(id)}>
          {i18n._('editor.panel.deleteArrow')}
        </button>
      </div>
    </fieldset>
  );
}

function MapPanel() {
  const api = useEditorApi();
  const i18n = useI18n();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const title = useEditor((s) => s.doc.title);
  const description = useEditor((s) => s.doc.description);
  const direction = useEditor((s) => s.doc.direction);
  const language = useEditor((s) => s.doc.language);
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>{i18n._('editor.panel.map')}</legend>
      <Field label={i18n._('editor.panel.mapTitle')}>
        {(fid) => <input id={fid} dir="auto" value={title} onChange={(e) => e.target.value.trim() && a().updateMapMeta({ title: e.target.value }, 'map:title')} />}
      </Field>
      <Field label={i18n._('editor.panel.mapDescription')}>
        {(fid) => (
          <textarea id={fid} dir="auto" rows={3} value={description} onChange={(e) => a().updateMapMeta({ description: e.target.value }, 'map:description')} />
        )}
      </Field>
      <Field label={i18n._('editor.panel.direction')}>
        {(fid) => (
          <select id={fid} value={direction} onChange={(e) => a().setDirection(e.target.value as 'ltr' | 'rtl')}>
            <option value="ltr">{i18n._('editor.panel.direction.ltr')}</option>
            <option value="rtl">{i18n._('editor.panel.direction.rtl')}</option>
          </select>
        )}
      </Field>
      <Field label={i18n._('editor.panel.language')}>
        {(fid) => (
          <>
            <select
              id={fid}
              value={language}
              aria-describedby={`${fid}-hint`}
              onChange={(e) => isLocale(e.target.value) && a().setLanguage(e.target.value)}
            >
              {LOCALES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LOCALE_NAMES[l]}
                </option>
              ))}
            </select>
            <p id={`${fid}-hint`} className="jb-hint">
              {i18n._('editor.panel.language.hint')}
            </p>
          </>
        )}
      </Field>
      <p className="jb-hint">{i18n._('editor.panel.mapHint')}</p>
    </fieldset>
  );
}

export function SidePanel() {
  const api = useEditorApi();
  const i18n = useI18n();
  const count = useEditor((s) => s.ui.selected.size);
  const only = useEditor((s) => (s.ui.selected.size === 1 ? ([...s.ui.selected][0] ?? null) : null));
  const card = useEditor((s) => (only ? s.doc.cards.find((c) => c.id === only) : undefined));
  const kind = useEditor((s) => {
    if (!only) return null;
    if (s.doc.stages.some((x) => x.id === only)) return 'stage';
    if (s.doc.lanes.some((x) => x.id === only)) return 'lane';
    if (s.doc.connections.some((x) => x.id === only)) return 'connection';
    return null;
  });
  let body: ReactNode;
  if (count > 1) {
    body = (
      <fieldset className="jb-panel__group">
        <legend>{i18n._('editor.panel.selectedCount', { count })}</legend>
        <div className="jb-panel__actions">
          <button type="button" onClick={() => api.getState().duplicateSelection()}>
            {i18n._('editor.panel.duplicateSelected')}
          </button>
          <button type="button" className="jb-danger" onClick={() => api.getState().deleteSelection()}>
            {i18n._('editor.panel.deleteSelected')}
          </button>
        </div>
      </fieldset>
    );
  } else if (card) body = <CardPanel card={card} />;
  else if (kind === 'stage' && only) body = <StagePanel stageId={only} />;
  else if (kind === 'lane' && only) body = <LanePanel laneId={only} />;
  else if (kind === 'connection' && only) body = <ConnectionPanel id={only} />;
  else body = <MapPanel />;
  // Threads are pinned to a card, a stage or the map: what the panel shows, when it is one of those.
  const commentsOn = count > 1 ? null : card ? card.id : kind === 'stage' ? only : kind === null ? undefined : null;
  return (
    // A field's typing session (one undo step) ends when it loses the focus; typing there again is a new step.
    <aside className="jb-panel" aria-label={i18n._('editor.panel.name')} onBlur={() => api.getState().endTypingSession()}>
      {body}
      {commentsOn !== null && <Comments key={commentsOn ?? 'map'} targetId={commentsOn ?? undefined} />}
    </aside>
  );
}
