import { createMap } from '../../src/model/factory';
import { addCard, addConnection, addLane, addStage } from '../../src/model/operations';
import type { JourneyMap } from '../../src/model/schema';

export const T0 = '2024-01-01T00:00:00.000Z';

/**
 * Stages s1 s2 s3; lanes lt (text), lp (touchpoint), le (emotion), lx (pain).
 * s1/lt: t1 t2; s1/lp: p1 (phone); s2/lp: p2 (email); s1..s3/le: e1 e2 e3;
 * s2/lx: x1 (felt at p2). Arrow c1 p1→p2.
 */
export function editorFixture(direction: 'ltr' | 'rtl' = 'ltr'): JourneyMap {
  let d = createMap({ title: 'Editor fixture', direction }, T0);
  for (const [id, name] of [['s1', 'One'], ['s2', 'Two'], ['s3', 'Three']] as const) d = addStage(d, { id, name });
  d = addLane(d, { id: 'lt', kind: 'text', title: 'Actions' });
  d = addLane(d, { id: 'lp', kind: 'touchpoint', title: 'Touchpoints' });
  d = addLane(d, { id: 'le', kind: 'emotion', title: 'Emotion' });
  d = addLane(d, { id: 'lx', kind: 'pain', title: 'Pain' });
  d = addCard(d, { id: 't1', stageId: 's1', laneId: 'lt', text: 'first' });
  d = addCard(d, { id: 't2', stageId: 's1', laneId: 'lt', text: 'second' });
  d = addCard(d, { id: 'p1', stageId: 's1', laneId: 'lp', channel: 'phone', owner: 'Contact center' });
  d = addCard(d, { id: 'p2', stageId: 's2', laneId: 'lp', channel: 'email' });
  d = addCard(d, { id: 'e1', stageId: 's1', laneId: 'le', score: 1 });
  d = addCard(d, { id: 'e2', stageId: 's2', laneId: 'le', score: -2 });
  d = addCard(d, { id: 'e3', stageId: 's3', laneId: 'le', score: 0 });
  d = addCard(d, { id: 'x1', stageId: 's2', laneId: 'lx', touchpointId: 'p2', severity: 'critical', text: 'waits' });
  d = addConnection(d, { id: 'c1', from: 'p1', to: 'p2', label: 'then' });
  if (d.cards.length !== 8 || d.connections.length !== 1) throw new Error('fixture did not build');
  return d;
}

/**
 * React Flow measures with ResizeObserver and reads DOMMatrix; jsdom has neither. It also draws
 * only the nodes inside its canvas, whose size it reads from offsetWidth/offsetHeight, which jsdom
 * leaves at 0: the canvas gets a screen's size, so the editor opens its view with the whole fixture in it and draws every card.
 */
export function stubFlowMeasuring(): void {
  if (!Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetWidth')?.get?.name.startsWith('flowCanvas')) {
    const size = (axis: 'width' | 'height') =>
      function flowCanvasSize(this: HTMLElement) {
        return this.classList.contains('react-flow__renderer') ? (axis === 'width' ? 1600 : 1200) : 0;
      };
    Object.defineProperty(HTMLElement.prototype, 'offsetWidth', { configurable: true, get: size('width') });
    Object.defineProperty(HTMLElement.prototype, 'offsetHeight', { configurable: true, get: size('height') });
    // React Flow measures the canvas only when it is visible, which jsdom cannot tell.
    HTMLElement.prototype.checkVisibility = () => true;
    // No animated moves of the view (d3 transitions read sizes jsdom does not have): a user who
    // asked for reduced motion gets the same (src/editor/motion.ts).
    window.matchMedia ??= ((query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} })) as unknown as typeof window.matchMedia;
  }
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  (globalThis as { DOMMatrixReadOnly?: unknown }).DOMMatrixReadOnly ??= class {
    m22 = 1;
    constructor() {}
  };
}
