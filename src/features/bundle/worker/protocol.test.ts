import { describe, expect, it } from 'vitest';
import { isImportRequest, isImportResponse } from './protocol';

describe('import protocol guards', () => {
  it('accepts well-formed requests only', () => {
    expect(isImportRequest({ type: 'check', id: 1, file: new Blob(['x']), knownProblemIds: ['a'] })).toBe(true);
    expect(isImportRequest({ type: 'check', id: 1, file: 'x', knownProblemIds: [] })).toBe(false);
    expect(isImportRequest({ type: 'check', id: 1, file: new Blob(['x']), knownProblemIds: [1] })).toBe(false);
    expect(isImportRequest({ type: 'save', id: 2, checkId: 1, mode: 'replace' })).toBe(true);
    expect(isImportRequest({ type: 'save', id: 2, checkId: 1, mode: 'overwrite' })).toBe(false);
    expect(isImportRequest({ type: 'discard', id: 3, checkId: 1 })).toBe(true);
    expect(isImportRequest({ type: 'discard', checkId: 1 })).toBe(false);
  });

  it('accepts well-formed responses only', () => {
    expect(isImportResponse({ type: 'progress', id: 1, stage: 'log', fraction: 0.5 })).toBe(true);
    expect(isImportResponse({ type: 'progress', id: 1, stage: 'receiving', fraction: 0.5 })).toBe(false);
    const summary = { checkId: 1, problem: { id: 'p', title: 'P' }, session: { id: 's', startedAt: 1 }, review: null, eventCount: 0 };
    expect(isImportResponse({ type: 'checked', id: 1, summary })).toBe(true);
    expect(isImportResponse({ type: 'checked', id: 1, summary: { ...summary, session: { id: 's' } } })).toBe(false);
    expect(isImportResponse({ type: 'refused', id: 1, code: 'not-zip', message: 'm' })).toBe(true);
    expect(isImportResponse({ type: 'saved', id: 2, sessionId: 's' })).toBe(true);
    expect(isImportResponse({ type: 'save-failed', id: 2, reason: 'quota', message: 'm' })).toBe(true);
    expect(isImportResponse({ type: 'save-failed', id: 2, reason: 'disk', message: 'm' })).toBe(false);
    expect(isImportResponse({ type: 'internal-error', id: 2, message: 'm' })).toBe(true);
    expect(isImportResponse({ type: 'events', id: 2, events: [] })).toBe(false);
  });
});
