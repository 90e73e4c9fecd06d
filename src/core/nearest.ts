/** "Did you mean …?": the closest allowed word to what was typed. */

/** Levenshtein distance, with an early exit once it exceeds `max`. */
export function distance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The candidate a person most likely meant: same word in another case, a small edit away (up to a
 * third of its length), or, failing that, the longest candidate the input contains or is contained in
 * (`persona_goal` -> `goal`).
 */
export function nearest(input: string, candidates: Iterable<string>): string | undefined {
  const lower = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  let contained: string | undefined;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    if (cl === lower) return c;
    const max = Math.max(1, Math.floor(Math.max(c.length, input.length) / 3));
    const d = distance(lower, cl, max);
    if (d <= max && d < bestScore) {
      best = c;
      bestScore = d;
    }
    if (
      cl.length >= 3 &&
      lower.length >= 3 &&
      (lower.includes(cl) || cl.includes(lower)) &&
      (!contained || c.length > contained.length)
    ) {
      contained = c;
    }
  }
  return best ?? contained;
}
