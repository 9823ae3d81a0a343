/**
 * Places in the candidate's project named in text a run printed ("at chat/hub.ts:12:5", "(solution.py:7)"),
 * so the results and the console can make each a link that opens the file there. Only the project's own
 * paths count: any other `name:number` is left as text.
 */
export interface SourceLocation {
  /** A project path, e.g. 'chat/hub.ts'. */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based; 1 when the text names only the line. */
  column: number;
}

export type TextSegment = { text: string; at?: undefined } | { text: string; at: SourceLocation };

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `text` cut into plain runs and `path:line[:column]` runs naming one of `paths`. */
export function splitLocations(text: string, paths: readonly string[]): TextSegment[] {
  return locationSplitter(paths)(text);
}

/** `splitLocations` for many texts and the same paths (the pattern is made once). */
export function locationSplitter(paths: readonly string[]): (text: string) => TextSegment[] {
  if (paths.length === 0) return (text) => (text === '' ? [] : [{ text }]);
  // Longest first, so 'chat/hub.ts' wins over a file 'hub.ts'; a path must not continue a longer name.
  const alternatives = [...paths].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern = new RegExp(`(?<![\\w./-])(${alternatives.join('|')}):(\\d+)(?::(\\d+))?`, 'g');
  return (text) => {
    const segments: TextSegment[] = [];
    let last = 0;
    for (const m of text.matchAll(pattern)) {
      const line = Number(m[2]);
      if (line < 1) continue;
      if (m.index > last) segments.push({ text: text.slice(last, m.index) });
      segments.push({ text: m[0], at: { file: m[1]!, line, column: m[3] ? Math.max(1, Number(m[3])) : 1 } });
      last = m.index + m[0].length;
    }
    if (last < text.length) segments.push({ text: text.slice(last) });
    return segments;
  };
}
