import type { NotesSection } from '../../../core/problems/parseDesign';

/** The notes editor's starting text: one `## phase` section per protocol phase, with its guidance as a quote. */
export function initialNotes(sections: readonly NotesSection[]): string {
  return sections.map((s) => `## ${s.phase}\n> ${s.guidance}\n\n`).join('');
}
