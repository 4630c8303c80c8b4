/**
 * What the user must know about their browser's storage: unavailable (private mode,
 * blocked), full, or a failed write. One small store so any page can report a problem
 * and the banner shows it.
 */
import { create } from 'zustand';
import { messageOf, type Message } from '../i18n/message';
import { MapBusyError } from '../storage';

export interface StorageProblem {
  kind: string;
  /** For the banner to word (src/i18n/message.ts), or text already in the interface's words. */
  message: Message | string;
}

interface StorageStatus {
  problem: StorageProblem | null;
  report(problem: StorageProblem): void;
  clear(): void;
}

export const useStorageStatus = create<StorageStatus>((set) => ({
  problem: null,
  report: (problem) => set({ problem }),
  clear: () => set({ problem: null }),
}));

/** Any thrown value as a problem to report; pure: the banner words it (StorageBanner). */
export function describeError(err: unknown): StorageProblem {
  // Another tab edits the map: the refusal says so in its own words.
  if (err instanceof MapBusyError) return { kind: 'busy', message: err.descriptor };
  const own = messageOf(err);
  if (err && typeof err === 'object' && 'kind' in err) {
    // A StorageError, or a problem already worded ({ kind: 'personas', message: '…' }).
    if (own) return { kind: String(err.kind), message: own };
    if ('message' in err) return { kind: String(err.kind), message: String(err.message) };
  }
  // An error that says what went wrong in the interface's words (an export that cannot run).
  if (own) return { kind: 'unknown', message: own };
  return { kind: 'unknown', message: /*i18n*/ { id: 'storage.unexpected', values: { reason: String(err) } } };
}
