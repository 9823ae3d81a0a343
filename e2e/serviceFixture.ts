/**
 * Drives the runner's service mode the way the Requests pane will (`runner.request`, `restartService`),
 * through the test build's hook (`window.__rehearseRunner`, src/runner/instance.ts), with a small service of
 * our own in each language (e2e/fixtures/service/). Shared by the journey and the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HttpMethod, RequestOutcome } from '../src/core/api/http';
import type { Language } from '../src/core/languages/registry';
import type { ConsoleLine, Runner, ServiceRequest } from '../src/runner/types';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'service');

/** The fixture's project in a language: its files, and its entry. */
export function fixtureProject(language: Language): { files: Record<string, string>; entry: string } {
  const ext = language === 'python' ? 'py' : 'ts';
  const files = Object.fromEntries(
    ['server', 'routes'].map((name) => [`${name}.${ext}`, readFileSync(join(FIXTURE, `${name}.${ext}`), 'utf8')]),
  );
  return { files, entry: `server.${ext}` };
}

export interface Sent {
  outcome: RequestOutcome;
  console: ConsoleLine[];
  /** The body's length, when there was a response (the body itself is left in the page when long). */
  bodyLength: number;
}

export interface SendOptions {
  serviceKey: string;
  language: Language;
  files: Record<string, string>;
  entry: string;
  method?: HttpMethod;
  path: string;
  body?: string;
  headers?: [string, string][];
  timeoutMs?: number;
}

type HookWindow = { __rehearseRunner: () => Promise<Runner> };

/** One request through the app's runner; a body over 2 kB comes back cut to its first 100 characters. */
export function send(page: Page, options: SendOptions): Promise<Sent> {
  return page.evaluate(async (o) => {
    const runner = await (window as unknown as HookWindow).__rehearseRunner();
    const request: ServiceRequest = {
      serviceKey: o.serviceKey,
      language: o.language,
      files: o.files,
      entry: o.entry,
      request: { method: o.method ?? 'GET', path: o.path, headers: o.headers ?? [], body: o.body ?? '' },
      ...(o.timeoutMs === undefined ? {} : { timeoutMs: o.timeoutMs }),
    };
    const reply = await runner.request(request);
    const outcome = reply.outcome;
    if (outcome.kind !== 'response') return { outcome, console: reply.console, bodyLength: 0 };
    const body = outcome.response.body;
    const kept = body.length > 2048 ? body.slice(0, 100) : body;
    return { outcome: { ...outcome, response: { ...outcome.response, body: kept } }, console: reply.console, bodyLength: body.length };
  }, options);
}

export function restartService(page: Page, serviceKey: string): Promise<void> {
  return page.evaluate(async (key) => (await (window as unknown as HookWindow).__rehearseRunner()).restartService(key), serviceKey);
}
