import { describe, expect, it } from 'vitest';
import { protocolName } from './protocolName';

const phase = (minutes: number) => ({ id: 'p', name: 'P', minutes, goal: '' });

describe('protocolName', () => {
  it('names a built-in protocol', () => {
    expect(protocolName({ protocolId: 'coding-45', phases: [] }, [])).toBe('Coding interview (45 min)');
  });

  it('names a custom protocol from the user’s list', () => {
    expect(protocolName({ protocolId: 'mine', phases: [phase(10)] }, [{ id: 'mine', name: 'Short drill' }])).toBe('Short drill');
  });

  it('describes a deleted custom protocol from the phases the session kept', () => {
    expect(protocolName({ protocolId: 'gone', phases: [phase(10), phase(20)] }, [])).toBe('gone (2 phases, 30 min)');
  });

  it('falls back to the id, or says it is unknown', () => {
    expect(protocolName({ protocolId: 'old-id', phases: [] }, [])).toBe('old-id');
    expect(protocolName({ protocolId: '', phases: [] }, [])).toBe('Unknown protocol');
  });
});
