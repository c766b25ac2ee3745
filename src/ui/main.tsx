import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { registerServiceWorker } from './offline/registerServiceWorker';
import './styles.css';
import './a11y.css';
import './landing/landing.css';

registerServiceWorker();
void import('./debug/backendProbe').then((m) => m.exposeProbe(window)); // e2e/debug hook

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
