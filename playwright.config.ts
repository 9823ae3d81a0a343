import { defineConfig } from '@playwright/test';
import { BASE_ARGS, CHROMIUM, FAKE_MICROPHONE_ARGS } from './e2e/fixtures/browser';

/**
 * End-to-end tests drive the production build (vite preview) in the system Chromium. Never download a
 * browser: CI installs Debian's chromium (.ci/run). The flags keep Chromium off the closed network.
 */
// E2E_PORT / E2E_DIST let several checkouts' builds be tested side by side; CI uses the defaults.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const DIST = process.env.E2E_DIST ?? 'dist';
/** Journeys that record audio: they run with Chromium's fake microphone. */
const RECORDING_SPECS = /((record|replay|share|pause)-a-session|never-lose-a-session|back-up-everything|coding-clarifications)\.spec\.ts/;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  globalSetup: './e2e/global-setup.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: CHROMIUM, args: BASE_ARGS },
  },
  projects: [
    // Every journey but the recording one, exactly as before: no microphone at all.
    { name: 'chromium', testIgnore: RECORDING_SPECS },
    // The recording journeys: Chromium's fake microphone plays a WAV made by the global setup, and its
    // permission prompt is answered "allow" (a spec that needs "deny" launches without that flag).
    {
      name: 'fake-microphone',
      testMatch: RECORDING_SPECS,
      use: {
        launchOptions: {
          executablePath: CHROMIUM,
          args: [...BASE_ARGS, ...FAKE_MICROPHONE_ARGS, '--use-fake-ui-for-media-stream'],
        },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort --host 127.0.0.1 --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
