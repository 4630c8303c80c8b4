// @vitest-environment node
/** A colleague's presence is whatever their client sent: only what is well-formed is shown. */
import { describe, expect, it } from 'vitest';
import { readPeer, readPeers } from '../../src/sync/presence';
import { PRESENCE_COLORS } from '../../src/sync/settings';

describe('presence from peers', () => {
  it('reads a well-formed state as it was sent', () => {
    const state = { user: { name: 'مینا', color: '#1a5fb4' }, cursor: { x: 120, y: -40 }, selection: ['card-1', 'stage-2'], editing: 'card-1', presenting: { index: 2, focus: 'all' } };
    expect(readPeer(7, state)).toEqual({ clientId: 7, ...state });
  });

  it('bounds and cleans what a hostile peer sends', () => {
    const peer = readPeer(9, {
      user: { name: `\u202e${'ก'.repeat(500)}`, color: 'red; background:url(x)' },
      cursor: { x: Infinity, y: 3 },
      selection: ['ok', '<img src=x>', 42, ...Array.from({ length: 500 }, (_, i) => `c${i}`)],
      editing: { id: 'x' },
      presenting: { index: -1, focus: 'all' },
    })!;
    expect(peer.user.name.length).toBeLessThanOrEqual(60);
    expect(peer.user.name).not.toContain('\u202e');
    expect(PRESENCE_COLORS).toContain(peer.user.color);
    expect(peer.cursor).toBeNull();
    expect(peer.selection[0]).toBe('ok');
    expect(peer.selection).not.toContain('<img src=x>');
    expect(peer.selection.length).toBeLessThanOrEqual(200);
    expect(peer.editing).toBeNull();
    expect(peer.presenting).toBeNull();
  });

  it('leaves out this device and clients that never said who they are', () => {
    const states = new Map<number, unknown>([
      [1, { user: { name: 'Somchai', color: '#26734d' } }],
      [2, { user: { name: 'me', color: '#26734d' } }],
      [3, {}],
      [4, 'garbage'],
    ]);
    expect(readPeers(states, 2).map((p) => p.user.name)).toEqual(['Somchai']);
  });
});
