/**
 * What the user must know about their browser's storage: unavailable (private mode,
 * blocked), full, or a failed write. One small store so any page can report a problem
 * and the banner shows it.
 */
import { create } from 'zustand';
import { MapBusyError } from '../storage';

export interface StorageProblem {
  kind: string;
  message: string;
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

export function describeError(err: unknown): StorageProblem {
  // Another tab edits the map: the refusal says so in its own words.
  if (err instanceof MapBusyError) return { kind: 'busy', message: err.message };
  if (err && typeof err === 'object' && 'kind' in err && 'message' in err) {
    return { kind: String(err.kind), message: String(err.message) };
  }
  return { kind: 'unknown', message: `Something went wrong while reading or saving: ${String(err)}` };
}
