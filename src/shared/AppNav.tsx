import { Link, useLocation } from 'wouter';
import { useNavStatus, useProblemsHref } from './navContext';

interface NavItem {
  href: string;
  label: string;
  /** Whether a path lies in this section (the replay of a session is still in Sessions). */
  inSection: (path: string) => boolean;
}

const ITEMS: readonly NavItem[] = [
  { href: '/', label: 'Problems', inSection: (p) => p === '/' || p.startsWith('/problems/') },
  { href: '/sessions', label: 'Sessions', inSection: (p) => p === '/sessions' || p.startsWith('/sessions/') },
  { href: '/plan', label: 'Plan', inSection: (p) => p === '/plan' },
  { href: '/progress', label: 'Progress', inSection: (p) => p === '/progress' },
];

/**
 * The app's main navigation. The current page is marked `aria-current="page"`; a page inside a section
 * (a problem's workspace, a session's replay) marks its section with `aria-current="true"`.
 * `withProblems={false}` leaves the Problems link out where the page already has its own way back to
 * the problems (the workspace header). "Problems" returns to the catalog as last filtered; what the app
 * adds beside the links (a recording going on in the background) comes from `NavContext`.
 */
export function AppNav({ withProblems = true }: { withProblems?: boolean }) {
  const [path] = useLocation();
  const problemsHref = useProblemsHref();
  const status = useNavStatus();
  const items = withProblems ? ITEMS : ITEMS.filter((item) => item.href !== '/');
  return (
    <nav aria-label="Main" className="flex flex-wrap items-center gap-2 text-sm">
      <ul className="flex items-center gap-1">
        {items.map((item) => {
          const current = path === item.href ? 'page' : item.inSection(path) ? 'true' : undefined;
          return (
            <li key={item.href}>
              <Link
                href={item.href === '/' ? problemsHref : item.href}
                aria-current={current}
                className={`rounded px-2 py-1 ${current ? 'bg-slate-800 text-slate-100' : 'text-slate-400 hover:text-slate-200'}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      {status}
    </nav>
  );
}
