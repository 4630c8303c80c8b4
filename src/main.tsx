import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './fonts';
import './app/app.css';
import { App } from './app/App';
import { requestPersistentStorage } from './storage';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Maps live only in this browser: ask it not to evict them under storage pressure.
void requestPersistentStorage();
