/**
 * The sync server this device shares maps on, remembered in localStorage (a setting of the
 * device, like its language). The default is the address `npm run server` prints.
 */
export const DEFAULT_SERVER = 'ws://127.0.0.1:4455';
const KEY = 'journeyboard.syncServer';

export function rememberedServer(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(KEY) || DEFAULT_SERVER;
  } catch {
    return DEFAULT_SERVER;
  }
}

export function rememberServer(server: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(KEY, server);
  } catch {
    // Private mode or a full disk: the address is typed again next time, nothing else is lost.
  }
}

/** How this device shows itself to colleagues on a shared map: a name, and a colour picked once. */
export interface Me {
  name: string;
  color: string;
}

const ME_KEY = 'journeyboard.me';
/** Pointer and selection colours, dark enough for white text on them (WCAG AA at 12 px bold). */
export const PRESENCE_COLORS = ['#b3261e', '#1a5fb4', '#26734d', '#8a3ffc', '#a8510a', '#0e6e78', '#c2185b', '#5c5f00'] as const;

export function rememberedMe(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage): Me {
  try {
    const raw = JSON.parse(storage?.getItem(ME_KEY) ?? 'null') as Partial<Me> | null;
    if (raw && typeof raw.name === 'string' && PRESENCE_COLORS.includes(raw.color as (typeof PRESENCE_COLORS)[number])) return { name: raw.name, color: raw.color! };
  } catch {
    // Unreadable: a new colour below.
  }
  const me = { name: '', color: PRESENCE_COLORS[Math.floor(Math.random() * PRESENCE_COLORS.length)]! };
  rememberMe(me, storage);
  return me;
}

export function rememberMe(me: Me, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(ME_KEY, JSON.stringify(me));
  } catch {
    // As for the server address: asked again next time.
  }
}
