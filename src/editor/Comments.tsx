/**
 * The comment threads on what the side panel shows (a card, a stage, or the map): read them,
 * add one, reply, resolve and reopen. Each is an edit like any other (one undo step, saved,
 * synced on a shared map); resolved threads fold away. Read-only maps show the threads only.
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/react';
import type { I18n } from '../i18n';
import { threadsOn, type Thread } from '../model/comments';
import type { Comment } from '../model/schema';
import { rememberedMe } from '../sync/settings';
import { useEditor, useEditorApi } from './context';

const authorOf = (i18n: I18n, c: Comment) => c.author || i18n._('comments.anonymous');

function when(i18n: I18n, iso: string): string {
  return new Intl.DateTimeFormat(i18n.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function Comments({ targetId }: { targetId?: string }) {
  const i18n = useI18n();
  const api = useEditorApi();
  const readOnly = useEditor((s) => s.readOnly);
  const comments = useEditor((s) => s.doc.comments);
  const threads = useMemo(() => threadsOn({ comments }, targetId), [comments, targetId]);
  const [showResolved, setShowResolved] = useState(false);
  const open = threads.filter((t) => !t.comment.resolved);
  const resolved = threads.filter((t) => t.comment.resolved);

  return (
    <section className="jb-comments" aria-labelledby={`${targetId ?? 'map'}-comments`}>
      <h3 id={`${targetId ?? 'map'}-comments`}>{i18n._('comments.title')}</h3>
      {threads.length === 0 && <p className="jb-hint">{i18n._('comments.empty')}</p>}
      {open.map((t) => (
        <ThreadView key={t.comment.id} thread={t} readOnly={readOnly} />
      ))}
      {resolved.length > 0 && (
        <button type="button" className="jb-comments__toggle" aria-expanded={showResolved} onClick={() => setShowResolved((v) => !v)}>
          {showResolved ? i18n._('comments.hideResolved') : i18n._('comments.showResolved', { count: resolved.length })}
        </button>
      )}
      {showResolved && resolved.map((t) => <ThreadView key={t.comment.id} thread={t} readOnly={readOnly} />)}
      {!readOnly && (
        <CommentForm
          label={i18n._('comments.add.label')}
          submit={i18n._('comments.add.submit')}
          onSubmit={(text) => api.getState().addComment({ targetId, text, author: rememberedMe().name })}
        />
      )}
    </section>
  );
}

function ThreadView({ thread, readOnly }: { thread: Thread; readOnly: boolean }) {
  const i18n = useI18n();
  const api = useEditorApi();
  const { comment, replies } = thread;
  return (
    <article className={`jb-thread${comment.resolved ? ' is-resolved' : ''}`} aria-label={i18n._('comments.thread', { author: authorOf(i18n, comment) })}>
      <CommentView comment={comment} />
      {comment.resolved && <p className="jb-thread__state">{i18n._('comments.resolved')}</p>}
      {replies.length > 0 && (
        <ul className="jb-thread__replies">
          {replies.map((r) => (
            <li key={r.id}>
              <CommentView comment={r} />
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <div className="jb-thread__actions">
          {!comment.resolved && (
            <CommentForm
              label={i18n._('comments.reply.label', { author: authorOf(i18n, comment) })}
              submit={i18n._('comments.reply.submit')}
              onSubmit={(text) => api.getState().addComment({ parentId: comment.id, text, author: rememberedMe().name })}
            />
          )}
          <button type="button" onClick={() => api.getState().setThreadResolved(comment.id, !comment.resolved)}>
            {comment.resolved ? i18n._('comments.reopen') : i18n._('comments.resolve')}
          </button>
        </div>
      )}
    </article>
  );
}

function CommentView({ comment }: { comment: Comment }) {
  const i18n = useI18n();
  return (
    <div className="jb-comment">
      <p className="jb-comment__meta">
        <strong>
          <bdi>{authorOf(i18n, comment)}</bdi>
        </strong>{' '}
        <time dateTime={comment.createdAt}>{when(i18n, comment.createdAt)}</time>
      </p>
      <p className="jb-comment__text" dir="auto">
        {comment.text}
      </p>
    </div>
  );
}

function CommentForm({ label, submit, onSubmit }: { label: string; submit: string; onSubmit(text: string): boolean }) {
  const [text, setText] = useState('');
  const id = useId();
  const send = (e: FormEvent) => {
    e.preventDefault();
    if (onSubmit(text)) setText('');
  };
  return (
    <form className="jb-comment-form" onSubmit={send}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        dir="auto"
        rows={2}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl/Cmd+Enter sends, as in the comment boxes of the tools teams know.
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send(e);
        }}
      />
      <button type="submit" disabled={!text.trim()}>
        {submit}
      </button>
    </form>
  );
}
