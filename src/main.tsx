import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadFonts } from './fonts';
import './app/app.css';
import { App } from './app/App';
import { preloadPageFor } from './app/pages';
import { parseRoute } from './app/route';
import { requestPersistentStorage } from './storage';
import { activateInterface, i18n } from './i18n';
import { initialLocale } from './i18n/locales';
import { I18nProvider } from './i18n/react';

preloadFonts();

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={i18n}>
        <App />
      </I18nProvider>
    </StrictMode>,
  );
}

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// The interface language (remembered, else the browser's) and the page of the address (the editor, or
// the library) load together, so the first render shows both without suspending. Only the chosen
// language's catalogue is fetched; should it fail, the page still opens, in English.
const locale = initialLocale(safeStorage(), navigator.languages ?? [navigator.language]);
const ready = activateInterface(locale, false).catch(() => activateInterface('en', false));
Promise.all([ready, preloadPageFor(parseRoute(window.location.hash))]).then(render, render);

// Maps live only in this browser: ask it not to evict them under storage pressure.
void requestPersistentStorage();
