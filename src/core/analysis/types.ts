/**
 * The measured facts of a session: what the log and the audio say happened, computed by pure functions
 * (facts.ts) from the session record and its event log. Shown beside the replay, next to the rubric
 * items they inform, in the progress chart, and written into exported bundles (session.json).
 * A figure that cannot be measured (no audio, no Submit, no plan notes) is null, never a made-up 0.
 */

export interface TalkFacts {
  /** Sum of detected silences, ms. */
  totalSilenceMs: number;
  longestSilenceMs: number;
  /** Silences of 30 s or more. */
  silencesOver30s: number;
  /** Share of the recorded time that was not silence, 0–1. */
  talkingShare: number;
  /** Each detected silence's length (every pause from the detector's 1.5 s), in time order, ms. */
  silenceLengthsMs?: number[];
}

export interface PhaseFact {
  phaseId: string;
  name: string;
  plannedMs: number;
  /** Active time spent in the phase, ms; null when the phase was never reached. */
  actualMs: number | null;
}

export interface SessionFacts {
  /** Wall time from start to end (or to the last event of an unfinished session), ms. */
  durationMs: number;
  /** Null when the session has no audio. */
  talk: TalkFacts | null;
  phases: PhaseFact[];
  /** Session time of the first Run or Submit, ms; null if nothing was run. */
  timeToFirstRunMs: number | null;
  runs: number;
  submits: number;
  /** Runs and Submits during the coding phase(s) of the protocol; null if it has no coding phase. */
  runsInCodePhase: number | null;
  /** Longest stretch between code edits with no Run/Submit in between, from first edit to last edit, ms. */
  longestEditingWithoutRunMs: number;
  /** The number of the Submit (1-based) at which all hidden tests first passed; null if none did. */
  submitsUntilAllPass: number | null;
  /** Null when there was no Submit. */
  firstSubmitPassed: boolean | null;
  /**
   * Edge cases written down when the first line of code was typed: plan-note list items plus the
   * candidate's comment lines above the code (edgeCases.ts states the rule); null when no code was typed.
   */
  edgeCasesBeforeCode: number | null;
  followUpsAsked: number;
  /** Clarifying questions whose answers the candidate revealed during the session (clarifications.md). */
  clarificationsAsked: number;
  /**
   * Of those, the ones asked before the first edit of any code file (every one, when no code was edited):
   * the questions that clarified the problem rather than unblocked the code.
   */
  clarificationsBeforeCode: number;
  nudges: { silence: number; noRun: number; planCoding: number };
  /** Session time the reference solution was first opened during the session; null if it never was. */
  referenceOpenedAt: number | null;
  /** Whether the Submit at which all hidden tests first passed came after the reference was opened. */
  passedAfterReference: boolean;
  /** An API scenario's requests from the Requests pane; absent when the session sent none and restarted nothing. */
  requests?: RequestFacts;
}

export interface RequestFacts {
  sent: number;
  /** Answered by the service (any status, 4xx and 5xx included). */
  answered: number;
  timedOut: number;
  /** The service could not start or crashed outside a handler. */
  errors: number;
  serviceRestarts: number;
}

export type ReadinessStatus = 'met' | 'not-met' | 'not-measurable';

export type ReadinessId = 'silence' | 'tested-incrementally' | 'works-early' | 'edge-cases-first';

/** One of the practice protocol's success criteria, judged from the facts, with the figure behind it. */
export interface ReadinessItem {
  id: ReadinessId;
  label: string;
  status: ReadinessStatus;
  /** The figure the verdict rests on, in words ("7.2 s of silence in total"). */
  figure: string;
  /** How the figure is measured, when the label alone does not say it (shown next to the figure). */
  rule?: string;
}
