/**
 * Comment threads on a map: a thread pinned to a card, a stage or the map itself, replies to
 * it, resolving and reopening. Pure operations on the document, like every edit (one undo
 * step each); a step that changes nothing returns the same document.
 */
import { newId } from './ids';
import { CommentSchema, type Comment, type JourneyMap } from './schema';

export interface NewComment {
  id?: string;
  /** A card's or a stage's id; absent: the map. Ignored for a reply (it follows its thread). */
  targetId?: string;
  /** The thread this replies to. */
  parentId?: string;
  author: string;
  text: string;
}

export interface Thread {
  comment: Comment;
  replies: Comment[];
}

const commentsOf = (doc: Pick<JourneyMap, 'comments'>): readonly Comment[] => doc.comments ?? [];
const byTime = (a: Comment, b: Comment) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1);

function targetExists(doc: JourneyMap, id: string): boolean {
  return doc.cards.some((c) => c.id === id) || doc.stages.some((s) => s.id === id);
}

export function addComment(doc: JourneyMap, input: NewComment, now: Date | string = new Date()): JourneyMap {
  const text = input.text.trim();
  if (!text) return doc;
  const comments = commentsOf(doc);
  let targetId = input.targetId;
  if (input.parentId !== undefined) {
    const thread = comments.find((c) => c.id === input.parentId);
    if (!thread || thread.parentId !== undefined) return doc;
    targetId = thread.targetId;
  } else if (targetId !== undefined && !targetExists(doc, targetId)) return doc;
  const id = input.id ?? newId();
  const taken = [doc.stages, doc.lanes, doc.cards, doc.connections, comments].some((list) => list.some((e) => e.id === id));
  if (taken) return doc;
  const parsed = CommentSchema.safeParse({
    id,
    ...(targetId !== undefined ? { targetId } : {}),
    ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
    author: input.author.trim().slice(0, 60),
    text,
    createdAt: typeof now === 'string' ? now : now.toISOString(),
    resolved: false,
  });
  if (!parsed.success) return doc;
  return { ...doc, comments: [...comments, parsed.data] };
}

/** Resolves or reopens a thread (given its first comment's id). */
export function setThreadResolved(doc: JourneyMap, id: string, resolved: boolean): JourneyMap {
  const comments = commentsOf(doc);
  const at = comments.findIndex((c) => c.id === id && c.parentId === undefined);
  const thread = comments[at];
  if (!thread || thread.resolved === resolved) return doc;
  const next = [...comments];
  next[at] = { ...thread, resolved };
  return { ...doc, comments: next };
}

/** The threads pinned to `targetId` (undefined: the map itself), oldest first, each with its replies. */
export function threadsOn(doc: Pick<JourneyMap, 'comments'>, targetId: string | undefined): Thread[] {
  const comments = commentsOf(doc);
  return comments
    .filter((c) => c.parentId === undefined && c.targetId === targetId)
    .sort(byTime)
    .map((comment) => ({ comment, replies: comments.filter((r) => r.parentId === comment.id).sort(byTime) }));
}

/** How many comments each target has in threads still open (what a card's badge shows). */
export function openCommentCounts(doc: Pick<JourneyMap, 'comments'>): Map<string, number> {
  const counts = new Map<string, number>();
  const comments = commentsOf(doc);
  const open = new Set(comments.filter((c) => c.parentId === undefined && !c.resolved).map((c) => c.id));
  for (const c of comments) {
    const inOpen = c.parentId === undefined ? open.has(c.id) : open.has(c.parentId);
    if (inOpen && c.targetId !== undefined) counts.set(c.targetId, (counts.get(c.targetId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Drops the threads pinned to any of `targets` (they went with a deleted card or stage). A map
 * left without comments has no field for them, as one that never had any.
 */
export function withoutCommentsOn(doc: JourneyMap, targets: ReadonlySet<string>): JourneyMap {
  if (!doc.comments || !doc.comments.some((c) => c.targetId !== undefined && targets.has(c.targetId))) return doc;
  const comments = doc.comments.filter((c) => c.targetId === undefined || !targets.has(c.targetId));
  return comments.length > 0 ? { ...doc, comments } : withoutComments(doc);
}

/**
 * The map as an audience gets it (a web page for stakeholders): the team's comments are working
 * notes and stay out, as they do in presentation and print.
 */
export function withoutComments(doc: JourneyMap): JourneyMap {
  if (doc.comments === undefined) return doc;
  const { comments: _comments, ...rest } = doc;
  return rest;
}
