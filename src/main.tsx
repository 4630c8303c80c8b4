import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './fonts';
import './app/app.css';
import { App } from './app/App';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
