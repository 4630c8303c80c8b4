import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { lingui } from '@lingui/vite-plugin';
import { VitePWA } from 'vite-plugin-pwa';
import { viewerPlugin } from './vite-plugin-viewer.ts';

// base './' so the built app works from any folder and from a plain file server
// (routing is by hash, so no server rewrites are needed).
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // Message catalogues (src/locales/*.po) compiled when imported; a missing translation fails the build.
    lingui({ failOnMissing: true, failOnCompileError: true }),
    // The web page export's viewer, built from src/viewer into one html file (see the plugin).
    viewerPlugin(),
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script-defer',
      // Precache everything the app needs, fonts included, so it works offline after the first visit.
      workbox: {
        globPatterns: ['**/*.{js,css,html,woff2,svg,png,webmanifest}'],
        navigateFallback: 'index.html',
      },
      manifest: {
        name: 'Journeyboard',
        short_name: 'Journeyboard',
        description: 'Local-first studio for customer journey maps and personas',
        theme_color: '#1f3a5f',
        background_color: '#ffffff',
        display: 'standalone',
        start_url: './',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
    }),
  ],
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    setupFiles: ['tests/setup.ts'],
    // Room for a slow, shared CI machine: jsdom UI tests that take 1-2 s here took over the
    // default 5 s there. Speed is measured by `npm run bench`, never by a test's timeout.
    testTimeout: 30_000,
  },
});
