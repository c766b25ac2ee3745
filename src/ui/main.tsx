import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  return <h1>Gradient Variance Playground</h1>;
}

void import('./debug/backendProbe').then((m) => m.exposeProbe(window)); // e2e/debug hook

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
