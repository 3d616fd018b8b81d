/** Order statistics for benchmark samples; linear interpolation between closest ranks. */
export function quantile(samples: number[], q: number): number {
  if (samples.length === 0) throw new Error('quantile of no samples')

  const sorted = [...samples].sort((a, b) => a - b)
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.ceil(position)
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below)
}

export const median = (samples: number[]): number => quantile(samples, 0.5)

export const sum = (samples: number[]): number => samples.reduce((total, value) => total + value, 0)

export function ratio(value: number): string {
  return `${value.toFixed(2)}x`
}

export function ms(value: number): string {
  return `${value.toFixed(value < 10 ? 1 : 0)} ms`
}

export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(0)} KB`
}

export function mb(kilobytes: number): string {
  return `${(kilobytes / 1024).toFixed(1)} MB`
}
