/**
 * A small static file server for the benchmark: /app/ serves the production build of the
 * app, /bare/ the bare React Flow page, /data/ the generated graphs. No compression (the
 * browser is on the same machine; bundle sizes are reported as gzip separately), no caching
 * headers beyond the defaults, so every run sees the same thing.
 */
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
};

/** roots: { app: '/abs/dir', bare: '/abs/dir', data: '/abs/dir' }. Resolves to { url, close() }. */
export function serve(roots, port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [, mount, ...rest] = decodeURIComponent(url.pathname).split('/');
    const root = roots[mount ?? ''];
    if (!root) {
      res.writeHead(404).end('not found');
      return;
    }
    let file = normalize(join(root, ...rest));
    if (!file.startsWith(root + sep) && file !== root) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      const size = statSync(file).size;
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': size, 'cache-control': 'no-cache' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    );
  });
}
