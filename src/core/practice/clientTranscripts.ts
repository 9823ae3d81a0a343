/**
 * What each simulated client of a codebase problem received, read back from a run's console: the problem's
 * example tests print it (problems/README.md, "Codebase problems"), and the workspace's Clients panel shows
 * it per client. Two ways of printing are understood:
 *
 * - a block, as support-desk's `printDemo` prints it: a line `<client> received:`, then that client's lines
 *   indented by two spaces (`  (nothing)` when it received nothing);
 * - one line at a time: `[client <client>] <line>`.
 *
 * Every other console line is left alone. A client printed twice (two runs of a demo in one Run) keeps
 * both transcripts, one after the other.
 */
export interface ClientTranscript {
  client: string;
  lines: string[];
}

const BLOCK_HEADER = /^(\S{1,40}) received:$/;
const TAGGED_LINE = /^\[client (\S{1,40})\](?: (.*))?$/;
const BLOCK_INDENT = '  ';
const NOTHING = '(nothing)';

export function parseClientTranscripts(consoleTexts: readonly string[]): ClientTranscript[] {
  const byClient = new Map<string, string[]>();
  const linesOf = (client: string) => {
    let lines = byClient.get(client);
    if (!lines) byClient.set(client, (lines = []));
    return lines;
  };
  let block: string[] | null = null;
  let blockLines = 0;
  // A console entry may hold several lines (one console.log of a text with newlines); a newline that ends
  // one (a print that kept its own) is not an empty line that would end a block.
  for (const line of consoleTexts.flatMap((t) => t.replace(/\r?\n$/, '').split(/\r?\n/))) {
    if (block && line.startsWith(BLOCK_INDENT)) {
      const text = line.slice(BLOCK_INDENT.length);
      if (!(text === NOTHING && blockLines === 0)) block.push(text);
      blockLines += 1;
      continue;
    }
    block = null;
    const header = BLOCK_HEADER.exec(line);
    if (header) {
      block = linesOf(header[1]!);
      blockLines = 0;
      continue;
    }
    const tagged = TAGGED_LINE.exec(line);
    if (tagged) linesOf(tagged[1]!).push(tagged[2] ?? '');
  }
  return [...byClient].map(([client, lines]) => ({ client, lines }));
}
