// @vitest-environment node
/** Comment threads on cards, stages and the map: what a team writes stays attached to what it is about. */
import { describe, expect, it } from 'vitest';
import { addComment, openCommentCounts, setThreadResolved, threadsOn } from '../../src/model/comments';
import { withFreshIds } from '../../src/model/freshIds';
import { mapViolations } from '../../src/model/invariants';
import * as ops from '../../src/model/operations';
import { fixture } from './helpers';

const T1 = '2025-03-01T09:00:00.000Z';
const T2 = '2025-03-01T09:05:00.000Z';

function discussed() {
  let d = fixture();
  d = addComment(d, { id: 'q1', targetId: 'p1', author: 'สมชาย', text: 'ลูกค้ารอสายนานเกินไปที่ IVR' }, T1);
  d = addComment(d, { id: 'r1', parentId: 'q1', author: 'Mina', text: 'میانگین انتظار ۴ دقیقه است' }, T2);
  d = addComment(d, { id: 'q2', targetId: 's2', author: 'Lan', text: 'Giai đoạn này cần thêm KPI' }, T1);
  d = addComment(d, { id: 'q3', author: 'Lan', text: 'Review with the contact-center lead on Friday' }, T1);
  return d;
}

describe('comments', () => {
  it('pin threads to a card, a stage or the map; a reply joins its thread', () => {
    const d = discussed();
    expect(mapViolations(d)).toEqual([]);
    expect(threadsOn(d, 'p1')).toEqual([{ comment: expect.objectContaining({ id: 'q1', author: 'สมชาย' }), replies: [expect.objectContaining({ id: 'r1', targetId: 'p1' })] }]);
    expect(threadsOn(d, 's2').map((t) => t.comment.id)).toEqual(['q2']);
    expect(threadsOn(d, undefined).map((t) => t.comment.id)).toEqual(['q3']);
  });

  it('refuses empty text, a missing target, and a reply to a reply', () => {
    const d = discussed();
    expect(addComment(d, { targetId: 'p1', author: 'x', text: '   ' })).toBe(d);
    expect(addComment(d, { targetId: 'ghost', author: 'x', text: 'hello' })).toBe(d);
    expect(addComment(d, { parentId: 'r1', author: 'x', text: 'hello' })).toBe(d);
    expect(addComment(d, { id: 'p1', targetId: 'p2', author: 'x', text: 'an id already taken' })).toBe(d);
  });

  it('resolve and reopen a thread; the card counts the comments of its open threads', () => {
    let d = discussed();
    expect(openCommentCounts(d).get('p1')).toBe(2);
    d = setThreadResolved(d, 'q1', true);
    expect(openCommentCounts(d).get('p1')).toBeUndefined();
    expect(setThreadResolved(d, 'q1', true)).toBe(d);
    expect(setThreadResolved(d, 'r1', true)).toBe(d);
    d = setThreadResolved(d, 'q1', false);
    expect(openCommentCounts(d).get('p1')).toBe(2);
  });

  it('go with the card or stage they are pinned to', () => {
    const d = discussed();
    const noCard = ops.deleteCards(d, ['p1']);
    expect(noCard.comments?.map((c) => c.id)).toEqual(['q2', 'q3']);
    expect(mapViolations(noCard)).toEqual([]);
    const noStage = ops.deleteStage(d, 's2');
    expect(noStage.comments?.map((c) => c.id)).toEqual(['q1', 'r1', 'q3']);
    expect(mapViolations(noStage)).toEqual([]);
  });

  it('follow their cards into a copy with fresh ids', () => {
    const copy = withFreshIds(discussed());
    expect(mapViolations(copy)).toEqual([]);
    const [thread] = threadsOn(copy, copy.cards.find((c) => c.text === fixture().cards.find((x) => x.id === 'p1')!.text)!.id);
    expect(thread?.comment.text).toBe('ลูกค้ารอสายนานเกินไปที่ IVR');
    expect(thread?.replies[0]?.text).toBe('میانگین انتظار ۴ دقیقه است');
  });
});
