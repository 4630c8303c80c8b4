/**
 * What the app and the sync server say to each other beyond Yjs: the token a client
 * authenticates with, the stateless messages on an open connection, and the reasons the server
 * gives when it refuses or closes one (codes; the app words them from its catalogue). Pure, and
 * shared by both sides (server/ imports it), so there is one definition of each.
 */

/** Secrets are 32 random bytes, base64url (src/sync/links.ts newSecret). */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;
/** Map ids are the document names on the server. */
export const MAP_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** Link secrets for a map: whoever holds the edit one may edit, the view one may only read. */
export interface LinkSecrets {
  editSecret: string;
  viewSecret: string;
}

export type Token =
  /** Joining (or coming back to) a shared map with one of its link secrets. */
  | { secret: string }
  /** Sharing a map for the first time: the secrets of its two links, and the server's team key if it has one. */
  | { create: LinkSecrets; teamKey?: string };

/** Why the server refused a connection (authentication) or closed one. */
export const REFUSALS = [
  'unknown-map',
  'wrong-secret',
  'team-key',
  'bad-token',
  'map-exists',
  'revoked',
  'rate-limited',
  'too-large',
] as const;
export type Refusal = (typeof REFUSALS)[number];

/** The WebSocket close codes (application range) of the reasons the server closes a connection for. */
export const CLOSE_CODES = { revoked: 4403, 'too-large': 4413, 'rate-limited': 4429 } as const satisfies Partial<Record<Refusal, number>>;
export type CloseReason = keyof typeof CLOSE_CODES;

/** The reason behind a close code, or undefined for any other code. */
export function closeReason(code: number): CloseReason | undefined {
  return (Object.keys(CLOSE_CODES) as CloseReason[]).find((r) => CLOSE_CODES[r] === code);
}

export function isRefusal(reason: unknown): reason is Refusal {
  return typeof reason === 'string' && (REFUSALS as readonly string[]).includes(reason);
}

export const encodeToken = (token: Token): string => JSON.stringify(token);

const isSecret = (v: unknown): v is string => typeof v === 'string' && SECRET_PATTERN.test(v);
const isSecrets = (v: unknown): v is LinkSecrets =>
  typeof v === 'object' && v !== null && isSecret((v as LinkSecrets).editSecret) && isSecret((v as LinkSecrets).viewSecret) && (v as LinkSecrets).editSecret !== (v as LinkSecrets).viewSecret;

/** The token a client sent, or null when it is not one (any string may arrive). */
export function parseToken(raw: unknown): Token | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  if (isSecret(v.secret)) return { secret: v.secret };
  if (isSecrets(v.create)) {
    if (v.teamKey !== undefined && (typeof v.teamKey !== 'string' || v.teamKey.length > 512)) return null;
    return { create: { editSecret: v.create.editSecret, viewSecret: v.create.viewSecret }, ...(typeof v.teamKey === 'string' ? { teamKey: v.teamKey } : {}) };
  }
  return null;
}

/** Stateless messages: a client with the edit link asks for new links (the old ones stop working). */
export type ClientMessage = { type: 'reissue'; secrets: LinkSecrets };
/** The server's answers: the links were reissued (to the one who asked), or refused. */
export type ServerMessage = { type: 'reissued' } | { type: 'refused'; reason: Refusal };

export function parseClientMessage(raw: string): ClientMessage | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    return v.type === 'reissue' && isSecrets(v.secrets) ? { type: 'reissue', secrets: { editSecret: v.secrets.editSecret, viewSecret: v.secrets.viewSecret } } : null;
  } catch {
    return null;
  }
}

export function parseServerMessage(raw: string): ServerMessage | null {
  try {
    const v = JSON.parse(raw) as Record<string, unknown>;
    if (v.type === 'reissued') return { type: 'reissued' };
    if (v.type === 'refused' && isRefusal(v.reason)) return { type: 'refused', reason: v.reason };
    return null;
  } catch {
    return null;
  }
}
