import { useEffect, useRef, type KeyboardEvent } from 'react';

/**
 * In-place text editing: Enter commits (Shift+Enter for a new line when multiline),
 * Escape cancels, leaving the field commits.
 */
export function InlineText({
  value,
  label,
  multiline = false,
  onCommit,
  onCancel,
}: {
  value: string;
  label: string;
  multiline?: boolean;
  onCommit(text: string): void;
  onCancel(): void;
}) {
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const done = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.select();
  }, []);

  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(ref.current?.value ?? value);
    else onCancel();
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
    onBlur: () => finish(true),
    onPointerDown: (e: React.PointerEvent) => e.stopPropagation(),
    onDoubleClick: (e: React.MouseEvent) => e.stopPropagation(),
  };
  return multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />;
}
