/**
 * Interview protocols as data: the phases a session walks through, their planned minutes and goals.
 * Minutes come from the prep guides (shared/seeds): the practice protocol (coding 45), the backend
 * interview's time plan (backend 60), the system-design mock format (design 45) and the pairing
 * interview (pairing 120). See docs/decisions/protocol-minutes.md for how design-45 was reconciled.
 * coding-75 is the practice schedule's "full interview length" (75 min): backend-60's phases, with the
 * extra 15 minutes spread over planning (+5: a larger API to pin down), coding (+5, the practice
 * protocol's 35) and the closing discussion (+5: a full interview leaves more room for follow-ups).
 */
export interface PhasePlan {
  id: string;
  name: string;
  minutes: number;
  /** One line shown under the timer while the phase runs. */
  goal: string;
  /**
   * Timed goals inside the phase, in order (the pairing interview's solo task: read, Requirement 1, test
   * it, features, clean up). Their minutes add up to the phase's; the timer shows the one the clock is in.
   */
  steps?: PhaseStep[];
}

export interface PhaseStep {
  minutes: number;
  goal: string;
}

export interface Protocol {
  id: string;
  name: string;
  phases: PhasePlan[];
}

export const PROTOCOLS: readonly Protocol[] = [
  {
    id: 'coding-45',
    name: 'Coding interview (45 min)',
    phases: [
      { id: 'plan', name: 'Plan', minutes: 5, goal: 'Read the problem aloud, list edge cases and your approach before you type.' },
      { id: 'code', name: 'Code', minutes: 35, goal: 'Build one function at a time and run it after each one, talking all the way.' },
      { id: 'review', name: 'Review', minutes: 5, goal: 'Walk through your code, name what you would improve for production.' },
    ],
  },
  {
    id: 'backend-60',
    name: 'Backend interview (60 min)',
    phases: [
      { id: 'clarify', name: 'Clarify', minutes: 5, goal: 'Ask about scale, limits and failure handling before designing anything.' },
      { id: 'implement', name: 'Implement', minutes: 30, goal: 'Get the core working and correct first.' },
      { id: 'optimise', name: 'Optimise and edge cases', minutes: 10, goal: 'Handle the edge cases and tighten the hot paths.' },
      { id: 'walkthrough', name: 'Walk through tests', minutes: 5, goal: 'Run the tests and explain what each one proves.' },
      { id: 'discuss', name: 'Discuss', minutes: 10, goal: 'Explain trade-offs and what you would change at scale.' },
    ],
  },
  {
    id: 'coding-75',
    name: 'Full coding interview (75 min)',
    phases: [
      {
        id: 'clarify',
        name: 'Clarify and plan',
        minutes: 10,
        goal: 'Pin down the API, the rules and the edge cases; sketch the data structures aloud.',
      },
      {
        id: 'implement',
        name: 'Implement',
        minutes: 35,
        goal: 'Build the core one method at a time and run it after each, narrating as you go.',
      },
      {
        id: 'optimise',
        name: 'Optimise and edge cases',
        minutes: 10,
        goal: 'Cover bad input and boundaries, then look at the cost of the hot paths.',
      },
      { id: 'walkthrough', name: 'Walk through tests', minutes: 5, goal: 'Run the tests and say which rule each one checks.' },
      { id: 'discuss', name: 'Discuss', minutes: 15, goal: 'Trade-offs, scaling out, and what you would build next.' },
    ],
  },
  {
    id: 'design-45',
    name: 'System design (45 min)',
    phases: [
      { id: 'introduction', name: 'Introduction', minutes: 3, goal: 'Restate the problem in your own words.' },
      { id: 'requirements', name: 'Requirements', minutes: 5, goal: 'Pin down functional and non-functional requirements and the scale.' },
      { id: 'estimation', name: 'Estimation', minutes: 5, goal: 'Estimate traffic, storage and bandwidth with round numbers.' },
      { id: 'high-level', name: 'High-level design', minutes: 10, goal: 'Draw the main components and how a request flows through them.' },
      { id: 'detailed', name: 'Detailed design', minutes: 12, goal: 'Go deep on the data model, the APIs and the hardest component.' },
      { id: 'deep-dive', name: 'Deep dive', minutes: 7, goal: 'Answer follow-ups: bottlenecks, failures, trade-offs.' },
      { id: 'wrap-up', name: 'Wrap-up', minutes: 3, goal: 'Summarise the design and what you would do next.' },
    ],
  },
  {
    id: 'pairing-120',
    name: 'Pairing interview (120 min)',
    phases: [
      {
        id: 'setup',
        name: 'Setup',
        minutes: 15,
        goal: 'Get the project running, read the code, and confirm what the requirements ask.',
        steps: [
          { minutes: 2, goal: 'Introduce yourself and say how you will work: aloud, testing as you go.' },
          { minutes: 5, goal: 'Read the requirements back: Requirement 1 is the baseline; pick the features you will add.' },
          { minutes: 8, goal: 'Read the codebase: find the store, the hub and the handlers, and run the examples once.' },
        ],
      },
      {
        id: 'solo',
        name: 'Solo task',
        minutes: 45,
        goal: 'Finish the first requirement and start the second, testing as you go.',
        steps: [
          { minutes: 5, goal: 'Plan: list what Requirement 1 needs and where each change goes.' },
          { minutes: 15, goal: 'Make Requirement 1 work: messages both ways, in order, history on connect.' },
          { minutes: 5, goal: 'Test Requirement 1 against every acceptance rule before moving on.' },
          { minutes: 15, goal: 'Build your first features from Requirement 2, one at a time, running after each.' },
          { minutes: 5, goal: 'Tidy up, run everything, and note what you will show.' },
        ],
      },
      { id: 'pairing', name: 'Pairing', minutes: 45, goal: 'Collaborate: explain decisions, ask for input, finish the features.' },
      { id: 'wrap-up', name: 'Wrap-up', minutes: 15, goal: 'Demo what each client sees, then discuss what you would improve.' },
    ],
  },
];

