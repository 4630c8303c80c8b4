/**
 * What the audience sees: the title slide, a stage slide, the whole map, and the emotion curve.
 * Texts are data (React escapes them); every text element has dir="auto" and the slide takes
 * the map's direction, so a Persian map reads from right to left. Sizes come from the slide's
 * own box (container units, present.css); useFitText shrinks a crowded slide until it fits and
 * grows a sparse one to fill its box. Our words come from the nearest I18nProvider: the map's language.
 */
import { memo, type CSSProperties } from 'react';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import { channelById, type ChannelId } from '../model/channels';
import { avatarColor, initials } from '../model/personaOps';
import type { Card, JourneyMap, Persona } from '../model/schema';
import {
  cardHeadline,
  describeCurve,
  columnCentres,
  describeScore,
  onPreferredChannel,
  personaName,
  personaPathName,
  stageCards,
  visibleCardIds,
  type CurvePoint,
  type Focus,
  type Slide,
} from './slides';
import { KPI_METRIC_SHORT_LABEL_IDS, kpiStatusMark, PRIORITY_LABEL_IDS, SEVERITY_LABEL_IDS, STATUS_LABEL_IDS } from '../editor/labels';
import { useFitText } from './useFitText';
import { cardsByCell, cellKey } from '../model/cells';
import { fillSlots, slot, withUnit } from '../export/cardMeta';
import { kpiStatus } from '../model/kpi';
import { Quote } from '../personas/Quote';

/** The badge of a pain or channel focus; a persona's path is said by the persona strip instead. */
const FOCUS_NAME = (i18n: I18n, focus: Focus, map: JourneyMap): string | null => {
  if (focus.kind === 'pain') return i18n._('present.focus.pain');
  if (focus.kind === 'channel') return i18n._('present.focus.channel', { channel: channelName(focus.channel, map) });
  return null;
};

const channelName = (id: ChannelId, map: JourneyMap) => channelById(map.channels, id)?.name ?? id;

/** What an empty stage says: nothing at all yet, or nothing under the focus (names keep their case). */
function emptyMessage(i18n: I18n, focus: Focus, map: JourneyMap, persona: Persona | undefined): string {
  if (focus.kind === 'pain') return i18n._('present.empty.pain');
  if (focus.kind === 'channel') return i18n._('present.empty.channel', { channel: channelName(focus.channel, map) });
  if (focus.kind === 'persona') {
    return persona ? i18n._('present.empty.persona', { path: personaPathName(i18n, persona) }) : i18n._('present.empty.unknownPersona');
  }
  return i18n._('present.empty.none');
}

export function PersonaAvatar({ persona, url, className }: { persona: Persona; url?: string; className?: string }) {
  const cls = `jbpres-avatar${className ? ` ${className}` : ''}`;
  // The name is written next to it, so the photo is decorative (alt="").
  if (url) return <img className={cls} src={url} alt="" />;
  return (
    <span className={`${cls} jbpres-avatar-initials`} style={{ backgroundColor: avatarColor(persona.id) }} aria-hidden="true" dir="auto">
      {initials(persona.name)}
    </span>
  );
}

