/**
 * The workspace's view of the practice engine (src/practice): a selector hook over its store, and the
 * engine's actions under the names the components use. Behaviour lives in the engine, not here.
 */
import { useStore } from 'zustand';
import { practice, type PracticeState } from '../../practice';
import type { RequestDraft } from '../../core/api/parseRequest';
import type { Language } from '../../core/problems/language';
import type { Problem } from '../../core/problems/types';
import type { TextChange } from '../../core/session/types';
import type { RunMode } from '../../runner/types';

const actions = {
  open: (problem: Problem) => practice.open(problem),
  close: (options: { keepRecording: boolean }) => practice.close(options),
  setCode: (code: string, bufferKey?: string) => practice.setCode(code, bufferKey),
  setNotes: (notes: string) => practice.setNotes(notes),
  flushDrafts: () => practice.flushDrafts(),
  start: () => practice.start(),
  pause: () => practice.pause(),
  resume: () => practice.resume(),
  nextPhase: () => practice.nextPhase(),
  chooseProtocol: (protocolId: string) => practice.chooseProtocol(protocolId),
  run: (mode: RunMode) => practice.run(mode),
  revealClarification: (question: string) => practice.revealClarification(question),
  askQuestion: (text: string) => practice.askQuestion(text),
  recordCodeEdit: (changes: TextChange[]) => practice.recordCodeEdit(changes),
  endSession: () => practice.endSession(),
  continueSession: () => practice.continueSession(),
  continueDraft: () => practice.continueDraft(),
  newAttempt: () => practice.newAttempt(),
  chooseLanguage: (language: Language) => practice.chooseLanguage(language),
  warmUpLanguage: (about?: Language) => practice.warmUpLanguage(about),
  prepareRuns: () => practice.prepareRuns(),
  referenceOpened: () => practice.referenceOpened(),
  openFile: (path: string, at?: { line: number; column?: number }) => practice.openFile(path, at),
  closeFile: (path: string) => practice.closeFile(path),
  createFile: (path: string) => practice.createFile(path),
  renameFile: (from: string, to: string) => practice.renameFile(from, to),
  deleteFile: (path: string) => practice.deleteFile(path),
  refuseReadOnlyEdit: () => practice.refuseReadOnlyEdit(),
  dismissFileNotice: () => practice.dismissFileNotice(),
  chooseFeatures: (ids: readonly string[]) => practice.chooseFeatures(ids),
  setRequestDraft: (patch: Partial<RequestDraft>) => practice.setRequestDraft(patch),
  sendRequest: () => practice.sendRequest(),
  resendRequest: (index: number) => practice.resendRequest(index),
  clearRequestHistory: () => practice.clearRequestHistory(),
  restartService: () => practice.restartService(),
};

export type WorkspaceActions = typeof actions;

export function useWorkspace<T>(selector: (s: PracticeState) => T): T {
  return useStore(practice.store, selector);
}

/** Whether the current attempt has anything in it (the engine's one rule), so New attempt is offered. */
export function useAttemptHasWork(): boolean {
  return useStore(practice.store, () => practice.hasWork());
}

/** The current state with the actions, for event handlers (no subscription). */
useWorkspace.getState = (): PracticeState & WorkspaceActions => ({ ...practice.state, ...actions });
