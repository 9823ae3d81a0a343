import { describe, expect, it } from 'vitest';
import { parseClientTranscripts } from './clientTranscripts';

describe('parseClientTranscripts', () => {
  it('reads the blocks support-desk’s demo prints, one per client, in the order printed', () => {
    const console = [
      'vera received:',
      '  [c1] history, 0 message(s)',
      '  [c1] #2 at 9000 ms, alex (agent): Sorry about that.',
      'alex received:',
      '  [c1] history, 1 message(s)',
      '  [c1]   #1 at 1000 ms, vera (visitor): Hi!',
    ];
    expect(parseClientTranscripts(console)).toEqual([
      { client: 'vera', lines: ['[c1] history, 0 message(s)', '[c1] #2 at 9000 ms, alex (agent): Sorry about that.'] },
      { client: 'alex', lines: ['[c1] history, 1 message(s)', '[c1]   #1 at 1000 ms, vera (visitor): Hi!'] },
    ]);
  });

  it('a client that received nothing is listed with no lines', () => {
    expect(parseClientTranscripts(['bea received:', '  (nothing)'])).toEqual([{ client: 'bea', lines: [] }]);
  });

  it('reads "[client name] line" lines, one at a time', () => {
    const console = [
      '[client visitor] history, 0 message(s)',
      'some log',
      '[client agent] hello',
      '[client visitor] bye',
      '[client agent]',
    ];
    expect(parseClientTranscripts(console)).toEqual([
      { client: 'visitor', lines: ['history, 0 message(s)', 'bye'] },
      { client: 'agent', lines: ['hello', ''] },
    ]);
  });

  it('a block ends at the first line that is not indented; other console lines are not a client’s', () => {
    const console = ['debug: starting', 'vera received:', '  one', 'after the block', '  indented but not in a block'];
    expect(parseClientTranscripts(console)).toEqual([{ client: 'vera', lines: ['one'] }]);
  });

  it('splits a console entry that holds several lines', () => {
    expect(parseClientTranscripts(['vera received:\n  one\n  two'])).toEqual([{ client: 'vera', lines: ['one', 'two'] }]);
    expect(parseClientTranscripts(['vera received:\n', '  one\n', '\n', '  not hers'])).toEqual([{ client: 'vera', lines: ['one'] }]);
  });

  it('keeps both transcripts of a client printed twice, and "(nothing)" only means nothing as a block’s only line', () => {
    const console = ['vera received:', '  one', 'vera received:', '  two', '  (nothing)'];
    expect(parseClientTranscripts(console)).toEqual([{ client: 'vera', lines: ['one', 'two', '(nothing)'] }]);
  });

  it('finds nothing in a console without transcripts', () => {
    expect(parseClientTranscripts([])).toEqual([]);
    expect(parseClientTranscripts(['hello', 'the total received: 3', '[client] no name'])).toEqual([]);
  });
});
