/**
 * An API scenario's Requests pane (docs/decisions/api-scenarios.md): Send, resend, the history kept per
 * problem and language as a draft, Restart service. Every Send the runner answers is logged at the time of
 * the Send as a `request` event (its outcome bounded as core/api/loggedRequest.ts says), every restart as a
 * `service-restart`; a refused Send (malformed JSON, a bad header line) sends and logs nothing.
 *
 * One request at a time: a second Send while one is on its way is refused (the button says "Sending…"),
 * not queued. The service answers one request at a time anyway, a queue would hide a handler that never
 * returns behind requests the person can no longer see leaving, and the log stays one outcome per Send
 * in the order they were sent.
 */
import type { HttpHeader, HttpRequest, RequestOutcome } from '../../core/api/http';
import { outcomeSummary } from '../../core/api/formatResponse';
import { loggedOutcome } from '../../core/api/loggedRequest';
import { parseRequest, type RequestDraft } from '../../core/api/parseRequest';
import {
  EMPTY_REQUEST_DRAFT,
  parseRequestMemory,
  requestsDraftName,
  serialiseRequestMemory,
  withSent,
  type SentRequest,
} from '../../core/api/requestHistory';
import type { Language } from '../../core/languages/registry';
import type { Problem } from '../../core/problems/types';
import type { ConsoleLine, ServiceReply } from '../../runner/types';
import { emptyRequests, isPaused, type RequestsView } from '../state';
import type { EngineCore } from './core';
import type { Drafts } from './drafts';

/** The service of a problem in a language: its key and entry, or null when that code has none. */
export function serviceOf(problem: Problem | null, language: Language): { key: string; entry: string } | null {
  const service = problem?.code[language]?.service;
  return problem && service ? { key: `${problem.id}:${language}`, entry: service.entry } : null;
}

const headersText = (headers: readonly HttpHeader[]) => headers.map(([n, v]) => `${n}: ${v}`).join('\n');

/** The form filled with a request sent before (a resend shows what it sent). */
const draftOf = (request: HttpRequest): RequestDraft => ({
  method: request.method,
  path: request.path,
  headers: headersText(request.headers),
  body: request.body,
});

export class Requests {
  constructor(
    private readonly core: EngineCore,
    private readonly drafts: Drafts,
  ) {}

  private get view(): RequestsView {
    return this.core.state.requests;
  }

  private patch(patch: Partial<RequestsView>): void {
    this.core.set((s) => ({ requests: { ...s.requests, ...patch } }));
  }

  /** The memory of the open problem in `language` (after an open or a language choice): read from its draft. */
  async load(problem: Problem, language: Language): Promise<void> {
    const service = serviceOf(problem, language);
    this.core.set({ requests: { ...emptyRequests(), serviceKey: service?.key ?? null, loaded: !service } });
    if (!service) return;
    const stored = await this.core.storage.loadDraft(problem.id, requestsDraftName(language)).catch(() => undefined);
    if (this.view.serviceKey !== service.key || this.view.loaded) return; // the person moved on, or typed first
    const memory = parseRequestMemory(stored?.code);
    this.patch({ ...memory, loaded: true });
  }

  /** What is typed in the form changed: kept at once, saved once typing rests. */
  setDraft(patch: Partial<RequestDraft>): void {
    if (!this.view.serviceKey) return;
    this.patch({ draft: { ...this.view.draft, ...patch }, problems: [], loaded: true });
    this.save();
  }

  private save(): void {
    const { language } = this.core.state;
    const { draft, history } = this.view;
    this.drafts.change(requestsDraftName(language), serialiseRequestMemory({ draft, history }));
  }

  /** Send what the form holds: refused with its problems (nothing sent, nothing logged) unless it parses. */
  async send(): Promise<void> {
    if (!this.canSend()) return;
    const parsed = parseRequest(this.view.draft);
    if (!parsed.ok) {
      this.patch({ problems: parsed.problems, notice: null });
      return;
    }
    await this.exchange(parsed.request);
  }

  /** Send a request of the history again, as it was sent (the form shows it). */
  async resend(index: number): Promise<void> {
    const sent = this.view.history[index];
    if (!sent || !this.canSend()) return;
    this.patch({ draft: draftOf(sent.request), problems: [] });
    await this.exchange(sent.request);
  }

