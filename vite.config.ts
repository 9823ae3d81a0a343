import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { sandboxBundlePlugin } from './scripts/vite/sandboxBundlePlugin';

// Relative base: the built dist/ works from any plain static file server, at any path.
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), sandboxBundlePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
  },
});
