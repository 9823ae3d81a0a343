/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { VitePWA } from 'vite-plugin-pwa';
import { sandboxBundlePlugin } from './scripts/vite/sandboxBundlePlugin.ts';
import { testManifestPlugin } from './scripts/vite/testManifestPlugin.ts';
import { excalidrawAssetsPlugin } from './scripts/vite/excalidrawAssetsPlugin.ts';
import { pythonSnapshotPlugin } from './scripts/vite/pythonSnapshotPlugin.ts';

// Relative base: the built dist/ works from any plain static file server, at any path.
export default defineConfig({
  base: './',
  // The editors' text hook for browser tests exists only in test builds (npm run build:test).
  define: { __REHEARSE_TEST_HOOKS__: JSON.stringify(process.env.REHEARSE_TEST_HOOKS === '1') },
  plugins: [
    react(),
    tailwindcss(),
    sandboxBundlePlugin(),
    pythonSnapshotPlugin(),
    testManifestPlugin(),
    excalidrawAssetsPlugin(),
    // A service worker precaches the whole build (Monaco, its workers, esbuild.wasm), so after the
    // first visit the app works with no network at all.
    VitePWA({
      registerType: 'autoUpdate',
      // Registered by the app once the page is interactive (src/app/serviceWorker.ts), not at load.
      injectRegister: false,
      manifest: {
        name: 'Rehearse',
        short_name: 'Rehearse',
        description: 'Practise interviews out loud, offline and private.',
        theme_color: '#020617',
        background_color: '#020617',
        display: 'standalone',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        // zip: Python's standard library (python_stdlib.zip); pysnap: the interpreter's snapshot
        // (scripts/vite/pythonSnapshotPlugin.ts). Both so that Python works offline once loaded.
        globPatterns: ['**/*.{js,css,html,wasm,svg,ttf,woff2,json,zip,pysnap}'],
        // The whiteboard's CJK font is 13 MB in 200 files, fetched (from our build) only when such text is drawn.
        globIgnores: ['**/excalidraw/fonts/Xiaolai/**'],
        maximumFileSizeToCacheInBytes: 30 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // Take control of the page that installed the worker, so it is offline-ready without a second visit.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // Property and fuzz tests are CPU-bound: on a busy 2-core machine 5 s is not enough, and a time-out is
    // not what they test.
    testTimeout: 30_000,
  },
});
