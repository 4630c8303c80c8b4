// The size of each sample map exported as a web page, and of the viewer in it.
//   npm run build && node scripts/webpage-sizes.mjs [dist folder] [--write folder]
// Runs the app's own exporter (src/export/webPage.ts, loaded through Vite's module runner) on the
// built template (dist/viewer.html) and the fonts in node_modules, as the command line will.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lingui } from '@lingui/vite-plugin';
import { createServer, createServerModuleRunner } from 'vite';

const args = process.argv.slice(2);
const writeAt = args.indexOf('--write');
const outDir = writeAt >= 0 ? args.splice(writeAt, 2)[1] : null;
const dist = args[0] ?? 'dist';
const template = readFileSync(join(dist, 'viewer.html'), 'utf8');
// A module runner kept open while the pages are made (the map language's catalogue is imported on
// demand, compiled by the lingui plugin), as bin/journeyboard.mjs does.
const server = await createServer({
  configFile: false,
  logLevel: 'warn',
  appType: 'custom',
  plugins: [lingui()],
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
const load = (id) => runner.import(id);
const [{ composeWebPage, inlineScripts, webPageParts }, { exportMapFile }, { SAMPLES }] = await Promise.all([
  load('./src/export/webPage.ts'),
  load('./src/export/envelope.ts'),
  load('./src/model/samples.ts'),
]);
const require = createRequire(import.meta.url);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const code = inlineScripts(template).join('') + [...template.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('');
console.log(`viewer (JS + CSS): ${kb(code.length)}, ${kb(gzipSync(code).length)} gzip (budget 150 KB gzip)`);
if (outDir) mkdirSync(outDir, { recursive: true });
for (const sample of SAMPLES) {
  const map = sample.build();
  const envelope = exportMapFile(map, [], [], new Date(map.updatedAt)).text;
  const parts = await webPageParts(envelope, map);
  const page = composeWebPage(template, envelope, map, parts, (f) => new Uint8Array(readFileSync(require.resolve(f.path))));
  const bytes = Buffer.byteLength(page.html);
  console.log(`${sample.id}: ${page.filename} ${kb(bytes)} (${kb(gzipSync(page.html).length)} gzip)`);
  if (outDir) writeFileSync(join(outDir, page.filename), page.html);
}
await server.close();
