/**
 * Levenshtein distance (insert, delete, substitute) in which swapping two neighbours also counts
 * as one edit, since `regoin` for `region` is the commonest typo of all.
 */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  )

  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
      }
    }
  }

  return rows[a.length][b.length]
}

/**
 * The candidate closest to `word`, compared case-insensitively, or undefined when even the
 * closest one needs more than one edit per three characters: then a suggestion would only confuse.
 */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase()
  let best: { candidate: string; distance: number } | undefined

  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (best === undefined || distance < best.distance) best = { candidate, distance }
  }

  const allowed = Math.max(1, Math.floor(lower.length / 3))
  return best !== undefined && best.distance <= allowed ? best.candidate : undefined
}
