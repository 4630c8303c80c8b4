/**
 * The floor the benchmark holds the editor against: React Flow as its docs show it, with
 * default nodes and edges, controlled state (useNodesState / useEdgesState) and nothing else:
 * no custom node types, no MiniMap or Controls, no onlyRenderVisibleElements.
 *
 * What it shares with the editor, so the comparison is fair: the same cards as nodes at the
 * same positions and sizes (the editor's own layout, computed by bench/maps.ts), the same
 * connections as edges, the same canvas size (?w=&h=, measured in the editor), the same
 * fitView padding and zoom limits. The graph comes from ../data/bare-<cards>.json.
 */
import { ReactFlow, useEdgesState, useNodesState, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { BareGraph } from '../maps';

const params = new URLSearchParams(window.location.search);
const cards = params.get('cards') ?? '100';
const width = Number(params.get('w')) || 0;
const height = Number(params.get('h')) || 0;

function Flow({ graph }: { graph: BareGraph }) {
  const [nodes, , onNodesChange] = useNodesState<Node>(
    graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.label }, width: n.width, height: n.height })),
  );
  const [edges, , onEdgesChange] = useEdgesState<Edge>(graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })));
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      minZoom={0.05}
      maxZoom={2.5}
      fitView
      fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
    />
  );
}

function App() {
  const [graph, setGraph] = useState<BareGraph | null>(null);
  useEffect(() => {
    void fetch(`../data/bare-${encodeURIComponent(cards)}.json`)
      .then((r) => r.json() as Promise<BareGraph>)
      .then(setGraph);
  }, []);
  return (
    <div style={{ width: width ? `${width}px` : '100vw', height: height ? `${height}px` : '100vh' }}>
      {graph ? <Flow graph={graph} /> : <p>Loading…</p>}
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
