/**
 * What a design session adds to its bundle (format version 2): `whiteboard.svg`, the final board drawn
 * from the log, and a section of report.md that shows it and the design facts. Derived files: an importer
 * checks their checksum and never parses or renders them (the board itself travels in events.jsonl).
 */
import { strToU8 } from 'fflate';
import { computeDesignFacts, isDesignSession } from '../analysis/designFacts';
import { designReadinessChecklist } from '../analysis/designReadiness';
import { formatDuration } from '../analysis/formatDuration';
import type { BoardEvent, SessionEvent } from '../session/types';
import type { SessionRecord } from '../records/types';
import { createBoardReplay } from '../whiteboard/boardReplay';
import { boardToSvg } from '../whiteboard/boardShapes';

export const WHITEBOARD_FILE = 'whiteboard.svg';

const boardEvents = (events: readonly SessionEvent[]) => events.filter((e): e is BoardEvent => e.type === 'board');

/** whiteboard.svg when the session has a board, else nothing. */
export function whiteboardFiles(events: readonly SessionEvent[]): Map<string, Uint8Array> {
  const changes = boardEvents(events);
  if (changes.length === 0) return new Map();
  return new Map([[WHITEBOARD_FILE, strToU8(boardToSvg(createBoardReplay(changes).boardAt(Infinity)))]]);
}

const READINESS_MARK = { met: 'met', 'not-met': 'not met', 'not-measurable': 'not measurable' } as const;

/** The design part of report.md (empty for a coding session). */
export function designReportSection(session: SessionRecord, events: readonly SessionEvent[], problemKind: string | null): string {
  if (!isDesignSession(problemKind, events)) return '';
  const f = computeDesignFacts({ session, events });
  const lines = ['', '## Whiteboard', ''];
  lines.push(boardEvents(events).length > 0 ? `![The final whiteboard](${WHITEBOARD_FILE})` : '_Nothing was drawn._');
  lines.push(
    '',
    '## Design facts',
    '',
    `- Clarifying questions before the design: ${f.clarificationsBeforeDesign} of ${f.clarificationsAsked}`,
    `- Estimates run: ${f.estimatesRun} (${f.estimatesBeforeDesign} before the design)`,
    `- Whiteboard: ${f.board.changes} changes; ${f.board.shapesAtEnd} boxes and ${f.board.arrowsAtEnd} arrows at the end`,
    `- Longest silence: ${f.talk ? formatDuration(f.talk.longestSilenceMs) : 'not measured (no audio)'}`,
  );
  if (f.notes)
    for (const s of f.notes) lines.push(`- Notes, ${s.heading.replace(/[|\n]/g, ' ')}: ${s.written ? `${s.words} words` : 'empty'}`);
  lines.push('', '## Design readiness', '');
  for (const item of designReadinessChecklist(f)) lines.push(`- ${item.label}: **${READINESS_MARK[item.status]}** — ${item.figure}`);
  return `${lines.join('\n')}\n`;
}
