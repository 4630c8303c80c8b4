/** The store for several instances: PostgreSQL (DATABASE_URL), one row per shared map. */
import pg from 'pg';
import type { ShareHashes, Store } from './store';

export async function postgresStore(url: string, tablePrefix = 'journeyboard'): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const documents = `${tablePrefix}_documents`;
  const shares = `${tablePrefix}_shares`;
  await pool.query(`
    CREATE TABLE IF NOT EXISTS ${documents} (name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated_at TIMESTAMPTZ NOT NULL DEFAULT now());
    CREATE TABLE IF NOT EXISTS ${shares} (name TEXT PRIMARY KEY, edit_hash TEXT NOT NULL, view_hash TEXT NOT NULL, created_at TIMESTAMPTZ NOT NULL DEFAULT now());
  `);
  return {
    fetchDocument: async (name) => {
      const { rows } = await pool.query<{ state: Buffer }>(`SELECT state FROM ${documents} WHERE name = $1`, [name]);
      return rows[0] ? new Uint8Array(rows[0].state) : null;
    },
    storeDocument: async (name, state) => {
      await pool.query(
        `INSERT INTO ${documents} (name, state, updated_at) VALUES ($1, $2, now()) ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated_at = now()`,
        [name, Buffer.from(state)],
      );
    },
    getShare: async (name): Promise<ShareHashes | null> => {
      const { rows } = await pool.query<{ edit_hash: string; view_hash: string }>(`SELECT edit_hash, view_hash FROM ${shares} WHERE name = $1`, [name]);
      return rows[0] ? { editHash: rows[0].edit_hash, viewHash: rows[0].view_hash } : null;
    },
    createShare: async (name, h) => {
      const result = await pool.query(`INSERT INTO ${shares} (name, edit_hash, view_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING`, [name, h.editHash, h.viewHash]);
      return result.rowCount === 1;
    },
    replaceShare: async (name, h) => {
      await pool.query(`UPDATE ${shares} SET edit_hash = $2, view_hash = $3 WHERE name = $1`, [name, h.editHash, h.viewHash]);
    },
    close: () => pool.end(),
  };
}
