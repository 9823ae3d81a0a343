import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { registerServiceWorkerWhenInteractive } from './app/serviceWorker';
import { watchRecorder } from './features/plan/watchRecorder';
import './styles.css';
import { startTheme } from './features/theme';

// Before the first render, so a light system never sees a dark flash.
startTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// The runner (esbuild-wasm, the sandbox) warms up once the editor is on screen, or when the catalog is
// idle (src/runner/instance.ts): starting it at load competed with Monaco for the CPU and doubled the
// time to an editable editor.
// Persistent storage is asked for at the first recorded session (features/plan/watchRecorder.ts), where a
// person sees why; each finished session is graded and checked off the plan.
watchRecorder();
void registerServiceWorkerWhenInteractive();
