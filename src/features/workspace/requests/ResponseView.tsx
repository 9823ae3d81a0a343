/** The exchange shown under the form: status and time, headers, body (pretty JSON), or why there is none. */
import { displayBody, statusClass, statusLine, truncationNote } from '../../../core/api/formatResponse';
import type { HttpResponse } from '../../../core/api/http';
import type { SentRequest } from '../../../core/api/requestHistory';
import { SourceLink } from '../components/SourceLink';

const STATUS_STYLE = { ok: 'text-emerald-300', client: 'text-amber-300', server: 'text-rose-300', other: 'text-slate-200' };

function ResponseDetails({ response, ms }: { response: HttpResponse; ms: number }) {
  const note = truncationNote(response);
  return (
    <>
      <p className="flex items-baseline gap-3">
        <span aria-label="Status" className={`font-mono text-sm font-semibold ${STATUS_STYLE[statusClass(response.status)]}`}>
          {statusLine(response.status)}
        </span>
        <span aria-label="Time" className="text-xs text-slate-400">
          {Math.round(ms)} ms
        </span>
      </p>
      {response.headers.length > 0 && (
        <table aria-label="Response headers" className="font-mono text-xs">
          <tbody>
            {response.headers.map(([name, value], i) => (
              <tr key={i}>
                <th scope="row" className="pr-2 text-left align-top font-normal text-slate-400">
                  {name}:
                </th>
                <td className="break-all text-slate-200">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {note && <p className="text-xs text-amber-300">{note}</p>}
      <pre
        aria-label="Response body"
        className="max-h-64 overflow-auto whitespace-pre-wrap break-all rounded bg-slate-900 p-2 font-mono text-xs text-slate-100"
      >
        {response.body === '' ? <span className="text-slate-500">(empty body)</span> : displayBody(response)}
      </pre>
    </>
  );
}

export function ResponseView({ sent }: { sent: SentRequest | null }) {
  if (!sent)
    return (
      <p className="text-sm text-slate-500">
        Nothing sent yet. Choose a method, type a path (and a JSON body to send one), then press Send or Ctrl/⌘+Enter: the request goes to
        your service, started from your files. Restart service stops it; its data is kept.
      </p>
    );
  const { outcome, request } = sent;
  return (
    <section aria-label="Response" className="flex flex-col gap-2">
      <h3 className="font-mono text-xs text-slate-400">
        {request.method} {request.path}
      </h3>
      {outcome.kind === 'response' && <ResponseDetails response={outcome.response} ms={outcome.ms} />}
      {outcome.kind === 'timed-out' && (
        <p role="status" className="text-sm text-amber-300">
          Timed out after {Math.round(outcome.ms)} ms: the handler did not answer. The service was stopped; the next Send starts it again.
        </p>
      )}
      {outcome.kind === 'error' && (
        <div role="status" className="text-sm text-rose-300">
          <p>
            The service could not answer
            {outcome.file && outcome.line ? (
              <>
                {' '}
                (<SourceLink at={{ file: outcome.file, line: outcome.line, column: 1 }} />)
              </>
            ) : null}
            :
          </p>
          <pre className="whitespace-pre-wrap break-all font-mono text-xs">{outcome.message}</pre>
        </div>
      )}
    </section>
  );
}
