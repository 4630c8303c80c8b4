import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { DraftSession, typingSettled } from './drafts';

/**
 * In-place text editing: Enter commits (Shift+Enter for a new line when multiline),
 * Escape cancels, leaving the field commits.
 *
 * While the user types, the text is applied as a draft (`onDraft`) at most every DRAFT_MS and at
 * once at page hide (src/editor/drafts.ts), so nothing typed is lost to a reload, a closed tab or
 * a crash. Drafts and the final commit share one coalesce key: they make one undo step, and
 * Escape (`onCancel` with that key) takes the drafts back.
 */
export function InlineText({
  value,
  label,
  multiline = false,
  onDraft,
  onCommit,
  onCancel,
}: {
  value: string;
  label: string;
  multiline?: boolean;
  onDraft?(text: string, coalesce: string): void;
  onCommit(text: string, coalesce: string): void;
  onCancel(coalesce: string): void;
}) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const done = useRef(false);
  const [draft] = useState(() => new DraftSession());

  useEffect(() => {
    draft.sendTo(onDraft);
  }, [draft, onDraft]);

  useEffect(() => {
    const el = ref.current;
    if (el) {
      el.focus();
      el.select();
    }
    draft.open();
    return () => draft.end();
  }, [draft]);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    draft.end();
    if (commit) onCommit(ref.current?.value ?? value, draft.coalesce);
    else onCancel(draft.coalesce);
    typingSettled();
  };

  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') {
      e.preventDefault();
      finish(false);
    } else if (e.key === 'Enter' && !(multiline && e.shiftKey) && !e.nativeEvent.isComposing) {
      e.preventDefault();
      finish(true);
    }
  };

  const common = {
    ref,
    defaultValue: value,
    'aria-label': label,
    dir: 'auto' as const,
    className: 'jb-inline nodrag nopan nowheel',
    onKeyDown,
    onInput: () => draft.typed(ref.current?.value ?? ''),
    onBlur: () => finish(true),
    onPointerDown: (e: React.PointerEvent) => e.stopPropagation(),
    onDoubleClick: (e: React.MouseEvent) => e.stopPropagation(),
  };
  return multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />;
}
