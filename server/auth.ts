/**
 * Who may open a shared map: a client shows a link secret, and the server compares its hash with
 * the ones it keeps (never the secrets themselves); the edit link's holder edits, the view
 * link's reads. A first share records the hashes, if the client knows the server's team key
 * when it has one. Refusals are codes the app words (src/sync/protocol.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { MAP_ID_PATTERN, parseToken, type Refusal } from '../src/sync/protocol';
import type { Store } from './store';

export type Role = 'edit' | 'view';

export interface Grant {
  role: Role;
  /** The hash of the secret this connection came with, to notice when its link is revoked. */
  secretHash: string;
}

/** Thrown to Hocuspocus, which sends `reason` to the client as the authentication failure. */
export class Refused extends Error {
  constructor(readonly reason: Refusal) {
    super(reason);
  }
}

export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** Constant-time comparison of two hex hashes (of equal length by construction). */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The role `secretHash` has on a map whose links hash to `share`, or null when it has none now. */
export function roleOf(share: { editHash: string; viewHash: string } | null, secretHash: string): Role | null {
  if (!share) return null;
  if (sameHash(share.editHash, secretHash)) return 'edit';
  if (sameHash(share.viewHash, secretHash)) return 'view';
  return null;
}

export async function authorize(store: Store, mapId: string, rawToken: unknown, teamKeyHash: string | null): Promise<Grant> {
  const token = parseToken(rawToken);
  if (!token || !MAP_ID_PATTERN.test(mapId)) throw new Refused('bad-token');
  const share = await store.getShare(mapId);
  if ('secret' in token) {
    if (!share) throw new Refused('unknown-map');
    const secretHash = hashSecret(token.secret);
    const role = roleOf(share, secretHash);
    if (!role) throw new Refused('wrong-secret');
    return { role, secretHash };
  }
  const editHash = hashSecret(token.create.editSecret);
  // Sharing again with the same secrets (a reconnect before the app switched tokens) is joining.
  if (share) {
    if (sameHash(share.editHash, editHash)) return { role: 'edit', secretHash: editHash };
    throw new Refused('map-exists');
  }
  if (teamKeyHash !== null && (token.teamKey === undefined || !sameHash(teamKeyHash, hashSecret(token.teamKey)))) throw new Refused('team-key');
  const created = await store.createShare(mapId, { editHash, viewHash: hashSecret(token.create.viewSecret) });
  if (!created) throw new Refused('map-exists');
  return { role: 'edit', secretHash: editHash };
}
