import { describe, expect, it, vi } from 'vitest';
import type { CustomProtocolRecord } from '../../core/records/types';
import { problem, engineHarness } from '../testing/fakes';

const h = engineHarness();

const custom = (id: string, name: string, minutes = 0.5): CustomProtocolRecord => ({
  id,
  name,
  phases: [{ id: 'code', name: 'Code', goal: 'Write it', minutes }],
  basedOn: 'coding-45',
  updatedAt: 1,
});

describe('custom protocols', () => {
  it('are read through storage when a problem opens, and Start uses the one chosen for the problem', async () => {
    h.storage.protocols.set('custom-1', custom('custom-1', 'Quick'));
    const start = vi.spyOn(h.rec, 'start');
    await h.engine.open(problem());
    expect(h.engine.state.protocols).toEqual({ customs: [custom('custom-1', 'Quick')], loadError: null });
    h.engine.chooseProtocol('custom-1');
    h.engine.start();
    expect((start.mock.calls[0] as unknown[])[0]).toMatchObject({ protocolId: 'custom-1', phases: custom('custom-1', 'Quick').phases });
    expect(h.engine.state.clock?.protocolId).toBe('custom-1');
  });

  it('a protocol chosen but gone falls back to the problem’s own', async () => {
    await h.engine.open(problem());
    h.engine.chooseProtocol('custom-gone');
    h.engine.start();
    expect(h.engine.state.clock?.protocolId).toBe('coding-45');
  });

  it('saving adds or replaces one, kept sorted by name; deleting removes it — storage first', async () => {
    await h.engine.open(problem());
    await h.engine.saveCustomProtocol(custom('b', 'Beta'));
    await h.engine.saveCustomProtocol(custom('a', 'Alpha'));
    await h.engine.saveCustomProtocol(custom('b', 'Also beta', 2));
    expect(h.engine.state.protocols.customs.map((p) => p.name)).toEqual(['Alpha', 'Also beta']);
    expect(h.storage.protocols.get('b')?.name).toBe('Also beta');
    await h.engine.deleteCustomProtocol('a');
    expect(h.engine.state.protocols.customs.map((p) => p.id)).toEqual(['b']);
    expect(h.storage.protocols.has('a')).toBe(false);
  });

  it('a refused save or delete throws a readable message and changes nothing', async () => {
    await h.engine.open(problem());
    await h.engine.saveCustomProtocol(custom('a', 'Alpha'));
    h.storage.protocolFailure = 'QuotaExceededError';
    await expect(h.engine.saveCustomProtocol(custom('b', 'Beta'))).rejects.toThrow(
      /^Could not save the protocol: Error: QuotaExceededError/,
    );
    h.storage.protocolFailure = 'blocked';
    await expect(h.engine.deleteCustomProtocol('a')).rejects.toThrow(/^Could not delete the protocol: Error: blocked/);
    expect(h.engine.state.protocols.customs.map((p) => p.id)).toEqual(['a']);
  });

  it('a failed read is said, and the problem still opens', async () => {
    h.storage.protocolFailure = 'broken';
    await h.engine.open(problem());
    expect(h.engine.state.loaded).toBe(true);
    expect(h.engine.state.protocols.loadError).toMatch(/Could not read your saved protocols: Error: broken/);
    await h.engine.loadCustomProtocols();
    expect(h.engine.state.protocols.loadError).toBeNull();
  });
});
