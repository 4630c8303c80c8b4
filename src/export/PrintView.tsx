/**
 * The print view: a static rendering of a map's pages (cover, persona profiles, map pages) from the
 * document and the pure print layout. It is what "Print / Save as PDF" prints and what the PNG export
 * draws. Texts are data (React escapes them); every text element has dir="auto"; the map pages take
 * the map's direction, so a Persian map runs its stages from right to left. Our own words come from
 * the nearest I18nProvider (useI18n): the map's language under PrintPage, the page's in the viewer.
 */
import { Fragment, memo, type ReactNode } from 'react';
import type { I18n } from '../i18n';
import { useI18n } from '../i18n/react';
import { kpiStatus } from '../model/kpi';
import { KPI_METRIC_LABEL_IDS, KPI_STATUS_LABEL_IDS, kpiStatusMark, LANE_KIND_LABEL_IDS } from '../editor/labels';
import { channelById } from '../model/channels';
import { LANE_KINDS, type Card, type JourneyMap, type Lane, type Persona, type Stage } from '../model/schema';
import { cardMeta, fillSlots, slot, withUnit, type MetaSpan } from './cardMeta';
import { Quote } from '../personas/Quote';
import {
  COVER,
  kpiCardsInOrder,
  laneKindNote,
  mapPageRoomMm,
  pageCss,
  pageLabel,
  wholeRows,
  type CardPiece,
  type MapRow,
  type PageSpec,
  type PrintLayout,
} from './printLayout';
import './print.css';

function formatDate(i18n: I18n, iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(d.getTime()) ? '' : i18n.date(d, { dateStyle: 'long' });
}

const META_CLASS: Partial<Record<MetaSpan['kind'], string>> = { score: 'jbp-score', owner: 'jbp-owner' };

/**
 * The meta line under a card. Our words are the map's language, the values (a channel name, an owner, "30 ساعت")
 * are the document's: each value is its own bidi isolate, so in a right-to-left map
 * "Response time: 30 ساعت · target 24 ساعت" keeps its order instead of being reshuffled by the
 * table's direction.
 */
function CardMeta({ card, map }: { card: Card; map: JourneyMap }) {
  const i18n = useI18n();
  const spans = cardMeta(i18n, card, map);
  if (spans.length === 0) return null;
  return (
    <p className="jbp-card-meta" dir="auto">
      {spans.map((span, i) => (
        <span key={i} dir="auto" className={META_CLASS[span.kind]} data-score={span.score}>
          {span.parts.map((part, j) =>
            part.value ? (
              <bdi key={j} dir="auto">
                {part.text}
              </bdi>
            ) : (
              <Fragment key={j}>{part.text}</Fragment>
            ),
          )}
        </span>
      ))}
    </p>
  );
}

function StageHeader({ stage, map }: { stage: Stage; map: JourneyMap }) {
  const i18n = useI18n();
  const loop = stage.loopsTo ? map.stages.find((s) => s.id === stage.loopsTo) : undefined;
  return (
    <th scope="col" className="jbp-stage" data-stage-id={stage.id} style={stage.color ? { borderBlockStartColor: stage.color } : undefined}>
      <span dir="auto" className="jbp-stage-name">
        {stage.name}
      </span>
      {loop && (
        <span className="jbp-loop">
          {fillSlots(i18n._('print.stage.loopsTo', { stage: slot(0) }), [
            <bdi key="stage" dir="auto">
              {loop.name}
            </bdi>,
          ])}
        </span>
      )}
      {stage.description && (
        <span dir="auto" className="jbp-stage-description">
          {stage.description}
        </span>
      )}
    </th>
  );
}

