/**
 * Quick open's matching (Ctrl/⌘+P): the project's paths that match what was typed, best first. A path
 * matches when the typed characters appear in it in order (case ignored), so "chh" finds chat/handlers.ts;
 * a match in the file's name ranks before one spread over its folders, and a whole run of the typed text
 * before scattered letters.
 */
export function matchPaths(query: string, paths: readonly string[]): string[] {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (q === '') return [...paths];
  const scored: { path: string; score: number; index: number }[] = [];
  paths.forEach((path, index) => {
    const score = scorePath(q, path.toLowerCase());
    if (score !== null) scored.push({ path, score, index });
  });
  return scored.sort((a, b) => a.score - b.score || a.index - b.index).map((s) => s.path);
}

/** Lower is better; null when the letters are not all in the path, in order. */
function scorePath(q: string, path: string): number | null {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (name.startsWith(q)) return 0;
  if (name.includes(q)) return 1;
  if (path.includes(q)) return 2;
  if (isSubsequence(q, name)) return 3;
  return isSubsequence(q, path) ? 4 : null;
}

function isSubsequence(q: string, text: string): boolean {
  let i = 0;
  for (const ch of text) if (ch === q[i]) i++;
  return i === q.length;
}
