import { defineConfig } from '@lingui/conf';
import { formatter } from '@lingui/format-po';

/**
 * The message catalogues (src/locales/<locale>.po), one per interface language.
 *
 * Messages have explicit ids ("toolbar.addStage") written as `i18n._('toolbar.addStage')`, and the
 * English catalogue holds the English text like any other language. No macro: the app, the web page
 * viewer and the command-line exporter are three builds, and all three then need only the catalogue
 * loader (@lingui/vite-plugin), not a Babel pass (@rolldown/plugin-babel requires Node 22).
 *
 * `npm run i18n:check` (in CI) extracts the ids from the code and fails on an id missing from a
 * catalogue, an empty translation, or a catalogue entry no code uses.
 */
export default defineConfig({
  locales: ['en', 'th', 'fa', 'vi'],
  sourceLocale: 'en',
  fallbackLocales: false,
  catalogs: [{ path: '<rootDir>/src/locales/{locale}', include: ['<rootDir>/src'], exclude: ['**/node_modules/**'] }],
  // No file names or line numbers in the catalogues: they would change with every edit of the code.
  format: formatter({ origins: false, lineNumbers: false, explicitIdAsDefault: true, printPlaceholdersInComments: false }),
  orderBy: 'messageId',
});