function CardMeta({ card, map }: { card: Card; map: JourneyMap }) {
  const i18n = useI18n();
  switch (card.kind) {
    case 'touchpoint': {
      const channel = card.channel ? channelById(map.channels, card.channel) : undefined;
      if (!channel && !card.owner) return null;
      return (
        <p className="jbpres-meta" dir="auto">
          {channel?.name}
          {channel && card.owner && ' · '}
          {card.owner && <bdi dir="auto">{card.owner}</bdi>}
        </p>
      );
    }
    case 'emotion':
      return card.text.trim() ? (
        <p className="jbpres-meta" dir="auto">
          {describeScore(i18n, card.score)}
        </p>
      ) : null;
    case 'pain': {
      const at = card.touchpointId ? map.cards.find((c) => c.id === card.touchpointId) : undefined;
      const severity = i18n._(SEVERITY_LABEL_IDS[card.severity]);
      return (
        <p className="jbpres-meta" dir="auto">
          {at?.text.trim()
            ? fillSlots(i18n._('present.meta.severityAt', { severity, touchpoint: slot(0) }), [
                <bdi key="at" dir="auto">
                  {at.text}
                </bdi>,
              ])
            : i18n._('present.meta.severity', { severity })}
        </p>
      );
    }
    case 'opportunity':
      return (
        <p className="jbpres-meta" dir="auto">
          {i18n._('present.meta.opportunity', {
            status: i18n._(STATUS_LABEL_IDS[card.status]),
            priority: i18n._(PRIORITY_LABEL_IDS[card.priority]).toLocaleLowerCase(i18n.locale),
          })}
          {card.owner && (
            <>
              {' · '}
              <bdi dir="auto">{card.owner}</bdi>
            </>
          )}
        </p>
      );
    case 'kpi': {
      // Each value with its unit is an isolate: on an RTL map "30 ساعت" must not swap places with "target".
      const figures = [
        <bdi key="value" dir="auto">
          {withUnit(i18n, card.value, card.unit)}
        </bdi>,
        <bdi key="target" dir="auto">
          {withUnit(i18n, card.target, card.unit)}
        </bdi>,
      ];
      const line = card.text.trim()
        ? i18n._('present.meta.kpiWithMetric', { metric: i18n._(KPI_METRIC_SHORT_LABEL_IDS[card.metric]), value: slot(0), target: slot(1) })
        : i18n._('present.meta.kpi', { value: slot(0), target: slot(1) });
      return (
        <p className="jbpres-meta" dir="auto">
          {fillSlots(line, figures)}
          {kpiStatus(card) !== 'none' && <span className={`jbpres-kpi-${kpiStatus(card)}`}> · {kpiStatusMark(i18n, kpiStatus(card))}</span>}
        </p>
      );
    }
    default:
      return null;
  }
}

function CardItem({ card, map, persona }: { card: Card; map: JourneyMap; persona?: Persona }) {
  const i18n = useI18n();
  const preferred = onPreferredChannel(card, persona);
  const severity = card.kind === 'pain' ? ` jbpres-severity-${card.severity}` : '';
  const score = card.kind === 'emotion' ? card.score : undefined;
  return (
    <li className={`jbpres-card jbpres-card-${card.kind}${severity}`} data-score={score} data-testid="present-card">
      <p dir="auto" className="jbpres-card-text">
        {cardHeadline(i18n, card)}
      </p>
      <CardMeta card={card} map={map} />
      {preferred && persona && (
        <p className="jbpres-meta jbpres-preferred" dir="auto">
          {fillSlots(i18n._('present.preferredChannel', { name: slot(0) }), [
            <bdi key="name" dir="auto">
              {persona.name}
            </bdi>,
          ])}
        </p>
      )}
    </li>
  );
}

/** "Kevin Smith’s path", the name isolated so a Persian or Thai name keeps its own direction. */
function PathName({ persona }: { persona: Persona }) {
  const i18n = useI18n();
  return (
    <>
      {fillSlots(i18n._('present.persona.path', { name: slot(0) }), [
        <bdi key="name" dir="auto">
          {personaName(i18n, persona)}
        </bdi>,
      ])}
    </>
  );
}

/** Whose path the slide shows, on every stage slide when the persona focus is on. */
function PersonaStrip({ persona, url }: { persona: Persona; url?: string }) {
  return (
    <div className="jbpres-persona-strip">
      <PersonaAvatar persona={persona} url={url} />
      <div>
        <p className="jbpres-persona-name">
          <PathName persona={persona} />
        </p>
        {persona.quote && (
          <Quote text={persona.quote} className="jbpres-persona-quote" />
        )}
      </div>
    </div>
  );
}

