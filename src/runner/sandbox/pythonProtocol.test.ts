import { describe, expect, it } from 'vitest';
import { isHostToFramePython } from './pythonProtocol';

describe('the Python run request', () => {
  const run = { type: 'run-python', id: 1, testTimeoutMs: 2000, tests: 'import unittest', testModule: 'hidden_test' };

  it("carries the project's files (path → text) and a known test module", () => {
    expect(isHostToFramePython({ ...run, files: { 'solution.py': '' } })).toBe(true);
    expect(isHostToFramePython({ ...run, files: { 'chat/__init__.py': '', 'chat/hub.py': 'x = 1', 'README.md': '#' } })).toBe(true);
    expect(isHostToFramePython({ ...run, files: { 'solution.py': 1 } })).toBe(false);
    expect(isHostToFramePython({ ...run, solution: 'x = 1' })).toBe(false);
    expect(isHostToFramePython({ ...run, files: {}, testModule: 'harness' })).toBe(false);
  });
});
