/**
 * One runner client per language (issue 28): everything the runner does differently for a language —
 * compiling, starting its runtime, running a request, mapping its errors — lives in that language's
 * client, and the runner only dispatches by `request.language`. The map below must name a client for every
 * language of the registry (`satisfies`), so adding a language = one registry entry
 * (core/languages/registry.ts) + one client here.
 */
import { LANGUAGES, type Language } from '../../core/languages/registry';
import type { RunnerClient, RunnerClientParts } from './client';
import { PythonClient } from './python';
import { TypeScriptClient } from './typescript';

export type { RunnerClient, RunnerClientParts } from './client';

export const RUNNER_CLIENTS = {
  typescript: (parts) => new TypeScriptClient(parts),
  python: (parts) => new PythonClient(parts),
} satisfies Record<Language, (parts: RunnerClientParts) => RunnerClient>;

export type RunnerClients = Record<Language, RunnerClient>;

export function createRunnerClients(parts: RunnerClientParts): RunnerClients {
  const clients: Partial<RunnerClients> = {};
  for (const language of LANGUAGES) clients[language] = RUNNER_CLIENTS[language](parts);
  return clients as RunnerClients;
}
