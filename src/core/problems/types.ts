/**
 * A practice problem as the app sees it after loading `problems/<id>/`.
 * The on-disk format is documented in problems/README.md; this is its typed form.
 */
import type { Clarification, NotesSection, ReferenceAnswer, RubricPart } from './parseDesign';

export type ProblemKind = 'coding' | 'design';
export type Difficulty = 'easy' | 'medium' | 'hard';

export interface ProblemMeta {
  id: string;
  title: string;
  kind: ProblemKind;
  difficulty: Difficulty;
  tags: string[];
  /** Id of the protocol the problem is practised with by default (see src/core/timer/protocols.ts). */
  protocol: string;
  summary: string;
  /** Stage titles, in order, for a problem that comes in stages (front matter `stages:`). */
  stages?: string[];
}

export interface FollowUp {
  question: string;
  /** Points a strong answer covers, shown after the session. */
  points: string[];
}

/** What only a design problem has (problems/README.md, "Design problems"). */
export interface DesignMaterial {
  clarifications: Clarification[];
  rubric: RubricPart[];
  notesTemplate: NotesSection[];
  /** The estimation scratchpad the user edits and runs; its inputs start empty. */
  scratchpad: string;
  /** What a strong answer contains: shown only in the review phase and on the replay page. */
  referenceAnswer: ReferenceAnswer;
}

export interface Problem extends ProblemMeta {
  /** Markdown body of problem.md (rendered with HTML escaped). */
  statement: string;
  /** Code the editor starts with (starter.ts). */
  starter: string;
  /** Visible tests (examples.test.ts), run by Run. */
  examples: string;
  /** Hidden tests (hidden.test.ts), run by Submit. */
  hidden: string;
  /** The reference solution (reference.ts), for comparison after review. */
  reference: string;
  followUps: FollowUp[];
  /** Stage titles for a staged problem (problems/README.md, "Stages"); empty when it has one stage. */
  stages: string[];
  /** Present for kind `design`. */
  design: DesignMaterial | null;
  /** The Python files of a coding problem (problems/README.md, "Python"), or null if it has none. */
  python: PythonMaterial | null;
}

export interface PythonMaterial {
  /** starter.py, examples_test.py, hidden_test.py, reference.py. */
  starter: string;
  examples: string;
  hidden: string;
  reference: string;
  /** python.md: the statement's names in Python, shown above the statement when Python is chosen. */
  guide: string;
}
