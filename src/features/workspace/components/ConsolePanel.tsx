import { emptyConsoleText } from '../runLabels';
import { useWorkspace } from '../useWorkspace';
import { LinkedText, useLocationSplitter } from './SourceLink';

const LEVEL_STYLE = {
  log: 'text-slate-200',
  info: 'text-sky-300',
  debug: 'text-slate-400',
  warn: 'text-amber-300',
  error: 'text-rose-300',
};

export function ConsolePanel() {
  const lines = useWorkspace((s) => s.console);
  const language = useWorkspace((s) => s.language);
  const split = useLocationSplitter();
  return (
    <section role="region" aria-label="Console" className="h-full overflow-auto p-3 font-mono text-xs">
      {lines.length === 0 ? (
        <p className="font-sans text-sm text-slate-500">{emptyConsoleText(language)}</p>
      ) : (
        <ol>
          {lines.map((l, i) => (
            <li key={i} className={`whitespace-pre-wrap ${LEVEL_STYLE[l.level]}`}>
              <LinkedText text={l.text} split={split} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
