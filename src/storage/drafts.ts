import { restoreDraft } from '../core/records/restoreDraft';
import { openRehearseDB, type DraftRecord } from './db';

/**
 * A draft's name within its problem: 'solution.ts', 'solution.py', 'notes.md', 'scratchpad.ts',
 * 'whiteboard.json', or a codebase problem's 'project/<language>/<path>' and file list 'project/<language>'
 * (core/practice/projectCode.ts names them). 'solution.ts' keeps the bare problem id as its key, so drafts
 * saved before files existed still load; other drafts are keyed "<problemId>/<name>".
 */
export type DraftFile = string;

export function draftKey(problemId: string, file: DraftFile): string {
  return file === 'solution.ts' ? problemId : `${problemId}/${file}`;
}

export async function loadDraft(problemId: string, file: DraftFile = 'solution.ts'): Promise<DraftRecord | undefined> {
  // Restore defensively: a record that does not have the expected shape is treated as absent.
  return restoreDraft(await (await openRehearseDB()).get('drafts', draftKey(problemId, file))) ?? undefined;
}

export async function saveDraft(problemId: string, code: string, file: DraftFile = 'solution.ts', now = Date.now()): Promise<void> {
  await (await openRehearseDB()).put('drafts', { problemId: draftKey(problemId, file), code, updatedAt: now });
}
