/**
 * A question the candidate typed, matched against the clarifying questions a design problem lists, by
 * plain word overlap: the listed questions whose words (lower-cased, small words left out, a trailing
 * plural "s" dropped) share the most with the typed one, best first. Good enough to say "the interviewer
 * has an answer for this": no stemming dictionary, no model, the same answer every time.
 */

/** Words that say nothing about which question is meant. */
const SMALL_WORDS = new Set(
  'a an the and or of to in on for with by at is are be do does did we you it its this that what which who how many much should would can could will there their our your need needs any as from per if so than then'.split(
    ' ',
  ),
);

/** The words of a question that carry its meaning. */
export function questionWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(
    words
      .filter((w) => !SMALL_WORDS.has(w))
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w)),
  );
}

/**
 * The listed questions closest to `typed`, best first, at most `limit`; only those sharing at least one
 * meaningful word. Ties keep the listed order.
 */
export function closestQuestions(typed: string, listed: readonly string[], limit = 3): string[] {
  const wanted = questionWords(typed);
  if (wanted.size === 0) return [];
  return listed
    .map((question, index) => {
      const words = questionWords(question);
      const shared = [...wanted].filter((w) => words.has(w)).length;
      // Shared words count most; among equals, the listed question with fewer other words is closer.
      return { question, index, shared, score: shared / Math.sqrt(Math.max(1, words.size)) };
    })
    .filter((m) => m.shared > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.question);
}
