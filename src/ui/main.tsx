import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { probeBackend } from '../engine/client';
import { App } from './App';
import { registerServiceWorker } from './offline/registerServiceWorker';
import './styles.css';
import './a11y.css';
import './landing/landing.css';

registerServiceWorker();
// Debug hook for the e2e tests: which backend a preference lands on (src/engine/client.ts).
Object.assign(window, {
  __probeBackend: (
    preference: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu',
    o: { loseDevice?: boolean } = {},
  ) => probeBackend({ preference, loseDevice: o.loseDevice }),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
