import { describe, expect, it } from 'vitest';
import { draftFromProtocol, formatMinutes, parseMinutes, validateDraft } from './protocolDraft';
import { findProtocol, PROTOCOLS } from './protocols';

const backend = findProtocol('backend-60')!;
const builtInNames = PROTOCOLS.map((p) => p.name);

describe('parseMinutes', () => {
  it('accepts whole and fractional minutes, with a dot or a comma', () => {
    expect(parseMinutes('5')).toEqual({ ok: true, minutes: 5 });
    expect(parseMinutes(' 0.1 ')).toEqual({ ok: true, minutes: 0.1 });
    expect(parseMinutes('.5')).toEqual({ ok: true, minutes: 0.5 });
    expect(parseMinutes('2,5')).toEqual({ ok: true, minutes: 2.5 });
  });
  it('says what is wrong with anything else', () => {
    expect(parseMinutes('')).toMatchObject({ ok: false, message: 'Enter the minutes, e.g. 5 or 0.5.' });
    expect(parseMinutes('five')).toMatchObject({ ok: false, message: expect.stringContaining('"five" is not a number') });
    expect(parseMinutes('-3')).toMatchObject({ ok: false });
    expect(parseMinutes('0')).toMatchObject({ ok: false, message: 'Minutes must be more than 0.' });
    expect(parseMinutes('1e3')).toMatchObject({ ok: false });
    expect(parseMinutes('601')).toMatchObject({ ok: false, message: 'At most 600 minutes per phase.' });
  });
});

describe('validateDraft', () => {
  it('turns a draft with changed minutes into phases that keep their ids and goals', () => {
    const draft = draftFromProtocol(backend, 'Backend, quick');
    draft.phases.forEach((p) => (p.minutesText = '0.1'));
    const result = validateDraft(draft, builtInNames);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.name).toBe('Backend, quick');
    expect(result.phases.map((p) => [p.id, p.minutes])).toEqual(backend.phases.map((p) => [p.id, 0.1]));
    expect(result.phases[0]!.goal).toBe(backend.phases[0]!.goal);
  });

  it('reports every bad field at once', () => {
    const draft = draftFromProtocol(backend, '  ');
    draft.phases[1]!.minutesText = '0';
    draft.phases[3]!.minutesText = 'abc';
    const result = validateDraft(draft, builtInNames);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('Give the protocol a name.');
    expect(result.errors.minutes[0]).toBeUndefined();
    expect(result.errors.minutes[1]).toBe('Minutes must be more than 0.');
    expect(result.errors.minutes[3]).toContain('not a number');
  });

  it('refuses a name another protocol already has, whatever its case', () => {
    const result = validateDraft(draftFromProtocol(backend, 'backend interview (60 MIN)'), builtInNames);
    expect(result).toMatchObject({ ok: false, errors: { name: expect.stringContaining('already exists') } });
  });
});

describe('formatMinutes', () => {
  it('shows short phases in seconds', () => {
    expect(formatMinutes(0.1)).toBe('6 s');
    expect(formatMinutes(5)).toBe('5 min');
    expect(formatMinutes(2.5)).toBe('2.5 min');
  });
});
