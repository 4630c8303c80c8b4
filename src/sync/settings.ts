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
