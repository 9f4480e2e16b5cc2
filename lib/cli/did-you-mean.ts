/** Edit distance between two short words: insertions, deletions, substitutions and swaps of neighbours. */
const distance = (a: string, b: string): number => {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      let best = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
};

/**
 * The candidate closest to `word`, if one is close enough to be a typo (at most a third of its
 * letters off) or starts with it: `didYouMean('strem', ['stream', 'serve'])` → `'stream'`.
 * Command lines are short and the candidates few, so the quadratic distance is cheap.
 */
export const didYouMean = (word: string, candidates: readonly string[]): string | undefined => {
  const typed = word.toLowerCase().slice(0, 64);
  let best: { candidate: string; score: number } | undefined;
  for (const candidate of candidates) {
    const score = candidate.startsWith(typed) && typed.length >= 3 ? 0 : distance(typed, candidate);
    if (
      score <= Math.max(1, Math.floor(candidate.length / 3)) &&
      (best === undefined || score < best.score)
    ) {
      best = { candidate, score };
    }
  }
  return best?.candidate;
};

/** ` Did you mean 'x'?` for a message, or nothing. */
export const suggestion = (
  word: string,
  candidates: readonly string[],
  quote = (text: string) => `'${text}'`,
) => {
  const closest = didYouMean(word, candidates);
  return closest === undefined ? '' : ` Did you mean ${quote(closest)}?`;
};
