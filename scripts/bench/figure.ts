/**
 * One result of the benchmark: a value compared with its target, plus the absolute figures it
 * came from. `met` is undefined for figures that are informative only.
 */
export interface Figure {
  /** The brief's numbering: '1a', '4b', ... */
  id: string
  title: string
  value: string
  target?: string
  met?: boolean
  details: string[]
}

export function verdict(figure: Figure): string {
  if (figure.met === undefined) return 'informative'
  return figure.met ? 'target met' : 'target MISSED'
}

export function printFigure(figure: Figure): void {
  const target = figure.target ? ` (target ${figure.target})` : ''
  console.log(`[${figure.id}] ${figure.title}: ${figure.value}${target} -> ${verdict(figure)}`)
  for (const line of figure.details) console.log(`      ${line}`)
}
