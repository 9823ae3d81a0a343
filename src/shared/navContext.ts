/**
 * What the main navigation gets from the app around it (`app/` provides it): where "Problems" leads (the
 * catalog as last filtered, searched and ordered) and what to show beside the links (a session recording in
 * the background). A context, because the navigation sits in every page and `shared/` reaches no feature.
 */
import { createContext, useContext, type ReactNode } from 'react';

export interface NavExtras {
  /** The catalog with its last query, e.g. `/?kind=coding&q=rate`. */
  problemsHref: string;
  /** Shown after the links on every page (null: nothing). */
  status: ReactNode;
}

export const NavContext = createContext<NavExtras>({ problemsHref: '/', status: null });

/** "← Problems" and the Problems link: back to the catalog as the person left it. */
export function useProblemsHref(): string {
  return useContext(NavContext).problemsHref;
}

export function useNavStatus(): ReactNode {
  return useContext(NavContext).status;
}
