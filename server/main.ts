/**
 * `npm run server`: one sync server process. Alone it keeps documents in a SQLite file
 * (JOURNEYBOARD_DATA, default ./journeyboard-sync.sqlite); with DATABASE_URL and REDIS_URL it
 * keeps them in PostgreSQL and serves together with every other instance on that Redis.
 *
 *   PORT                   port to listen on (default 4455)
 *   HOST                   address to listen on (default 127.0.0.1; 0.0.0.0 for the team's network)
 *   JOURNEYBOARD_TEAM_KEY  when set, only clients that know it may share a new map here
 *   JOURNEYBOARD_NAME      this instance's name among several
 */
import { startSyncServer } from './app';
import { postgresStore } from './postgres';
import { sqliteStore } from './sqlite';

const env = process.env;
const port = Number(env.PORT ?? 4455);
const host = env.HOST ?? '127.0.0.1';
const databaseUrl = env.DATABASE_URL ?? null;
const redisUrl = env.REDIS_URL ?? null;

if (Boolean(databaseUrl) !== Boolean(redisUrl)) {
  console.error('Set both DATABASE_URL and REDIS_URL to run several instances, or neither for one process with a SQLite file.');
  process.exit(2);
}

const store = databaseUrl ? await postgresStore(databaseUrl) : sqliteStore(env.JOURNEYBOARD_DATA ?? 'journeyboard-sync.sqlite');
const server = await startSyncServer({
  store,
  port,
  address: host,
  teamKey: env.JOURNEYBOARD_TEAM_KEY || null,
  redisUrl,
  name: env.JOURNEYBOARD_NAME ?? `journeyboard-${process.pid}`,
});
console.log(`Journeyboard sync server: ${server.url}`);
console.log(databaseUrl ? 'Documents in PostgreSQL, instances joined through Redis.' : `Documents in ${env.JOURNEYBOARD_DATA ?? 'journeyboard-sync.sqlite'}.`);
if (env.JOURNEYBOARD_TEAM_KEY) console.log('Sharing a new map here needs the team key.');

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // Closing every connection unloads each document, which stores it: a restart loses nothing.
  await server.destroy();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
