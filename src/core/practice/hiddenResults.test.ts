import { describe, expect, it } from 'vitest';
import { advancePhase, startClock } from '../timer/phaseClock';
import { findProtocol } from '../timer/protocols';
import { firstFailing, hiddenResultsView } from './hiddenResults';

const coding = findProtocol('coding-45')!;
const planPhase = startClock(coding.id, coding.phases, 0);
const codePhase = advancePhase(planPhase, 1000);
const reviewPhase = advancePhase(codePhase, 2000);
const finished = advancePhase(reviewPhase, 3000);

describe('hiddenResultsView', () => {
  it('shows only the first failure while a recorded session codes', () => {
    expect(hiddenResultsView({ recording: true, clock: codePhase, fullListSetting: false })).toBe('first-failure');
    expect(hiddenResultsView({ recording: true, clock: planPhase, fullListSetting: false })).toBe('first-failure');
  });
  it('opens the full list in the review phase and after the session', () => {
    expect(hiddenResultsView({ recording: true, clock: reviewPhase, fullListSetting: false })).toBe('full');
    expect(hiddenResultsView({ recording: true, clock: finished, fullListSetting: false })).toBe('full');
  });
  it('shows the full list without a recording, or when the setting asks for it', () => {
    expect(hiddenResultsView({ recording: false, clock: codePhase, fullListSetting: false })).toBe('full');
    expect(hiddenResultsView({ recording: true, clock: codePhase, fullListSetting: true })).toBe('full');
  });
});

describe('firstFailing', () => {
  it('is the first test that did not pass, in file order', () => {
    const tests = [
      { title: 'a', status: 'passed' },
      { title: 'b', status: 'timedout' },
      { title: 'c', status: 'failed' },
    ];
    expect(firstFailing(tests)?.title).toBe('b');
    expect(firstFailing([{ title: 'a', status: 'passed' }])).toBeNull();
  });
});
