/**
 * Nothing matches: say what hides the problems and offer the one click that brings them back — clearing
 * the search when there is one, else the filters.
 */
export function EmptyCatalog({
  text,
  filtered,
  onClearSearch,
  onClearFilters,
}: {
  /** The search as typed, trimmed ('' when none). */
  text: string;
  /** Whether a filter narrows the list as well. */
  filtered: boolean;
  onClearSearch(): void;
  onClearFilters(): void;
}) {
  const link = 'text-sky-400 underline hover:text-sky-300';
  if (text === '') {
    return (
      <p className="text-slate-400" data-testid="catalog-empty">
        No problem matches these filters —{' '}
        <button type="button" className={link} onClick={onClearFilters}>
          show every problem
        </button>
        .
      </p>
    );
  }
  return (
    <p className="text-slate-400" data-testid="catalog-empty">
      No problem matches “{text}”{filtered ? ' with these filters' : ''} —{' '}
      <button type="button" className={link} onClick={onClearSearch}>
        clear the search
      </button>
      {filtered && (
        <>
          {' '}
          or{' '}
          <button type="button" className={link} onClick={onClearFilters}>
            the filters
          </button>
        </>
      )}
      .
    </p>
  );
}
