/** Edit distance (insert, delete, substitute), for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)

  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution))
    }
    previous = current
  }

  return previous[b.length]
}

/**
 * The candidate closest to `word`, compared case-insensitively, or undefined when even the
 * closest one differs in more than about half of the word: then a suggestion would only confuse.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: { candidate: string; distance: number } | undefined

  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase())
    if (best === undefined || distance < best.distance) best = { candidate, distance }
  }

  const allowed = Math.max(2, Math.ceil(lower.length / 2))
  return best !== undefined && best.distance <= allowed ? best.candidate : undefined
}
