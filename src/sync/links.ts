/**
 * The links a shared map hands out: the app's own address with the server, the map id and the
 * link's secret in the fragment (#/join?…), which browsers never send to any server, so the
 * secret travels only from person to person and to the sync server that checks it. Pure.
 */
import { MAP_ID_PATTERN, SECRET_PATTERN, type LinkSecrets } from './protocol';

export interface JoinLink {
  server: string;
  mapId: string;
  secret: string;
}

/** A random link secret: 32 bytes from the platform's cryptographic generator, base64url. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Fresh secrets for a map's two links (sharing it, or issuing new links). */
export const newLinkSecrets = (): LinkSecrets => ({ editSecret: newSecret(), viewSecret: newSecret() });

/**
 * A sync server address as typed (ws://, wss://, or the http(s) address it is also reachable at),
 * as the WebSocket address to connect to; null when it is not one (no other scheme is dialled).
 */
export function serverAddress(typed: string): string | null {
  let url: URL;
  try {
    url = new URL(typed.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return null;
  if (url.username || url.password) return null;
  url.hash = '';
  url.search = '';
  return url.toString().replace(/\/$/, '');
}

/** The link to hand out: this app's address (`appUrl`, without its fragment) then #/join?…. */
export function joinHref(appUrl: string, link: JoinLink): string {
  const base = appUrl.replace(/#.*$/, '');
  const query = new URLSearchParams({ server: link.server, map: link.mapId, key: link.secret });
  return `${base}#/join?${query.toString()}`;
}

/** The link in a #/join?… fragment, or null when any part is missing or malformed. */
export function parseJoin(hash: string): JoinLink | null {
  const m = /^#?\/join\?(.*)$/.exec(hash);
  if (!m) return null;
  const query = new URLSearchParams(m[1]);
  const server = serverAddress(query.get('server') ?? '');
  const mapId = query.get('map') ?? '';
  const secret = query.get('key') ?? '';
  if (!server || !MAP_ID_PATTERN.test(mapId) || !SECRET_PATTERN.test(secret)) return null;
  return { server, mapId, secret };
}
