import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadFonts } from './fonts';
import './app/app.css';
import { App } from './app/App';
import { preloadPageFor } from './app/pages';
import { parseRoute } from './app/route';
import { requestPersistentStorage } from './storage';

preloadFonts();

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Fetch the page of the address first (the editor, or the library), so the first render shows it without suspending.
preloadPageFor(parseRoute(window.location.hash)).then(render, render);

// Maps live only in this browser: ask it not to evict them under storage pressure.
void requestPersistentStorage();
