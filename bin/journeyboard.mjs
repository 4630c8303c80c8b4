#!/usr/bin/env node
/**
 * The `journeyboard` command (package.json "bin"; `npx journeyboard export …` in a checkout).
 *
 * The command is TypeScript (src/cli/exportCommand.ts) over the app's own exporters. Node 20 cannot
 * run TypeScript, so this file loads it through Vite's module runner (`runnerImport`, the API Vite
 * loads its own config with): the same transform the app's build and tests use, straight from the
 * sources, so the command can never run a stale copy of an exporter, needs no build step after
 * `npm ci`, and adds no dependency (Vite is already the build tool). The cost is about a second of
 * start-up. Only Node's file system lives here; the command's logic is in src/cli.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * A Vite server without a port (no HTTP, no file watching, no HMR) and a module runner over its SSR
 * environment. It stays open while the command runs: the exporters load libraries on demand
 * (`import('fflate')`), and those imports go through the same runner.
 */
async function startRunner() {
  const { createServer, createServerModuleRunner } = await import('vite');
  const { lingui } = await import('@lingui/vite-plugin');
  const server = await createServer({
    root,
    configFile: false, // none of the app's plugins (React, PWA) are needed to run plain modules
    plugins: [lingui({ cwd: root })], // but the exporters speak the map's language: its catalogue is a .po file (lingui.config.ts in root, whatever the cwd)
    envFile: false,
    logLevel: 'error',
    appType: 'custom',
    optimizeDeps: { noDiscovery: true, include: [] }, // no pre-bundling scan of the app: nothing here runs in a browser
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
  return { runner, close: () => server.close() };
}

let vite;
let runCli;
try {
  vite = await startRunner();
  ({ runCli } = await vite.runner.import(join(root, 'src/cli/exportCommand.ts')));
} catch (err) {
  console.error(`journeyboard: cannot start (${err instanceof Error ? err.message : String(err)}). Run "npm ci" in ${root} first.`);
  await vite?.close();
  process.exit(1);
}

/** Writes next to the target, then renames: a reader never sees half a file, a failure leaves none. */
async function writeWhole(path, data) {
  await stat(dirname(path)); // a missing folder is an error, not created behind the user's back
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, data, { flag: 'wx' });
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/**
 * The web page's template is the viewer page the app's build writes (dist/viewer.html), so a page
 * made here is the page the built app makes. Without a build (a checkout after `npm ci`), the
 * viewer is built in memory once, the same way the build does it.
 */
let template;
function viewerTemplate() {
  // JOURNEYBOARD_VIEWER: another build's viewer page (tests point it at the build they serve).
  template ??= readFile(process.env.JOURNEYBOARD_VIEWER ?? join(root, 'dist/viewer.html'), 'utf8').catch(async (err) => {
    if (err?.code !== 'ENOENT') throw err;
    process.stderr.write('journeyboard: building the web page viewer (no dist/viewer.html; "npm run build" makes one)\n');
    // The React plugin takes its mode from NODE_ENV, which the module runner's server set to
    // 'development'; in production mode this makes byte for byte the page `vite build` writes.
    process.env.NODE_ENV = 'production';
    const { buildViewer } = await vite.runner.import(join(root, 'vite-plugin-viewer.ts'));
    return (await buildViewer(root)).html;
  });
  return template;
}

const io = {
  web: {
    viewerTemplate,
    // Package-relative font paths, read from the app's own dependencies.
    fontBytes: async (packagePath) => new Uint8Array(await readFile(join(root, 'node_modules', packagePath))),
  },
  readText: (path) => readFile(path, 'utf8'),
  writeFile: writeWhole,
  isDirectory: async (path) => (await stat(path).catch(() => null))?.isDirectory() ?? false,
  resolve: (...parts) => resolve(process.cwd(), ...parts),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  now: () => new Date(),
};

try {
  process.exitCode = await runCli(process.argv.slice(2), io);
} catch (err) {
  console.error(`journeyboard: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
} finally {
  await vite.close();
}
