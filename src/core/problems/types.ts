/**
 * A practice problem as the app sees it after loading `problems/<id>/`.
 * The on-disk format is documented in problems/README.md; this is its typed form.
 */
import type { Language } from '../languages/registry';
import type { Clarification } from './clarifications';
import type { NotesSection, ReferenceAnswer, RubricPart } from './parseDesign';

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
  /** 'codebase': the candidate works in an existing multi-file project (problems/README.md, "Codebase problems"). */
  format?: 'codebase';
  /** A codebase problem's Requirement-2 features, in order (front matter `features:`); the candidate picks some. */
  features?: ProblemFeature[];
}

export interface ProblemFeature {
  id: string;
  /** Also the top-level describe / TestCase title of the feature's hidden tests. */
  title: string;
}

/** The results group of a codebase problem's baseline requirement. */
export const BASELINE_GROUP = 'Requirement 1';

export interface FollowUp {
  question: string;
  /** Points a strong answer covers, shown after the session. */
  points: string[];
}

/** What only a design problem has (problems/README.md, "Design problems"). */
export interface DesignMaterial {
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
  /**
   * A coding problem's code in each language it can be practised in (TypeScript always; others when the
   * problem has their files). Empty for a design problem.
   */
  code: Partial<Record<Language, CodeMaterial>>;
  followUps: FollowUp[];
  /**
   * The interviewer's answers to clarifying questions, revealed only when asked (clarifications.md): every
   * design problem has some; a coding problem may (empty when it has none).
   */
  clarifications: Clarification[];
  /** Stage titles for a staged problem (problems/README.md, "Stages"); empty when it has one stage. */
  stages: string[];
  /** Present for kind `design`. */
  design: DesignMaterial | null;
}

/** One file of a problem's project as the candidate receives it. */
export interface ProjectFile {
  /** Relative '/'-separated path (core/files/paths.ts), e.g. 'solution.ts' or 'chat/hub.py'. */
  path: string;
  text: string;
  /** The problem asks the candidate not to change it: typing in it is refused with a message. */
  readOnly: boolean;
}

/**
 * A coding problem's material in one language (docs/decisions/files-and-languages.md). A single-file
 * problem is a project of one file, the registry's `solutionFile`.
 */
export interface CodeMaterial {
  /** The files the candidate starts with, in tree order. */
  files: ProjectFile[];
  /** Visible tests, run by Run; they import project files by path. */
  examples: string;
  /** Hidden tests, run by Submit. */
  hidden: string;
  /** The reference solution: every file of the reference project (path → text), for the comparison after review. */
  reference: Record<string, string>;
  /** The statement's names in this language, shown above the statement when it is chosen ('' when none). */
  guide: string;
  /** The candidate may create, rename and delete files (a codebase problem); a single file cannot be renamed. */
  editableTree: boolean;
  /**
   * An API scenario's service entry (project.json `"service": {"entry": "server.ts"}`): the read-only file whose
   * `startService` / `start_service` the Requests pane's runner calls (docs/decisions/api-scenarios.md).
   * Absent for every other problem; its presence is what shows the Requests region.
   */
  service?: { entry: string };
}
