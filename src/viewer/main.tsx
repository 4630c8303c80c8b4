/**
 * The web page's script: reads the map the page carries (the export envelope in the JSON block
 * buildWebPage writes) through the same restore chain as an import, then shows it read-only, in
 * the words of the messages the page carries next to it (the map's language, already compiled:
 * nothing is fetched, and no other language is in the page).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseImport } from '../export/envelope';
import { catalogueI18n, ENVELOPE_ELEMENT_ID, MESSAGES_ELEMENT_ID, parseEmbeddedCatalogue } from '../export/webPage';
import { I18nProvider } from '../i18n/react';
import { Unreadable, Viewer } from './Viewer';
import './viewer.css';

const root = document.getElementById('root');
if (root) {
  // textContent: the blocks are data; the JSON's \u003c escapes are read back as "<" by JSON.parse.
  const text = document.getElementById(ENVELOPE_ELEMENT_ID)?.textContent ?? '';
  const result = text ? parseImport(text) : null;
  const map = result?.kind === 'ok' ? result.maps[0] : undefined;
  // A page without its messages (not one Journeyboard wrote) shows the message ids' defaults only.
  const catalogue = parseEmbeddedCatalogue(document.getElementById(MESSAGES_ELEMENT_ID)?.textContent) ?? { locale: 'en', messages: {} };
  const i18n = catalogueI18n(catalogue);
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        {result?.kind === 'ok' && map ? <Viewer map={map} personas={result.personas} images={result.images} /> : <Unreadable />}
      </I18nProvider>
    </StrictMode>,
  );
}
