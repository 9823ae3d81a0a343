import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { warmUpRunner } from './app/runnerInstance';
import { requestPersistentStorage } from './storage/db';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Start esbuild and the sandbox now, in the background, so the first Run does not pay for them.
warmUpRunner();
void requestPersistentStorage();
