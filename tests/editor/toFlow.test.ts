import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../src/editor/layout';
import {
  cellNodeId,
  createFlowMapper,
  emotionNodeId,
  entityOfNode,
  laneNodeId,
  loopEdgeId,
  stageNodeId,
  type CardNode,
  type EmotionNode,
  type FlowUi,
} from '../../src/editor/toFlow';
import { moveCard, renameLane, setChannelTarget, updateCard, updateStage } from '../../src/model/operations';
import type { JourneyMap } from '../../src/model/schema';
import { editorFixture } from './helpers';
import { i18n } from '../../src/i18n';

const ui = (over: Partial<FlowUi> = {}): FlowUi => ({ selected: new Set(), drag: new Map(), emotionDrag: null, readOnly: false, ...over });

function run(mapper = createFlowMapper(), doc: JourneyMap = editorFixture(), u: FlowUi = ui()) {
  const r = mapper(doc, computeLayout(doc, i18n), u, i18n);
  const byId = new Map(r.nodes.map((n) => [n.id, n]));
  return { ...r, byId, mapper, doc };
}

describe('toFlow', () => {
  it('makes header, cell, card and emotion nodes, and connection edges', () => {
    const { byId, edges } = run();
    for (const s of ['s1', 's2', 's3']) expect(byId.get(stageNodeId(s))?.type).toBe('stageHeader');
    for (const l of ['lt', 'lp', 'le', 'lx']) expect(byId.get(laneNodeId(l))?.type).toBe('laneHeader');
    expect(byId.get(cellNodeId('s2', 'lp'))?.type).toBe('cell');
    for (const c of ['t1', 't2', 'p1', 'p2', 'x1']) expect(byId.get(c)?.type).toBe('card');
    // Emotion cards are points of one curve, not boxes.
    expect(byId.has('e1')).toBe(false);
    const curve = byId.get(emotionNodeId('le')) as EmotionNode;
    expect(curve.data.points.map((p) => [p.cardId, p.score])).toEqual([
      ['e1', 1],
      ['e2', -2],
      ['e3', 0],
    ]);
    expect(curve.data.points[0]!.y).toBeLessThan(curve.data.points[2]!.y);
    expect(curve.data.points[1]!.y).toBeGreaterThan(curve.data.points[2]!.y);
    expect(edges).toHaveLength(1);
    expect(edges[0]).toMatchObject({ id: 'c1', source: 'p1', target: 'p2', type: 'connection', data: { label: 'then' } });
  });

  it('puts channel (for its name and icon), owner and response target on touchpoints, severity and link on pains', () => {
    const { byId } = run();
    const p1 = byId.get('p1') as CardNode;
    expect(p1.data).toMatchObject({ kind: 'touchpoint', channelName: 'Phone', owner: 'Contact center', responseTargetMinutes: 0, realtime: true });
    expect(p1.data.channelId).toBe('phone');
    const p2 = byId.get('p2') as CardNode;
    expect(p2.data.responseTargetMinutes).toBe(24 * 60);
    const x1 = byId.get('x1') as CardNode;
    expect(x1.data).toMatchObject({ kind: 'pain', severity: 'critical', touchpointText: '' });
  });

  it('keeps data plain: no functions anywhere', () => {
    const { nodes, edges } = run();
    const hasFn = (v: unknown): boolean =>
      typeof v === 'function' || (typeof v === 'object' && v !== null && Object.values(v).some(hasFn));
    for (const n of nodes) expect(hasFn(n.data)).toBe(false);
    for (const e of edges) expect(hasFn(e.data)).toBe(false);
  });

  it('keeps the same node object for an unchanged card when another card changes', () => {
    const first = run();
    const doc2 = updateCard(first.doc, 't2', { text: 'edited' });
    const second = run(first.mapper, doc2);
    expect(second.byId.get('p1')).toBe(first.byId.get('p1'));
    expect(second.byId.get('x1')).toBe(first.byId.get('x1'));
    expect(second.byId.get(stageNodeId('s1'))).toBe(first.byId.get(stageNodeId('s1')));
    expect(second.byId.get(emotionNodeId('le'))).toBe(first.byId.get(emotionNodeId('le')));
    expect(second.edges[0]).toBe(first.edges[0]);
    expect(second.byId.get('t2')).not.toBe(first.byId.get('t2'));
    expect((second.byId.get('t2') as CardNode).data.text).toBe('edited');
  });

  it('returns identical nodes for an identical document', () => {
    const first = run();
    const again = run(first.mapper, first.doc);
    again.nodes.forEach((n, i) => expect(n).toBe(first.nodes[i]));
  });

  it('makes a new node when selection, drag position or its channel changes', () => {
    const first = run();
    const sel = run(first.mapper, first.doc, ui({ selected: new Set(['p1']) }));
    expect(sel.byId.get('p1')).not.toBe(first.byId.get('p1'));
    expect(sel.byId.get('p1')?.selected).toBe(true);
    expect(sel.byId.get('p2')).toBe(first.byId.get('p2'));
    const dragged = run(first.mapper, first.doc, ui({ selected: new Set(['p1']), drag: new Map([['p1', { x: 5, y: 6 }]]) }));
    expect(dragged.byId.get('p1')?.position).toEqual({ x: 5, y: 6 });
    const retarget = setChannelTarget(first.doc, 'phone', { responseTargetMinutes: 3 });
    const r = run(first.mapper, retarget);
    expect((r.byId.get('p1') as CardNode).data.responseTargetMinutes).toBe(3);
  });

  it('updates a pain card when its touchpoint is renamed', () => {
    const first = run();
    const r = run(first.mapper, updateCard(first.doc, 'p2', { text: 'Email reply' }));
    expect((r.byId.get('x1') as CardNode).data.touchpointText).toBe('Email reply');
  });

  it('moves a card node to its new cell after a move', () => {
    const first = run();
    const moved = moveCard(first.doc, 't1', { stageId: 's3', laneId: 'lt' });
    const r = run(first.mapper, moved);
    expect(r.byId.get('t1')!.position.x).toBeGreaterThan(first.byId.get('t1')!.position.x);
  });

  it('draws a loop as an edge between stage headers', () => {
    const doc = updateStage(editorFixture(), 's3', { loopsTo: 's1' });
    const { edges } = run(createFlowMapper(), doc);
    const loop = edges.find((e) => e.id === loopEdgeId('s3'));
    expect(loop).toMatchObject({ type: 'loop', source: stageNodeId('s3'), target: stageNodeId('s1'), data: { label: 'back to One' } });
  });

  it('marks KPI cards on or off target', () => {
    let doc = editorFixture();
    doc = { ...doc, lanes: [...doc.lanes, { id: 'lk', kind: 'kpi', title: 'KPIs' }] };
    doc = {
      ...doc,
      cards: [
        ...doc.cards,
        { id: 'k1', kind: 'kpi', stageId: 's1', laneId: 'lk', order: 0, text: '', metric: 'csat', value: 80, target: 85, unit: '%' },
        { id: 'k2', kind: 'kpi', stageId: 's2', laneId: 'lk', order: 0, text: '', metric: 'response-time', value: 2, target: 5, unit: 'min' },
      ],
    };
    const { byId } = run(createFlowMapper(), doc);
    expect((byId.get('k1') as CardNode).data.onTarget).toBe(false);
    expect((byId.get('k2') as CardNode).data.onTarget).toBe(true);
  });

  it('renames a lane without rebuilding the cards', () => {
    const first = run();
    const r = run(first.mapper, renameLane(first.doc, 'lt', 'Doing'));
    expect(r.byId.get('t1')).toBe(first.byId.get('t1'));
    expect(r.byId.get(laneNodeId('lt'))).not.toBe(first.byId.get(laneNodeId('lt')));
  });

  it('maps node ids back to entities', () => {
    expect(entityOfNode('stage:s1')).toEqual({ type: 'stage', id: 's1' });
    expect(entityOfNode('lane:l1')).toEqual({ type: 'lane', id: 'l1' });
    expect(entityOfNode('abc')).toEqual({ type: 'card', id: 'abc' });
  });

  it('on a 1,000-card map, an edit to one card that does not change its height rebuilds that node alone', () => {
    let doc = editorFixture();
    const extra = [];
    for (let i = 0; i < 1000; i++) extra.push({ id: `b${i}`, kind: 'text' as const, stageId: ['s1', 's2', 's3'][i % 3]!, laneId: 'lt', order: 0, text: `card ${i}` });
    // Orders dense per cell.
    const counters = new Map<string, number>();
    for (const c of [...doc.cards.filter((c) => c.laneId === 'lt'), ...extra]) {
      const n = counters.get(c.stageId) ?? 0;
      counters.set(c.stageId, n + 1);
      c.order = n;
    }
    doc = { ...doc, cards: [...doc.cards.filter((c) => c.laneId !== 'lt'), ...doc.cards.filter((c) => c.laneId === 'lt'), ...extra] };
    const mapper = createFlowMapper();
    const first = run(mapper, doc);
    // Same length, one line either way: nothing else moves. (How fast is the bench's business.)
    const edited = updateCard(doc, 'b500', { text: 'card 5oo' });
    const second = run(mapper, edited);
    expect(second.nodes.length).toBe(first.nodes.length);
    const rebuilt = second.nodes.filter((n) => first.byId.get(n.id) !== n).map((n) => n.id);
    expect(rebuilt).toEqual(['b500']);
    expect((second.byId.get('b500') as CardNode).data.text).toBe('card 5oo');
    second.edges.forEach((e, i) => expect(e).toBe(first.edges[i]));
  });
});
