/** The one-process store: a SQLite file (better-sqlite3 12: 13 crashes on Node 20). */
import Database from 'better-sqlite3';
import type { ShareHashes, Store } from './store';

export function sqliteStore(path: string): Store {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS shares (name TEXT PRIMARY KEY, edit_hash TEXT NOT NULL, view_hash TEXT NOT NULL, created_at TEXT NOT NULL);
  `);
  const fetchDoc = db.prepare<[string], { state: Buffer }>('SELECT state FROM documents WHERE name = ?');
  const storeDoc = db.prepare(
    'INSERT INTO documents (name, state, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
  );
  const getShare = db.prepare<[string], { edit_hash: string; view_hash: string }>('SELECT edit_hash, view_hash FROM shares WHERE name = ?');
  const createShare = db.prepare('INSERT INTO shares (name, edit_hash, view_hash, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING');
  const replaceShare = db.prepare('UPDATE shares SET edit_hash = ?, view_hash = ? WHERE name = ?');
  return {
    fetchDocument: async (name) => {
      const row = fetchDoc.get(name);
      return row ? new Uint8Array(row.state) : null;
    },
    storeDocument: async (name, state) => void storeDoc.run(name, Buffer.from(state), new Date().toISOString()),
    getShare: async (name): Promise<ShareHashes | null> => {
      const row = getShare.get(name);
      return row ? { editHash: row.edit_hash, viewHash: row.view_hash } : null;
    },
    createShare: async (name, h) => createShare.run(name, h.editHash, h.viewHash, new Date().toISOString()).changes === 1,
    replaceShare: async (name, h) => void replaceShare.run(h.editHash, h.viewHash, name),
    close: async () => void db.close(),
  };
}
