/**
 * Builds the bare React Flow page (bench/bare) for `npm run bench`:
 *   vite build --config bench/vite.bare.config.ts --outDir <dir>
 * Its own root and no PWA plugin: the page is the floor, not the app.
 */
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { emptyOutDir: true },
});
