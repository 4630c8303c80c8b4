/**
 * Storage failures, in words a user can act on. Every repository call turns what the
 * browser or Dexie throws into a StorageError, so pages branch on `error.kind` and show
 * `error.descriptor`, a message in the interface's language (src/i18n/message.ts). Its
 * `message` is the English of it, for the console and bug reports.
 */
import type { Message, WordedError } from '../i18n/message';

export type StorageErrorKind = 'unavailable' | 'quota' | 'newer-version' | 'missing' | 'invalid' | 'unknown';

/** What each kind says, for the interface: `{ id: STORAGE_MESSAGE_IDS[kind] }`. */
export const STORAGE_MESSAGE_IDS: Record<StorageErrorKind, string> = {
  unavailable: /*i18n*/ 'storage.unavailable',
  quota: /*i18n*/ 'storage.quota',
  'newer-version': /*i18n*/ 'storage.newerVersion',
  missing: /*i18n*/ 'storage.missing',
  invalid: /*i18n*/ 'storage.invalid',
  unknown: /*i18n*/ 'storage.unknown',
};

/** The English of each kind, for logs (the catalogue's English says the same). */
export const STORAGE_MESSAGES: Record<StorageErrorKind, string> = {
  unavailable:
    "Journeyboard can't use this browser's storage (it may be a private window, or storage is blocked for this site). Your work is not being saved here; export it to a file to keep it.",
  quota:
    "Your browser's storage is full. Nothing new was saved; your existing maps are safe. Free some space or export a backup.",
  'newer-version':
    'This was saved by a newer version of Journeyboard. This version can show it but will not change it, so nothing was saved. Update Journeyboard to edit it.',
  missing: 'This is no longer in your library (it may have been deleted in another tab).',
  invalid: 'This document is damaged and cannot be opened or copied; nothing was changed.',
  unknown: "Something went wrong with your browser's storage. Your open work is kept; try again, or export a backup.",
};

export interface StorageErrorOptions {
  cause?: unknown;
  detail?: string;
  /** Words of its own instead of the kind's, with their English for logs. */
  message?: { descriptor: Message; english: string };
}

export class StorageError extends Error implements WordedError {
  readonly kind: StorageErrorKind;
  /** What the interface shows, in its language: `say(i18n, error.descriptor)`. */
  readonly descriptor: Message;
  /** The technical reason (the browser's or Dexie's error), for the console and bug reports. */
  readonly detail: string | undefined;

  constructor(kind: StorageErrorKind, options: StorageErrorOptions = {}) {
    super(options.message?.english ?? STORAGE_MESSAGES[kind], { cause: options.cause });
    this.name = 'StorageError';
    this.kind = kind;
    this.descriptor = options.message?.descriptor ?? { id: STORAGE_MESSAGE_IDS[kind] };
    this.detail = options.detail ?? describeCause(options.cause);
  }
}

function describeCause(cause: unknown): string | undefined {
  if (cause === undefined) return undefined;
  if (cause instanceof Error) return `${cause.name}: ${cause.message}`;
  return String(cause);
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error and everything it wraps: Dexie puts the browser's error in `inner` (and BulkError in `failures`). */
function chain(err: unknown, depth = 0): ErrorLike[] {
  if (!err || typeof err !== 'object' || depth > 5) return [];
  const e = err as ErrorLike;
  const out: ErrorLike[] = [e];
  out.push(...chain(e.inner, depth + 1), ...chain(e.cause, depth + 1));
  if (Array.isArray(e.failures)) for (const f of e.failures) out.push(...chain(f, depth + 1));
  else if (e.failures && typeof e.failures === 'object') for (const f of Object.values(e.failures)) out.push(...chain(f, depth + 1));
  return out;
}

const UNAVAILABLE = new Set(['MissingAPIError', 'SecurityError', 'InvalidStateError', 'InvalidAccessError', 'DatabaseClosedError', 'OpenFailedError']);

/** Classifies any thrown value. Quota is checked first: Dexie reports it wrapped (AbortError / OpenFailedError with inner QuotaExceededError). */
export function toStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  const all = chain(err);
  const names = all.map((e) => (typeof e.name === 'string' ? e.name : ''));
  if (
    names.some((n) => n === 'QuotaExceededError' || n === 'NS_ERROR_DOM_QUOTA_REACHED') ||
    all.some((e) => e.code === 22 || (typeof e.message === 'string' && /quota/i.test(e.message)))
  ) {
    return new StorageError('quota', { cause: err });
  }
  if (names.includes('VersionError')) {
    return new StorageError('newer-version', {
      cause: err,
      message: {
        descriptor: /*i18n*/ { id: 'storage.upgradedElsewhere' },
        english:
          "This browser's Journeyboard storage was upgraded by a newer version of Journeyboard (perhaps in another tab). Reload the page to use the newer version.",
      },
    });
  }
  if (names.some((n) => UNAVAILABLE.has(n))) return new StorageError('unavailable', { cause: err });
  return new StorageError('unknown', { cause: err });
}

/** Runs a storage call and rethrows its failure as a StorageError. */
export async function guard<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw toStorageError(err);
  }
}

/**
 * Asks the browser to keep our data under storage pressure (it may evict "best effort"
 * storage otherwise). Never throws: absent API, a refusal or an error all mean `false`.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  try {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.persist) return false;
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return false;
  }
}
