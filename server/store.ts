/**
 * Where the server keeps what it keeps: each shared map's Yjs state, and the hashes of its two
 * link secrets (never the secrets). Two homes with one face: a SQLite file for one process
 * (./sqlite.ts), PostgreSQL for several behind Redis (./postgres.ts).
 */
export interface ShareHashes {
  editHash: string;
  viewHash: string;
}

export interface Store {
  fetchDocument(name: string): Promise<Uint8Array | null>;
  storeDocument(name: string, state: Uint8Array): Promise<void>;
  getShare(name: string): Promise<ShareHashes | null>;
  /** Records a new shared map; false when the name is taken (someone shared it first). */
  createShare(name: string, hashes: ShareHashes): Promise<boolean>;
  /** New links for a shared map: the old secrets stop working. */
  replaceShare(name: string, hashes: ShareHashes): Promise<void>;
  close(): Promise<void>;
}