function CardItem({ card, piece, map }: { card: Card; piece: CardPiece; map: JourneyMap }) {
  const i18n = useI18n();
  const start = piece.slice?.start ?? 0;
  const end = piece.slice?.end ?? card.text.length;
  const cut = start > 0 || end < card.text.length;
  return (
    <li
      data-card-id={card.id}
      className={`jbp-card jbp-card-${card.kind}${card.kind === 'pain' ? ` jbp-severity-${card.severity}` : ''}${cut ? ' jbp-card-cut' : ''}`}
    >
      {start > 0 && <p className="jbp-card-continued">{i18n._('print.card.continued')}</p>}
      <p dir="auto" className="jbp-card-body">
        {cut ? card.text.slice(start, end) : card.text}
      </p>
      {end >= card.text.length ? <CardMeta card={card} map={map} /> : <p className="jbp-card-continued">{i18n._('print.card.continues')}</p>}
    </li>
  );
}

/**
 * One map page: the stage headers of `stageIds` and the lane rows of `rows` (each with its lane
 * header, also where a row continues from the page before). Without `rows`, every lane whole: the PNG.
 */
export const MapTable = memo(function MapTable({
  map,
  stageIds,
  rows,
  laneHeaderMm,
  stageWidthMm,
  caption,
  scale = 1,
}: {
  map: JourneyMap;
  stageIds: readonly string[];
  rows?: readonly MapRow[];
  laneHeaderMm: number;
  stageWidthMm: number;
  caption?: ReactNode;
  /** Draw the table at this zoom ("fit to one page"). CSS zoom, not a transform: the zoomed size is the size the page lays out and prints. */
  scale?: number;
}) {
  const i18n = useI18n();
  const byId = new Map(map.stages.map((s) => [s.id, s]));
  const stages = stageIds.map((id) => byId.get(id)).filter((s): s is Stage => s !== undefined);
  const lanes = new Map(map.lanes.map((l) => [l.id, l]));
  const cards = new Map(map.cards.map((c) => [c.id, c]));
  const shown = rows ?? wholeRows(map, stageIds);
  return (
    <table
      className="jbp-map"
      dir={map.direction}
      style={{ inlineSize: `${laneHeaderMm + stages.length * stageWidthMm}mm`, ...(scale !== 1 ? { zoom: scale } : {}) }}
      data-scale={scale}
    >
      {caption && <caption className="jbp-map-caption">{caption}</caption>}
      <colgroup>
        <col style={{ inlineSize: `${laneHeaderMm}mm` }} />
        {stages.map((s) => (
          <col key={s.id} style={{ inlineSize: `${stageWidthMm}mm` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col" className="jbp-corner">
            <span className="jbp-visually-hidden">{i18n._('print.map.lane')}</span>
          </th>
          {stages.map((stage) => (
            <StageHeader key={stage.id} stage={stage} map={map} />
          ))}
        </tr>
      </thead>
      <tbody>
        {shown.map((row) => {
          const lane = lanes.get(row.laneId);
          if (!lane) return null;
          const kindNote = laneKindNote(i18n, lane);
          return (
            <tr key={lane.id} className={`jbp-lane jbp-lane-${lane.kind}`}>
              <th scope="row" className="jbp-lane-header">
                <span dir="auto" className="jbp-lane-title">
                  {lane.title}
                </span>
                {kindNote && <span className="jbp-lane-kind">{kindNote}</span>}
                {row.continued && <span className="jbp-lane-kind">{i18n._('print.lane.continued')}</span>}
              </th>
              {stages.map((stage, k) => (
                <td key={stage.id}>
                  <ul className="jbp-cell">
                    {(row.cells[k] ?? []).map((piece) => {
                      const card = cards.get(piece.cardId);
                      return card ? <CardItem key={card.id} card={card} piece={piece} map={map} /> : null;
                    })}
                  </ul>
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});

function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((w) => Array.from(w)[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

function Avatar({ persona, url, size }: { persona: Persona; url?: string; size: 'small' | 'large' }) {
  if (url) return <img className={`jbp-avatar jbp-avatar-${size}`} src={url} alt="" />;
  return (
    <span className={`jbp-avatar jbp-avatar-${size} jbp-initials`} aria-hidden="true" dir="auto">
      {initials(persona.name)}
    </span>
  );
}

function ListField({ label, items }: { label: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section className="jbp-field">
      <h3>{label}</h3>
      <ul>
        {items.map((item, i) => (
          <li key={i} dir="auto">
            {item}
          </li>
        ))}
      </ul>
    </section>
  );
}

function TextField({ label, text }: { label: string; text: string }) {
  if (!text) return null;
  return (
    <section className="jbp-field">
      <h3>{label}</h3>
      <p dir="auto" className="jbp-prose">
        {text}
      </p>
    </section>
  );
}

function PersonaPage({ persona, map, avatarUrl }: { persona: Persona; map: JourneyMap; avatarUrl?: string }) {
  const i18n = useI18n();
  const facts = [
    persona.age !== null ? i18n._('print.persona.age', { age: persona.age }) : '',
    persona.occupation,
    persona.family,
    persona.location,
  ].filter(Boolean);
  const channels = persona.preferredChannels.map((id) => channelById(map.channels, id)?.name ?? id);
  return (
    <>
      <header className="jbp-persona-head">
        <Avatar persona={persona} url={avatarUrl} size="large" />
        <div>
          <p className="jbp-kicker">{i18n._('print.persona.kicker')}</p>
          <h2 dir="auto" className="jbp-persona-name">
            {persona.name}
          </h2>
          {facts.length > 0 && (
            <p className="jbp-facts">
              {facts.map((f, i) => (
                <Fragment key={i}>
                  {i > 0 && ' · '}
                  <bdi dir="auto">{f}</bdi>
                </Fragment>
              ))}
            </p>
          )}
          {persona.quote && (
            <blockquote dir="auto" className="jbp-quote">
              <Quote text={persona.quote} />
            </blockquote>
          )}
        </div>
      </header>
      <div className="jbp-persona-body">
        <TextField label={i18n._('print.persona.story')} text={persona.story} />
        <ListField label={i18n._('print.persona.goals')} items={persona.goals} />
        <ListField label={i18n._('print.persona.needs')} items={persona.needs} />
        <ListField label={i18n._('print.persona.motivations')} items={persona.motivations} />
        <ListField label={i18n._('print.persona.frustrations')} items={persona.frustrations} />
        <ListField label={i18n._('print.persona.behaviours')} items={persona.behaviours} />
        <ListField label={i18n._('print.persona.preferredChannels')} items={channels} />
        {persona.techComfort !== null && (
          <section className="jbp-field">
            <h3>{i18n._('print.persona.techComfort')}</h3>
            <p>
              {i18n._('print.persona.techComfortValue', { value: i18n.number(persona.techComfort), max: i18n.number(5) })}{' '}
              {'●'.repeat(persona.techComfort)}
              {'○'.repeat(5 - persona.techComfort)}
            </p>
          </section>
        )}
        <TextField label={i18n._('print.persona.demographics')} text={persona.demographics} />
        <TextField label={i18n._('print.persona.psychographics')} text={persona.psychographics} />
      </div>
    </>
  );
}

/** How many cards of each kind the map has, in the order of the lane kinds (kinds with none left out). */
function cardCounts(map: JourneyMap): { kind: Lane['kind']; count: number }[] {
  const counts = new Map<Lane['kind'], number>();
  for (const card of map.cards) counts.set(card.kind, (counts.get(card.kind) ?? 0) + 1);
  return LANE_KINDS.filter((k) => counts.has(k)).map((kind) => ({ kind, count: counts.get(kind)! }));
}


/**
 * The cover: the title band, a summary (stages, cards by kind), the personas (photo, name, role) and
 * the KPI scorecard, with the dates at the foot. It is as tall as the printable page (the foot sits
 * at the bottom), so it reads as a page of its own rather than a heading lost at the top of a sheet.
 */
function CoverPage({
  map,
  personas,
  date,
  avatarUrls,
  heightMm,
  spec,
}: {
  map: JourneyMap;
  personas: Persona[];
  date: Date;
  avatarUrls: Record<string, string>;
  heightMm: number;
  spec: Extract<PageSpec, { kind: 'cover' }>;
}) {
  const i18n = useI18n();
  const counts = cardCounts(map);
  const allKpis = kpiCardsInOrder(map);
  // What the layout found room for; the rest is on the persona pages and the map pages.
  const kpiIds = spec.kpiCardIds ? new Set(spec.kpiCardIds) : null;
  const kpis = kpiIds ? allKpis.filter((c) => kpiIds.has(c.id)) : allKpis;
  const personaIds = spec.personaIds ? new Set(spec.personaIds) : null;
  const listed = personaIds ? personas.filter((p) => personaIds.has(p.id)) : personas;
  const stageName = new Map(map.stages.map((s) => [s.id, s.name]));
  return (
    <div className="jbp-cover" style={{ minBlockSize: `${heightMm}mm` }}>
      <header className="jbp-cover-head">
        <p className="jbp-kicker">{i18n._('print.cover.kicker')}</p>
        <h1 dir="auto" className="jbp-title">
          {map.title}
        </h1>
        {map.description && (
          <p dir="auto" className="jbp-description jbp-prose">
            {map.description}
          </p>
        )}
      </header>
      <div className="jbp-cover-grid">
        <section className="jbp-cover-summary" aria-label={i18n._('print.cover.summary')}>
          <h2>{i18n._('print.cover.counts', { stages: map.stages.length, lanes: map.lanes.length, cards: map.cards.length })}</h2>
          <ol className="jbp-stage-list" dir={map.direction}>
            {map.stages.map((s) => (
              <li key={s.id} dir="auto">
                {s.name}
              </li>
            ))}
          </ol>
          {counts.length > 0 && (
            <dl className="jbp-card-counts">
              {counts.map(({ kind, count }) => (
                <div key={kind}>
                  <dt>{i18n._(LANE_KIND_LABEL_IDS[kind])}</dt>
                  <dd>{i18n.number(count)}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
        {listed.length > 0 && (
          <section className="jbp-cover-personas">
            <h2>{i18n._('print.cover.personas')}</h2>
            <ul>
              {listed.map((p) => (
                <li key={p.id}>
                  <Avatar persona={p} url={p.avatarImageId ? avatarUrls[p.avatarImageId] : undefined} size="small" />
                  <span>
                    <strong dir="auto">{p.name}</strong>
                    {p.occupation && (
                      <span dir="auto" className="jbp-muted">
                        {p.occupation}
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ul>
            {listed.length < personas.length && (
              <p className="jbp-muted">{i18n._('print.cover.morePersonas', { count: personas.length - listed.length })}</p>
            )}
          </section>
        )}
      </div>
      {allKpis.length > 0 && (
        <section className="jbp-scorecard">
          <h2>{i18n._('print.cover.scorecard')}</h2>
          <table>
            <colgroup>
              {COVER.scoreColumns.map((share, i) => (
                <col key={i} style={{ inlineSize: `${share * 100}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th scope="col">{i18n._('print.scorecard.kpi')}</th>
                <th scope="col">{i18n._('print.scorecard.metric')}</th>
                <th scope="col">{i18n._('print.scorecard.stage')}</th>
                <th scope="col">{i18n._('print.scorecard.value')}</th>
                <th scope="col">{i18n._('print.scorecard.target')}</th>
                <th scope="col">{i18n._('print.scorecard.status')}</th>
              </tr>
            </thead>
            <tbody>
              {kpis.map((card) => {
                const status = kpiStatus(card);
                return (
                  <tr key={card.id} data-card-id={card.id} className={`jbp-kpi-${status}`}>
                    <td dir="auto">{card.text || i18n._(KPI_METRIC_LABEL_IDS[card.metric])}</td>
                    <td>{i18n._(KPI_METRIC_LABEL_IDS[card.metric])}</td>
                    <td dir="auto">{stageName.get(card.stageId) ?? ''}</td>
                    <td>
                      <bdi dir="auto">{withUnit(i18n, card.value, card.unit)}</bdi>
                    </td>
                    <td>
                      <bdi dir="auto">{withUnit(i18n, card.target, card.unit)}</bdi>
                    </td>
                    <td className="jbp-kpi-status">{status === 'none' ? i18n._(KPI_STATUS_LABEL_IDS.none) : kpiStatusMark(i18n, status)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {kpis.length < allKpis.length && <p className="jbp-muted">{i18n._('print.cover.moreKpis', { count: allKpis.length - kpis.length })}</p>}
        </section>
      )}
      <footer className="jbp-cover-foot">
        <span>
          {fillSlots(i18n._('print.cover.printed', { date: slot(0) }), [<time key="date">{formatDate(i18n, date)}</time>])}
        </span>
        <span>
          {fillSlots(i18n._('print.cover.lastEdited', { date: slot(0) }), [<time key="date">{formatDate(i18n, map.updatedAt)}</time>])}
        </span>
      </footer>
    </div>
  );
}

export interface PrintViewProps {
  map: JourneyMap;
  /** The personas the map links (others are ignored); missing ones are skipped. */
  personas: readonly Persona[];
  layout: PrintLayout;
  /** Object or data URLs of persona photos by image id. */
  avatarUrls?: Record<string, string>;
  /** The date printed on the cover (defaults to now). */
  date?: Date;
}

/** All pages of a map, ready for window.print() or page.pdf(). */
export const PrintView = memo(function PrintView({ map, personas, layout, avatarUrls = {}, date = new Date() }: PrintViewProps) {
  const i18n = useI18n();
  const byId = new Map(personas.map((p) => [p.id, p]));
  const mapPersonas = layout.personaIds.map((id) => byId.get(id)).filter((p): p is Persona => p !== undefined);
  const sheetStyle = {
    inlineSize: `${layout.pageWidthMm}mm`,
    minBlockSize: `${layout.pageHeightMm}mm`,
    padding: `${layout.marginMm}mm`,
  };
  return (
    <div className="jbp-print" data-size={layout.options.size} data-orientation={layout.options.orientation}>
      <style>{pageCss(layout)}</style>
      {layout.pages.map((page, i) => {
        const key = page.kind === 'persona' ? `persona-${page.personaId}` : page.kind === 'map' ? `map-${page.part}` : 'cover';
        let content: ReactNode = null;
        if (page.kind === 'cover') {
          // As tall as a map page may be (the slack keeps rounding from pushing its foot onto a second sheet).
          const heightMm = mapPageRoomMm(layout);
          content = <CoverPage map={map} personas={mapPersonas} date={date} avatarUrls={avatarUrls} heightMm={heightMm} spec={page} />;
        }
        else if (page.kind === 'persona') {
          const persona = byId.get(page.personaId);
          if (persona) {
            content = (
              <PersonaPage persona={persona} map={map} avatarUrl={persona.avatarImageId ? avatarUrls[persona.avatarImageId] : undefined} />
            );
          }
        } else {
          content = (
            <MapTable
              map={map}
              stageIds={page.stageIds}
              rows={page.rows}
              laneHeaderMm={layout.laneHeaderMm}
              stageWidthMm={page.stageWidthMm}
              scale={page.scale}
              caption={
                <>
                  <bdi dir="auto" className="jbp-caption-title">
                    {map.title}
                  </bdi>
                  <span className="jbp-muted"> · {pageLabel(i18n, page, map)}</span>
                </>
              }
            />
          );
        }
        return (
          <section
            key={key}
            className={`jbp-sheet jbp-sheet-${page.kind}`}
            data-kind={page.kind}
            data-persona-id={page.kind === 'persona' ? page.personaId : undefined}
            style={sheetStyle}
            aria-label={i18n._('print.sheet.label', {
              page: i18n.number(i + 1),
              pages: i18n.number(layout.pages.length),
              label: pageLabel(i18n, page, map),
            })}
            data-page={i + 1}
          >
            <div className="jbp-sheet-body">{content}</div>
          </section>
        );
      })}
    </div>
  );
});