/**
 * The emotion curve, one point per stage. The points sit at `centres` (fractions of the width from
 * the reading start: under the whole map's columns) or, by default, evenly across the slide. The
 * line is an SVG stretched to the strip (its stroke does not stretch); the points and numbers are
 * HTML placed from the inline start, so they stay round and mirror with the reading direction.
 */
export const EmotionCurve = memo(function EmotionCurve({
  curve,
  upTo,
  direction,
  centres,
}: {
  curve: readonly CurvePoint[];
  /** Index of the last stage drawn; later stages are empty slots, so the room sees how far along it is. */
  upTo: number;
  direction: JourneyMap['direction'];
  centres?: readonly number[];
}) {
  const i18n = useI18n();
  if (curve.every((p) => p.score === null)) return null;
  const along = (i: number) => centres?.[i] ?? (i + 0.5) / curve.length;
  /** The SVG's x (0..100, from the left), for the line: the SVG itself is not mirrored. */
  const svgX = (i: number) => 100 * (direction === 'rtl' ? 1 - along(i) : along(i));
  /** 0..100 from the top of the plot: +2 near the top, -2 near the foot. */
  const y = (score: number) => 50 - (score / 2) * 42;
  const at = (i: number, top: number): CSSProperties => ({ insetInlineStart: `${along(i) * 100}%`, top: `${top}%` });
  // The line joins consecutive known points; a stage without a score is skipped, not drawn as 0.
  const points = curve
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.i <= upTo && p.score !== null)
    .map((p) => `${svgX(p.i)},${y(p.score ?? 0)}`)
    .join(' ');
  return (
    <figure className="jbpres-curve" role="img" aria-label={describeCurve(i18n, curve, upTo)}>
      <div className="jbpres-curve-plot" aria-hidden="true">
        <svg viewBox="0 0 100 100" preserveAspectRatio="none" focusable="false">
          <line x1={0} x2={100} y1={50} y2={50} className="jbpres-curve-zero" />
          <polyline points={points} className="jbpres-curve-line" />
        </svg>
        {curve.map((p, i) => {
          const future = i > upTo;
          if (future) return <span key={p.stageId} className="jbpres-curve-point jbpres-curve-future" style={at(i, 50)} data-stage={i + 1} />;
          if (p.score === null) return null;
          return <span key={p.stageId} className={`jbpres-curve-point ${i === upTo ? 'jbpres-curve-now' : 'jbpres-curve-dot'}`} style={at(i, y(p.score))} data-stage={i + 1} />;
        })}
      </div>
      <div className="jbpres-curve-labels" aria-hidden="true">
        {curve.map((p, i) => (
          <span key={p.stageId} className={i === upTo ? 'jbpres-curve-label-now' : 'jbpres-curve-label'} style={{ insetInlineStart: `${along(i) * 100}%` }} data-stage={i + 1}>
            {i18n.number(i + 1)}
          </span>
        ))}
      </div>
    </figure>
  );
});

export interface SlideViewProps {
  map: JourneyMap;
  slide: Slide;
  focus: Focus;
  curve: readonly CurvePoint[];
  /** The personas the map links, in the map's order. */
  personas: readonly Persona[];
  avatarUrls: Record<string, string>;
}

