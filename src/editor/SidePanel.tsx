/**
 * The side panel edits the selected item's fields. Typing in one field, from focus to
 * blur, is one undo step (commits are coalesced by field until it loses the focus);
 * selects and buttons are one step each. Ctrl/Cmd+Z in a field runs the editor's
 * undo (Editor.tsx), not the browser's.
 */
import { useContext, useEffect, useId, useState, type ReactNode } from 'react';
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
import { EVERYONE_LABEL, KPI_METRIC_LABELS, LANE_KIND_LABELS, PRIORITY_LABELS, SEVERITY_LABELS, STATUS_LABELS } from './labels';
import { scoreText } from './nodes';

function Field({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="jb-field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function cardTitle(doc: JourneyMap, c: Card): string {
  const stage = doc.stages.find((s) => s.id === c.stageId)?.name ?? '';
  const text = c.text.trim() || (c.kind === 'touchpoint' && c.channel ? (channelById(doc.channels, c.channel)?.name ?? c.channel) : '(empty)');
  return `${text.length > 40 ? `${text.slice(0, 39)}…` : text} — ${stage}`;
}

/**
 * "Draw an arrow to": the keyboard way to connect two cards. The list of every card
 * is built only while the picker is open, so typing in a big map stays fast.
 */
function ArrowTargetPicker({ from }: { from: string }) {
  const api = useEditorApi();
  const [open, setOpen] = useState(false);
  if (!open) {
    return (
      <div className="jb-field">
        <button type="button" onClick={() => setOpen(true)}>
          Draw an arrow to…
        </button>
      </div>
    );
  }
  return <ArrowTargetSelect from={from} onDone={() => setOpen(false)} onPick={(to) => api.getState().addConnection(from, to)} />;
}

function ArrowTargetSelect({ from, onDone, onPick }: { from: string; onDone(): void; onPick(to: string): void }) {
  const doc = useEditor((s) => s.doc);
  const targets = doc.cards.filter((c) => c.id !== from && c.kind !== 'emotion');
  return (
    <Field label="Draw an arrow to">
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
          <option value="">Choose a card…</option>
          {targets.map((t) => (
            <option key={t.id} value={t.id}>
              {cardTitle(doc, t)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function CardPanel({ card }: { card: Card }) {
  const api = useEditorApi();
  const readOnly = useEditor((s) => s.readOnly);
  const doc = useEditor((s) => s.doc);
  const a = api.getState;
  const id = card.id;
  const key = (f: string) => `${id}:${f}`;
  const touchpoints = doc.cards.filter((c) => c.kind === 'touchpoint');
  const outgoing = doc.connections.filter((k) => k.from === id || k.to === id);

  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>{card.kind === 'emotion' ? 'Emotion point' : `${LANE_KIND_LABELS[card.kind]} card`}</legend>
      <Field label={card.kind === 'emotion' ? 'Note' : 'Text'}>
        {(fid) => (
          <textarea id={fid} dir="auto" rows={3} value={card.text} onChange={(e) => a().updateCard(id, { text: e.target.value }, key('text'))} />
        )}
      </Field>
      {card.kind === 'touchpoint' && (
        <>
          <Field label="Channel">
            {(fid) => (
              <select
                id={fid}
                value={card.channel ?? ''}
                onChange={(e) => a().updateCard(id, { channel: (e.target.value || null) as ChannelId | null })}
              >
                <option value="">No channel</option>
                {CHANNEL_IDS.map((ch) => (
                  <option key={ch} value={ch}>
                    {channelById(doc.channels, ch)?.name ?? ch}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Owner">
            {(fid) => <input id={fid} dir="auto" value={card.owner} onChange={(e) => a().updateCard(id, { owner: e.target.value }, key('owner'))} />}
          </Field>
          {card.channel && (
            <Field label="Response target (minutes, this map)">
              {(fid) => (
                <input
                  id={fid}
                  type="number"
                  min={0}
                  value={channelById(doc.channels, card.channel!)?.responseTargetMinutes ?? 0}
                  onChange={(e) => {
                    const n = Number(e.target.value);
                    if (e.target.value !== '' && Number.isInteger(n) && n >= 0) {
                      a().setChannelTarget(card.channel!, { responseTargetMinutes: n }, `channel:${card.channel}:responseTarget`);
                    }
                  }}
                />
              )}
            </Field>
          )}
        </>
      )}
      {card.kind === 'emotion' && (
        <Field label="Emotion score">
          {(fid) => (
            <select id={fid} value={card.score} onChange={(e) => a().setEmotionScore(id, Number(e.target.value))}>
              {[2, 1, 0, -1, -2].map((s) => (
                <option key={s} value={s}>
                  {scoreText(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {card.kind === 'pain' && (
        <>
          <Field label="Severity">
            {(fid) => (
              <select id={fid} value={card.severity} onChange={(e) => a().updateCard(id, { severity: e.target.value as (typeof SEVERITIES)[number] })}>
                {SEVERITIES.map((s) => (
                  <option key={s} value={s}>
                    {SEVERITY_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Felt at touchpoint">
            {(fid) => (
              <select id={fid} value={card.touchpointId ?? ''} onChange={(e) => a().updateCard(id, { touchpointId: e.target.value || null })}>
                <option value="">No touchpoint</option>
                {touchpoints.map((t) => (
                  <option key={t.id} value={t.id}>
                    {cardTitle(doc, t)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      )}
      {card.kind === 'opportunity' && (
        <>
          <Field label="Owner">
            {(fid) => <input id={fid} dir="auto" value={card.owner} onChange={(e) => a().updateCard(id, { owner: e.target.value }, key('owner'))} />}
          </Field>
          <Field label="Status">
            {(fid) => (
              <select id={fid} value={card.status} onChange={(e) => a().updateCard(id, { status: e.target.value as (typeof OPPORTUNITY_STATUSES)[number] })}>
                {OPPORTUNITY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['priority', 'impact', 'effort'] as const).map((f) => (
            <Field key={f} label={f[0]!.toUpperCase() + f.slice(1)}>
              {(fid) => (
                <select id={fid} value={card[f]} onChange={(e) => a().updateCard(id, { [f]: e.target.value as (typeof PRIORITIES)[number] })}>
                  {PRIORITIES.map((p) => (
                    <option key={p} value={p}>
                      {PRIORITY_LABELS[p]}
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
          <Field label="Metric">
            {(fid) => (
              <select id={fid} value={card.metric} onChange={(e) => a().updateCard(id, { metric: e.target.value as (typeof KPI_METRICS)[number] })}>
                {KPI_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {KPI_METRIC_LABELS[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {(['value', 'target'] as const).map((f) => (
            <Field key={f} label={f === 'value' ? 'Value' : 'Target'}>
              {(fid) => (
                <input
                  id={fid}
                  type="number"
                  step="any"
                  value={card[f] ?? ''}
                  onChange={(e) => {
                    const raw = e.target.value;
                    const n = raw === '' ? null : Number(raw);
                    if (n === null || Number.isFinite(n)) a().updateCard(id, { [f]: n }, key(f));
                  }}
                />
              )}
            </Field>
          ))}
          <Field label="Unit">
            {(fid) => <input id={fid} dir="auto" value={card.unit} onChange={(e) => a().updateCard(id, { unit: e.target.value }, key('unit'))} />}
          </Field>
        </>
      )}
      {card.kind !== 'emotion' && <ArrowTargetPicker from={id} />}
      {outgoing.length > 0 && (
        <div className="jb-field">
          <span className="jb-field__label">Arrows</span>
          <ul className="jb-arrows">
            {outgoing.map((k) => {
              const other = doc.cards.find((c) => c.id === (k.from === id ? k.to : k.from));
              return (
                <li key={k.id}>
                  <button type="button" className="jb-linkish" onClick={() => a().select([k.id])} dir="auto">
                    {k.from === id ? '→' : '←'} {other ? cardTitle(doc, other) : '?'}
                    {k.label ? ` (“${k.label}”)` : ''}
                  </button>
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="jb-panel__actions">
        <button type="button" onClick={() => a().duplicateSelection()}>
          Duplicate card
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteSelection()}>
          Delete card
        </button>
      </div>
    </fieldset>
  );
}

function StagePanel({ stageId }: { stageId: string }) {
  const api = useEditorApi();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const stages = useEditor((s) => s.doc.stages);
  const index = stages.findIndex((s) => s.id === stageId);
  const stage = stages[index];
  if (!stage) return null;
  const key = (f: string) => `${stageId}:${f}`;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>Stage {index + 1}</legend>
      <Field label="Stage name">
        {(fid) => (
          <input
            id={fid}
            dir="auto"
            value={stage.name}
            onChange={(e) => e.target.value.trim() && a().updateStage(stageId, { name: e.target.value }, key('name'))}
          />
        )}
      </Field>
      <Field label="Description">
        {(fid) => (
          <textarea id={fid} dir="auto" rows={2} value={stage.description} onChange={(e) => a().updateStage(stageId, { description: e.target.value }, key('description'))} />
        )}
      </Field>
      <Field label="Colour">
        {(fid) => (
          <span className="jb-row">
            <input id={fid} type="color" value={stage.color ?? '#1f3a5f'} onChange={(e) => a().updateStage(stageId, { color: e.target.value }, key('color'))} />
            {stage.color && (
              <button type="button" onClick={() => a().updateStage(stageId, { color: null })}>
                No colour
              </button>
            )}
          </span>
        )}
      </Field>
      <Field label="Loops back to">
        {(fid) => (
          <select id={fid} value={stage.loopsTo ?? ''} onChange={(e) => a().updateStage(stageId, { loopsTo: e.target.value || null })}>
            <option value="">No loop</option>
            {stages.slice(0, index).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Speaker notes">
        {(fid) => <textarea id={fid} dir="auto" rows={3} value={stage.notes} onChange={(e) => a().updateStage(stageId, { notes: e.target.value }, key('notes'))} />}
      </Field>
      <div className="jb-panel__actions">
        <button type="button" disabled={index === 0} onClick={() => a().moveStage(stageId, index - 1)}>
          Move stage earlier
        </button>
        <button type="button" disabled={index === stages.length - 1} onClick={() => a().moveStage(stageId, index + 1)}>
          Move stage later
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteStage(stageId)}>
          Delete stage
        </button>
      </div>
    </fieldset>
  );
}

function LanePanel({ laneId }: { laneId: string }) {
  const api = useEditorApi();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const lanes = useEditor((s) => s.doc.lanes);
  const hasCards = useEditor((s) => s.doc.cards.some((c) => c.laneId === laneId));
  const index = lanes.findIndex((l) => l.id === laneId);
  const lane = lanes[index];
  if (!lane) return null;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>Lane {index + 1}</legend>
      <Field label="Lane title">
        {(fid) => (
          <input id={fid} dir="auto" value={lane.title} onChange={(e) => e.target.value.trim() && a().renameLane(laneId, e.target.value, `${laneId}:title`)} />
        )}
      </Field>
      <Field label="Kind of lane">
        {(fid) => (
          <select id={fid} value={lane.kind} disabled={hasCards} onChange={(e) => a().setLaneKind(laneId, e.target.value as LaneKind)}>
            {LANE_KINDS.map((k) => (
              <option key={k} value={k}>
                {LANE_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {hasCards && <p className="jb-hint">The kind can change while the lane is empty.</p>}
      <div className="jb-panel__actions">
        <button type="button" disabled={index === 0} onClick={() => a().moveLane(laneId, index - 1)}>
          Move lane up
        </button>
        <button type="button" disabled={index === lanes.length - 1} onClick={() => a().moveLane(laneId, index + 1)}>
          Move lane down
        </button>
        <button type="button" className="jb-danger" onClick={() => a().deleteLane(laneId)}>
          Delete lane
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
    return repo.watch(
      (library) => setNames(new Map(library.personas.map((p) => [p.id, p.name.trim() || 'Unnamed persona']))),
      () => setNames(new Map()),
    );
  }, [repo]);
  return names;
}

function ConnectionPanel({ id }: { id: string }) {
  const api = useEditorApi();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const conn = useEditor((s) => s.doc.connections.find((k) => k.id === id));
  const personaIds = useEditor((s) => s.doc.personaIds);
  const names = usePersonaNames();
  if (!conn) return null;
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>Arrow</legend>
      <Field label="Arrow label">
        {(fid) => <input id={fid} dir="auto" value={conn.label} onChange={(e) => a().updateConnectionLabel(id, e.target.value, `${id}:label`)} />}
      </Field>
      {/* Whose path the arrow is: presentation's persona focus shows the cards on that path. */}
      <Field label="Whose path">
        {(fid) => (
          <>
            <select
              id={fid}
              value={conn.personaId ?? ''}
              disabled={personaIds.length === 0}
              aria-describedby={personaIds.length === 0 ? `${fid}-hint` : undefined}
              onChange={(e) => a().setConnectionPersona(id, e.target.value || null)}
            >
              <option value="">{EVERYONE_LABEL}</option>
              {personaIds.map((pid) => (
                <option key={pid} value={pid}>
                  {names?.get(pid) ?? (names ? 'Persona not in the library' : 'Persona')}
                </option>
              ))}
            </select>
            {personaIds.length === 0 && (
              <p id={`${fid}-hint`} className="jb-hint">
                Add a persona to this map to give the arrow a persona’s path.
              </p>
            )}
          </>
        )}
      </Field>
      <div className="jb-panel__actions">
        <button type="button" className="jb-danger" onClick={() => a().deleteConnection(id)}>
          Delete arrow
        </button>
      </div>
    </fieldset>
  );
}

function MapPanel() {
  const api = useEditorApi();
  const a = api.getState;
  const readOnly = useEditor((s) => s.readOnly);
  const title = useEditor((s) => s.doc.title);
  const description = useEditor((s) => s.doc.description);
  const direction = useEditor((s) => s.doc.direction);
  return (
    <fieldset className="jb-panel__group" disabled={readOnly}>
      <legend>Map</legend>
      <Field label="Map title">
        {(fid) => <input id={fid} dir="auto" value={title} onChange={(e) => e.target.value.trim() && a().updateMapMeta({ title: e.target.value }, 'map:title')} />}
      </Field>
      <Field label="Map description">
        {(fid) => (
          <textarea id={fid} dir="auto" rows={3} value={description} onChange={(e) => a().updateMapMeta({ description: e.target.value }, 'map:description')} />
        )}
      </Field>
      <Field label="Reading direction">
        {(fid) => (
          <select id={fid} value={direction} onChange={(e) => a().setDirection(e.target.value as 'ltr' | 'rtl')}>
            <option value="ltr">Left to right</option>
            <option value="rtl">Right to left</option>
          </select>
        )}
      </Field>
      <p className="jb-hint">Select a card, stage, lane or arrow to edit it here.</p>
    </fieldset>
  );
}

export function SidePanel() {
  const api = useEditorApi();
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
        <legend>{count} selected</legend>
        <div className="jb-panel__actions">
          <button type="button" onClick={() => api.getState().duplicateSelection()}>
            Duplicate selected
          </button>
          <button type="button" className="jb-danger" onClick={() => api.getState().deleteSelection()}>
            Delete selected
          </button>
        </div>
      </fieldset>
    );
  } else if (card) body = <CardPanel card={card} />;
  else if (kind === 'stage' && only) body = <StagePanel stageId={only} />;
  else if (kind === 'lane' && only) body = <LanePanel laneId={only} />;
  else if (kind === 'connection' && only) body = <ConnectionPanel id={only} />;
  else body = <MapPanel />;
  return (
    // A field's typing session (one undo step) ends when it loses the focus; typing there again is a new step.
    <aside className="jb-panel" aria-label="Details" onBlur={() => api.getState().endTypingSession()}>
      {body}
    </aside>
  );
}