export function findProtocol(id: string): Protocol | undefined {
  return PROTOCOLS.find((p) => p.id === id);
}

export function totalMinutes(protocol: Protocol): number {
  return protocol.phases.reduce((sum, phase) => sum + phase.minutes, 0);
}

/**
 * Phases in which the interviewer asks the problem's follow-up questions: the closing discussion of a
 * coding protocol (`review` in coding-45, `discuss` in backend-60, `wrap-up` in pairing-120) and the
 * `deep-dive` and `wrap-up` of design-45. Custom protocols keep their base's phase ids, so they match too.
 * `walkthrough` (backend-60) is not one: the candidate runs and explains the tests there.
 */
export const FOLLOW_UP_PHASE_IDS: readonly string[] = ['review', 'discuss', 'deep-dive', 'wrap-up'];

/** Phases in which the candidate plans before coding: edge cases and approach first. */
export const PLAN_PHASE_IDS: readonly string[] = ['plan', 'clarify'];

/** Whether phase `index` is one where follow-ups are asked; a protocol with none of those ids uses its last phase. */
export function asksFollowUps(phases: readonly PhasePlan[], index: number): boolean {
  const phase = phases[index];
  if (!phase) return false;
  if (phases.some((p) => FOLLOW_UP_PHASE_IDS.includes(p.id))) return FOLLOW_UP_PHASE_IDS.includes(phase.id);
  return index === phases.length - 1;
}

export function isPlanPhase(phase: PhasePlan): boolean {
  return PLAN_PHASE_IDS.includes(phase.id);
}

/**
 * The protocol a session uses: the one chosen for the problem (built-in or custom), else the problem's
 * default, else the first built-in. A chosen custom protocol that was deleted falls back the same way.
 */
export function resolveProtocol(chosenId: string | undefined, defaultId: string, customs: readonly Protocol[]): Protocol {
  const find = (id: string | undefined) => (id ? (findProtocol(id) ?? customs.find((p) => p.id === id)) : undefined);
  return find(chosenId) ?? find(defaultId) ?? PROTOCOLS[0]!;
}

/**
 * The goal to show `elapsedMs` into a phase: its current step's (with which step of how many), or the
 * phase's own goal when it has no steps. After the last step's time the last step stays.
 */
export function currentGoal(phase: PhasePlan, elapsedMs: number): { goal: string; step: number | null; steps: number } {
  const steps = phase.steps ?? [];
  if (steps.length === 0) return { goal: phase.goal, step: null, steps: 0 };
  let end = 0;
  for (let i = 0; i < steps.length; i++) {
    end += steps[i]!.minutes * 60_000;
    if (elapsedMs < end) return { goal: steps[i]!.goal, step: i + 1, steps: steps.length };
  }
  return { goal: steps[steps.length - 1]!.goal, step: steps.length, steps: steps.length };
}