function TitleSlide({ map, personas, avatarUrls, persona }: Omit<SlideViewProps, 'slide' | 'focus' | 'curve'> & { persona?: Persona }) {
  const i18n = useI18n();
  const shown = persona ? [persona] : personas;
  const fit = useFitText(`title|${persona?.id ?? ''}`, 0.35, 1.4);
  return (
    <div className="jbpres-title-slide jbpres-fit" ref={fit}>
      <p className="jbpres-kicker">{i18n._('present.title.kicker')}</p>
      <h1 dir="auto" className="jbpres-map-title">
        {map.title}
      </h1>
      {map.description && (
        <p dir="auto" className="jbpres-description">
          {map.description}
        </p>
      )}
      {shown.length > 0 && (
        <ul className="jbpres-personas" aria-label={persona ? i18n._('present.title.persona') : i18n._('present.title.personas')}>
          {shown.map((p) => (
            <li key={p.id} className="jbpres-persona">
              <PersonaAvatar persona={p} url={p.avatarImageId ? avatarUrls[p.avatarImageId] : undefined} className="jbpres-avatar-large" />
              <div>
                <p dir="auto" className="jbpres-persona-name">
                  {p.name}
                </p>
                {p.occupation && (
                  <p dir="auto" className="jbpres-muted">
                    {p.occupation}
                  </p>
                )}
                {p.quote && (
                  <Quote text={p.quote} className="jbpres-persona-quote" />
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {map.stages.length > 0 && (
        <ol className="jbpres-agenda" aria-label={i18n._('present.title.stages')}>
          {map.stages.map((s) => (
            <li key={s.id} dir="auto">
              {s.name}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function StageSlide({ map, slide, focus, curve, persona, avatarUrls }: SlideViewProps & { slide: Extract<Slide, { kind: 'stage' }>; persona?: Persona }) {
  const i18n = useI18n();
  const stage = map.stages[slide.stageIndex];
  const lanes = stage ? stageCards(map, stage.id, focus) : [];
  const fit = useFitText(`${slide.stageId}|${JSON.stringify(focus)}|${lanes.length}`, 0.35, 1.8);
  if (!stage) return null;
  const loop = stage.loopsTo ? map.stages.find((s) => s.id === stage.loopsTo) : undefined;
  const focusName = FOCUS_NAME(i18n, focus, map);
  return (
    <div className="jbpres-stage-slide" style={stage.color ? { borderBlockStartColor: stage.color } : undefined}>
      {/* The heading shrinks with a crowded stage, but less than the cards (present.css). */}
      <div className="jbpres-fit" ref={fit}>
      <header className="jbpres-stage-head">
        <p className="jbpres-kicker">
          {i18n._('present.stage.position', { number: i18n.number(slide.stageIndex + 1), count: i18n.number(map.stages.length) })}
          {focusName && <span className="jbpres-focus-badge"> · {focusName}</span>}
        </p>
        <h1 dir="auto" className="jbpres-stage-name">
          {stage.name}
        </h1>
        {stage.description && (
          <p dir="auto" className="jbpres-stage-description">
            {stage.description}
          </p>
        )}
        {loop && (
          <p className="jbpres-loop">
            {fillSlots(i18n._('present.stage.loopsTo', { stage: slot(0) }), [
              <bdi key="stage" dir="auto">
                {loop.name}
              </bdi>,
            ])}
          </p>
        )}
        {persona && <PersonaStrip persona={persona} url={persona.avatarImageId ? avatarUrls[persona.avatarImageId] : undefined} />}
      </header>
        {lanes.length === 0 ? (
          <p className="jbpres-empty" dir="auto">
            {emptyMessage(i18n, focus, map, persona)}
          </p>
        ) : (
          <div className="jbpres-lanes" data-lanes={lanes.length}>
            {lanes.map(({ lane, cards }) => (
              <section
                key={lane.id}
                className={`jbpres-lane jbpres-lane-${lane.kind}`}
                aria-label={lane.title.trim() || i18n._('present.lane')}
                // A lane with many cards gets room for up to four columns of them (present.css).
                style={{ '--span': Math.min(cards.length, 4) } as CSSProperties}
              >
                <h2 dir="auto" className="jbpres-lane-title">
                  {lane.title}
                </h2>
                <ul className="jbpres-cards">
                  {cards.map((card) => (
                    <CardItem key={card.id} card={card} map={map} persona={persona} />
                  ))}
                </ul>
              </section>
            ))}
          </div>
        )}
      </div>
      <EmotionCurve curve={curve} upTo={slide.stageIndex} direction={map.direction} />
    </div>
  );
}

function OverviewSlide({ map, focus, curve, persona }: SlideViewProps & { persona?: Persona }) {
  const i18n = useI18n();
  const visible = visibleCardIds(map, focus);
  const lanes = map.lanes.filter((l) => map.cards.some((c) => c.laneId === l.id && visible.has(c.id)));
  const fit = useFitText(`overview|${JSON.stringify(focus)}`, 0.2, 1.5);
  const focusName = FOCUS_NAME(i18n, focus, map);
  const cells = cardsByCell(map.cards.filter((c) => visible.has(c.id)));
  // A stage whose fullest cell is crowded gets several columns of cards and a wider share of the
  // width, so the map fits by growing sideways instead of one column running off the slide.
  const columns = map.stages.map((s) => {
    const fullest = Math.max(0, ...lanes.map((l) => cells.get(cellKey(s.id, l.id))?.length ?? 0));
    return Math.min(4, Math.max(1, Math.ceil(Math.sqrt(fullest / 2))));
  });
  const units = columns.reduce((a, b) => a + b, 0) || 1;
  const laneHeaderPct = 9;
  const centres = columnCentres(columns, laneHeaderPct);
  return (
    <div className="jbpres-overview-slide">
      <header className="jbpres-overview-head">
        <h1 className="jbpres-overview-title">
          <bdi dir="auto">{map.title}</bdi>
        </h1>
        <p className="jbpres-kicker">
          {i18n._('present.overview.kicker', { count: map.stages.length })}
          {focusName && ` · ${focusName}`}
          {persona && (
            <>
              {' · '}
              <PathName persona={persona} />
            </>
          )}
        </p>
      </header>
      <div className="jbpres-fit" ref={fit}>
        <table className="jbpres-overview" dir={map.direction}>
          <colgroup>
            <col style={{ inlineSize: `${laneHeaderPct}%` }} />
            {map.stages.map((s, i) => (
              <col key={s.id} style={{ inlineSize: `${((100 - laneHeaderPct) * (columns[i] ?? 1)) / units}%` }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="jbpres-corner">
                <span className="jbpres-visually-hidden">{i18n._('present.lane')}</span>
              </th>
              {map.stages.map((s, i) => (
                <th key={s.id} scope="col">
                  {/* The stage's bar is on an inner box: the cells touch (no border spacing across), so the columns are exactly their percentages. */}
                  <div className="jbpres-overview-stage" style={s.color ? { borderBlockStartColor: s.color } : undefined}>
                    <span className="jbpres-stage-number">{i18n.number(i + 1)}</span> <bdi dir="auto">{s.name}</bdi>
                  </div>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {lanes.map((lane) => (
              <tr key={lane.id} className={`jbpres-lane-${lane.kind}`}>
                <th scope="row" dir="auto">
                  {lane.title}
                </th>
                {map.stages.map((s, i) => (
                  <td key={s.id}>
                    <ul className="jbpres-cards" style={{ '--cols': columns[i] ?? 1 } as CSSProperties}>
                      {(cells.get(cellKey(s.id, lane.id)) ?? []).map((card) => (
                        <CardItem key={card.id} card={card} map={map} persona={persona} />
                      ))}
                    </ul>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EmotionCurve curve={curve} upTo={map.stages.length - 1} direction={map.direction} centres={centres} />
    </div>
  );
}

/** One slide's content, without the region around it (Presentation names the region). */
export function SlideView(props: SlideViewProps) {
  const { slide, focus, personas, map } = props;
  const persona = focus.kind === 'persona' ? personas.find((p) => p.id === focus.personaId) : undefined;
  if (slide.kind === 'title') return <TitleSlide map={map} personas={personas} avatarUrls={props.avatarUrls} persona={persona} />;
  if (slide.kind === 'stage') return <StageSlide {...props} slide={slide} persona={persona} />;
  return <OverviewSlide {...props} persona={persona} />;
}
