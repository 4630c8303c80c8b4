import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { preloadFonts } from './fonts';
import './app/app.css';
import { App } from './app/App';
import { preloadMapPage } from './app/pages';
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

// Opened at a map's address: fetch the editor first, so the first render shows it without suspending.
if (parseRoute(window.location.hash).page === 'map') preloadMapPage().then(render, render);
else render();

// Maps live only in this browser: ask it not to evict them under storage pressure.
void requestPersistentStorage();
