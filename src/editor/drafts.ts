/**
 * Text being typed in place (a card, a stage or lane name, an arrow label) that has not been
 * committed with Enter or by leaving the field yet. Each open in-place editor applies its draft to
 * the document every DRAFT_MS while the user types (so it reaches the autosave queue like any edit,
 * and a crash loses at most that much), and registers here so that the page can apply every draft
 * at once, synchronously, before it writes at page hide (a reload or a closed tab keeps the text).
 */
export const DRAFT_MS = 250;

const pending = new Set<() => void>();

/** Registers an editor's "apply my draft now"; returns the unregister function. */
export function holdDraft(apply: () => void): () => void {
  pending.add(apply);
  return () => void pending.delete(apply);
}

/** Applies every open editor's draft now (page hide, before the synchronous write). */
export function applyDrafts(): void {
  for (const apply of [...pending]) apply();
}

const settledListeners = new Set<() => void>();

/**
 * Listens for the end of a typing session (Enter, leaving the field, Escape); returns the
 * unsubscribe function. The page writes at once then: while drafts were being applied the
 * autosave queue was throttling, and the finished text must not wait out that throttle (a crash
 * 100 ms after Enter would lose it).
 */
export function onTypingSettled(listener: () => void): () => void {
  settledListeners.add(listener);
  return () => void settledListeners.delete(listener);
}

/** An in-place editor committed or cancelled: its final change is in the document now. */
export function typingSettled(): void {
  for (const listener of [...settledListeners]) listener();
}

/**
 * One in-place editor's draft: the latest typed text not yet applied, applied by `sink` at most
 * every DRAFT_MS (a throttle, not a debounce: continuous typing still reaches the document), at
 * once by apply() and never after end().
 */
export class DraftSession {
  /** Drafts and the commit that ends them share this key: one undo step. */
  readonly coalesce: string;
  private sink: ((text: string, coalesce: string) => void) | undefined;
  private unsent: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private ended = false;
  private release: (() => void) | null = null;
  private static count = 0;

  constructor() {
    this.coalesce = `inline:${++DraftSession.count}`;
  }

  /** Where drafts go (the editor's latest onDraft). */
  sendTo(sink: ((text: string, coalesce: string) => void) | undefined): void {
    this.sink = sink;
  }

  /** While the editor is open, page hide applies this draft. */
  open(): void {
    this.ended = false;
    this.release ??= holdDraft(() => this.apply());
  }

  typed(text: string): void {
    if (this.ended || !this.sink) return;
    this.unsent = text;
    this.timer ??= setTimeout(() => this.apply(), DRAFT_MS);
  }

  apply(): void {
    this.clearTimer();
    const text = this.unsent;
    this.unsent = null;
    if (text !== null && !this.ended) this.sink?.(text, this.coalesce);
  }

  /** The editor commits or cancels (or unmounts): what was not applied is dropped. */
  end(): void {
    this.ended = true;
    this.unsent = null;
    this.clearTimer();
    this.release?.();
    this.release = null;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
