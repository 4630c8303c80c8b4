/**
 * The web page's script: reads the map the page carries (the export envelope in the JSON block
 * buildWebPage writes) through the same restore chain as an import, then shows it read-only.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseImport } from '../export/envelope';
import { ENVELOPE_ELEMENT_ID } from '../export/webPage';
import { guessLanguage, mapTexts, viewerStrings } from './strings';
import { Unreadable, Viewer } from './Viewer';
import './viewer.css';

const root = document.getElementById('root');
if (root) {
  // textContent: the block is data; the JSON's \u003c escapes are read back as "<" by JSON.parse.
  const text = document.getElementById(ENVELOPE_ELEMENT_ID)?.textContent ?? '';
  const result = text ? parseImport(text) : null;
  const map = result?.kind === 'ok' ? result.maps[0] : undefined;
  const lang = document.documentElement.lang || (map ? guessLanguage(mapTexts(map)) : 'en');
  const strings = viewerStrings(lang);
  createRoot(root).render(
    <StrictMode>
      {result?.kind === 'ok' && map ? (
        <Viewer map={map} personas={result.personas} images={result.images} strings={strings} />
      ) : (
        <Unreadable strings={strings} />
      )}
    </StrictMode>,
  );
}