  private canSend(): boolean {
    const { problem, language, clock } = this.core.state;
    if (!serviceOf(problem, language) || this.view.sending || this.view.restarting) return false;
    if (isPaused(clock)) {
      this.patch({ notice: 'The session is paused: Resume to send requests.' });
      return false;
    }
    return true;
  }

  private async exchange(request: HttpRequest): Promise<void> {
    const { core } = this;
    const { problem, language, files } = core.state;
    const service = serviceOf(problem, language)!;
    const at = core.now();
    this.patch({ sending: true, problems: [], notice: null });
    const reply = await this.ask(service, language, files, request);
    // Logged whatever the page shows now: the request reached the service at `at`.
    core.recorder.log({ type: 'request', request, outcome: loggedOutcome(reply.outcome) }, at);
    if (this.view.serviceKey !== service.key) return; // another problem or language is open: its pane is not this one
    const sent: SentRequest = { at, request, outcome: reply.outcome };
    this.patch({ sending: false, shown: sent, history: withSent(this.view.history, sent) });
    this.save();
    const line: ConsoleLine = {
      level: reply.outcome.kind === 'response' ? 'info' : 'error',
      text: `${request.method} ${request.path} → ${outcomeSummary(reply.outcome)}`,
    };
    core.set({ console: [line, ...reply.console] });
  }

  private async ask(
    service: { key: string; entry: string },
    language: Language,
    files: Readonly<Record<string, string>>,
    request: HttpRequest,
  ): Promise<ServiceReply> {
    const failed = (message: string): ServiceReply => ({ outcome: { kind: 'error', message }, console: [] });
    try {
      const runner = await this.core.requireConnections().runner();
      if (!runner.request) return failed('This build of Rehearse cannot run services.');
      return await runner.request({ serviceKey: service.key, language, files, entry: service.entry, request });
    } catch (e) {
      // The runner promises never to reject; if it does anyway, the Send still ends, with what happened.
      const outcome: RequestOutcome = { kind: 'error', message: `The code runner failed: ${e instanceof Error ? e.message : String(e)}` };
      return { outcome, console: [] };
    }
  }

  /** Empties the history (what is typed stays). */
  clearHistory(): void {
    if (!this.view.serviceKey || this.view.sending) return;
    this.patch({ history: [], shown: null });
    this.save();
  }

  /** Stops the service so the next Send starts it from the files; its data (the disk) is kept. */
  async restart(): Promise<void> {
    const { core } = this;
    const service = serviceOf(core.state.problem, core.state.language);
    if (!service || this.view.sending || this.view.restarting) return;
    this.patch({ restarting: true, notice: null });
    const failure = await this.stop([service.key]);
    core.recorder.log({ type: 'service-restart' });
    if (this.view.serviceKey !== service.key) return;
    this.patch({ restarting: false, notice: failure });
    if (!failure)
      core.set({ console: [{ level: 'info', text: 'Service restarted: the next request starts it again, with its data kept.' }] });
  }

  private async stop(keys: string[]): Promise<string | null> {
    try {
      const runner = await this.core.requireConnections().runner();
      await Promise.all(keys.map((key) => runner.restartService?.(key)));
      return null;
    } catch (e) {
      return `Could not restart the service: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** New attempt: every language's service stops and the pane starts empty (its drafts are written fresh by Attempts). */
  async newAttempt(problem: Problem): Promise<void> {
    const keys = (Object.keys(problem.code) as Language[]).map((l) => serviceOf(problem, l)?.key).filter((k): k is string => !!k);
    if (keys.length === 0) return;
    this.core.set({
      requests: { ...emptyRequests(), serviceKey: serviceOf(problem, this.core.state.language)?.key ?? null, loaded: true },
    });
    await this.stop(keys);
  }
}

/** The fresh memory New attempt writes for every language with a service. */
export const freshRequestDrafts = (problem: Problem): { file: string; text: string }[] =>
  (Object.keys(problem.code) as Language[])
    .filter((l) => serviceOf(problem, l))
    .map((l) => ({ file: requestsDraftName(l), text: serialiseRequestMemory({ draft: { ...EMPTY_REQUEST_DRAFT }, history: [] }) }));
