/**
 * What each simulated client of a codebase problem received in the last run, as text: the problem's example
 * tests print it to the console, and core/practice/clientTranscripts.ts reads it back.
 */
import { useId, useMemo } from 'react';
import { parseClientTranscripts, type ClientTranscript } from '../../../core/practice/clientTranscripts';
import { useWorkspace } from '../useWorkspace';

function ClientLines({ transcript }: { transcript: ClientTranscript }) {
  const id = useId();
  return (
    <div className="mb-3">
      <h3 id={id} className="mb-0.5 font-sans text-xs font-semibold text-slate-300">
        {transcript.client}
      </h3>
      {transcript.lines.length === 0 ? (
        <p className="text-slate-500">(nothing received)</p>
      ) : (
        <ol aria-labelledby={id}>
          {transcript.lines.map((line, i) => (
            <li key={i} className="whitespace-pre-wrap text-slate-200">
              {line}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function ClientsPanel() {
  const result = useWorkspace((s) => s.lastResult);
  const transcripts = useMemo(() => parseClientTranscripts((result?.console ?? []).map((l) => l.text)), [result]);
  return (
    <section role="region" aria-label="Clients" className="h-full overflow-auto p-3 font-mono text-xs">
      {transcripts.length === 0 ? (
        <p className="font-sans text-sm text-slate-500">
          {result ? 'This run printed nothing from the clients. ' : ''}Run to see what each client received.
        </p>
      ) : (
        transcripts.map((t) => <ClientLines key={t.client} transcript={t} />)
      )}
    </section>
  );
}
