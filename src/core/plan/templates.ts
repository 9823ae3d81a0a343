/**
 * The plans a person can follow, from the schedules of the guides in shared/seeds (facts only: which day,
 * which problem or kind of problem, which protocol, where the mock interviews fall), in our own words,
 * mapped onto the problems this library has. A day is a list of items; an empty day is a rest day.
 */
import type { ProblemKind } from '../problems/types';

export type PlanItemSpec =
  /** A named problem in a protocol; `fresh`: a re-do from scratch (a New attempt, not the old code). */
  | { kind: 'problem'; problemId: string; protocolId: string; why: string; fresh?: boolean }
  /** Any problem of a kind: the one most due, else the least practised (resolved on the day). */
  | { kind: 'any'; problemKind: ProblemKind; protocolId: string; why: string; mock?: boolean };

export interface PlanTemplate {
  id: string;
  title: string;
  summary: string;
  /** What each day is for, in a few words, shown above its items (index = day). */
  dayNotes: string[];
  days: PlanItemSpec[][];
}

const item = (problemId: string, protocolId: string, why: string, fresh = false): PlanItemSpec => ({
  kind: 'problem',
  problemId,
  protocolId,
  why,
  ...(fresh ? { fresh } : {}),
});
const anyOf = (problemKind: ProblemKind, protocolId: string, why: string, mock = false): PlanItemSpec => ({
  kind: 'any',
  problemKind,
  protocolId,
  why,
  ...(mock ? { mock } : {}),
});

/** The practice protocol's five days (seed 000): one problem twice, then longer formats, two mocks, a light last day. */
const PROTOCOL_WEEK: PlanTemplate = {
  id: 'practice-protocol',
  title: 'Practice protocol: five days',
  summary:
    'A rate limiter twice (the second time from a blank file), then a cache and a full-length interview, a backend-format day, two full 75-minute mocks, and a light last day.',
  dayNotes: [
    'One problem, then the same one again from scratch after watching the recording.',
    'A 45-minute problem and a full-length interview.',
    'Backend format: 60 minutes each.',
    'Mock day: two full 75-minute interviews, recorded.',
    'Light day: replay your sessions, no new problem. Sleep early.',
  ],
  days: [
    [
      item('token-bucket', 'coding-45', 'plan: 45-minute first attempt'),
      item('token-bucket', 'coding-45', 'plan: re-do from scratch after reviewing the recording', true),
    ],
    [item('lru-ttl', 'coding-45', 'plan: 45-minute cache problem'), item('recommendations', 'coding-75', 'plan: full 75-minute interview')],
    [
      item('stream-pipeline', 'backend-60', 'plan: 60-minute data pipeline'),
      anyOf('coding', 'backend-60', 'plan: a 60-minute problem you have not practised yet'),
    ],
    [
      anyOf('coding', 'coding-75', 'plan: full 75-minute mock', true),
      anyOf('coding', 'coding-75', 'plan: second full 75-minute mock', true),
    ],
    [],
  ],
};

/** The three-day challenge guide (seed 001): the most common problems first, then harder distributed ones. */
const THREE_DAYS: PlanTemplate = {
  id: 'three-day-challenge',
  title: 'Challenge guide: three days',
  summary: 'Day 1 the three problems most interviews ask, day 2 job processing and a distributed store, day 3 hashing and streams.',
  dayNotes: [
    'The three most frequently asked problems.',
    'Problems that add distribution and failures.',
    'Advanced patterns, then a full mock.',
  ],
  days: [
    [
      item('token-bucket', 'coding-45', 'plan: rate limiting, the most asked problem'),
      item('lru-ttl', 'coding-45', 'plan: a cache with expiry'),
      item('bounded-buffer', 'coding-45', 'plan: producer and consumer'),
    ],
    [item('job-queue', 'backend-60', 'plan: background job processing'), item('replicated-kv', 'backend-60', 'plan: a distributed store')],
    [
      item('consistent-hashing', 'coding-45', 'plan: consistent hashing'),
      item('event-log', 'coding-45', 'plan: event streaming'),
      anyOf('coding', 'coding-75', 'plan: full 75-minute mock', true),
    ],
  ],
};

const design = (problemId: string, why: string, fresh = false) => item(problemId, 'design-45', why, fresh);

/**
 * The system-design guide's three weeks (seed 004): two days per system, a review day at the end of the
 * first week and mocks at the end of the second and third. The guide names systems this library does not
 * have; their days take the design problem most due instead.
 */
const DESIGN_WEEKS: PlanTemplate = {
  id: 'design-three-weeks',
  title: 'System design: three weeks',
  summary: 'Two days per system (a first pass, then a re-do), a self-review day, and a 45-minute mock at the end of weeks two and three.',
  dayNotes: [
    'Week 1: a chat system.',
    'Week 1: the chat system again, from scratch.',
    'Week 1: a URL shortener.',
    'Week 1: the URL shortener again.',
    'Week 1: a system of your choice.',
    'Week 1: the same system again.',
    'Week 1: review and self-assessment: replay the week, score yourself.',
    'Week 2: a video platform.',
    'Week 2: the video platform again.',
    'Week 2: the design most due.',
    'Week 2: the same again.',
    'Week 2: the design most due.',
    'Week 2: the same again.',
    'Week 2: mock interview.',
    'Week 3: the design most due.',
    'Week 3: the same again.',
    'Week 3: the design most due.',
    'Week 3: the same again.',
    'Week 3: the design most due.',
    'Week 3: the same again.',
    'Week 3: complete mock interview.',
  ],
  days: [
    [design('design-chat', 'plan: first pass at a chat system')],
    [design('design-chat', 'plan: the chat system again from scratch', true)],
    [design('design-url-shortener', 'plan: first pass at a URL shortener')],
    [design('design-url-shortener', 'plan: the URL shortener again from scratch', true)],
    [anyOf('design', 'design-45', 'plan: a system of your choice')],
    [anyOf('design', 'design-45', 'plan: a system of your choice, again')],
    [],
    [design('design-video-streaming', 'plan: first pass at a video platform')],
    [design('design-video-streaming', 'plan: the video platform again from scratch', true)],
    ...Array.from({ length: 4 }, () => [anyOf('design', 'design-45', 'plan: the design most due')]),
    [anyOf('design', 'design-45', 'plan: 45-minute mock interview', true)],
    ...Array.from({ length: 6 }, () => [anyOf('design', 'design-45', 'plan: the design most due')]),
    [anyOf('design', 'design-45', 'plan: complete 45-minute mock interview', true)],
  ],
};

export const PLAN_TEMPLATES: readonly PlanTemplate[] = [PROTOCOL_WEEK, THREE_DAYS, DESIGN_WEEKS];

export function findTemplate(id: string): PlanTemplate | undefined {
  return PLAN_TEMPLATES.find((t) => t.id === id);
}
