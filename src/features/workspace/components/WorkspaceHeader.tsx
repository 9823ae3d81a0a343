import { Link } from 'wouter';
import type { Problem } from '../../../core/problems/types';
import { LanguageSelect } from './LanguageSelect';
import { PhaseTimer } from './PhaseTimer';
import { AppNav } from '../../../shared/AppNav';
import { useProblemsHref } from '../../../shared/navContext';
import { ThemeSwitch } from '../../theme';

export function WorkspaceHeader({ problem }: { problem: Problem }) {
  const problemsHref = useProblemsHref();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-800 px-4 py-1.5">
      <Link href={problemsHref} className="text-sm text-slate-400 hover:text-slate-200">
        ← Problems
      </Link>
      <AppNav withProblems={false} />
      <h1 className="text-lg font-semibold">{problem.title}</h1>
      <span className="text-xs text-slate-500">
        {problem.kind} · {problem.difficulty}
      </span>
      <LanguageSelect problem={problem} />
      <ThemeSwitch />
      <div className="ml-auto">
        <PhaseTimer problem={problem} />
      </div>
    </header>
  );
}
