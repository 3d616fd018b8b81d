import { problem, quote } from './place.js'
import type { UpdateWindow } from './types.js'
import { hour } from './values.js'

const shortestWindow = 2

/** The API's own rules: startHour required, endHour defaults to start + 2, at least 2 hours. */
export function updateWindow(window: UpdateWindow): UpdateWindow {
  const { startHour, endHour } = window
  if (startHour === undefined) {
    problem(
      'has no startHour; set startHour to a UTC hour (0 to 23); endHour defaults to startHour + 2',
    )
  }

  // Overnight windows such as 22-4 wrap around midnight.
  const hours = endHour === undefined ? shortestWindow : (endHour - startHour + 24) % 24
  if (hours < shortestWindow) {
    const example = `${startHour}-${(startHour + shortestWindow) % 24}`
    problem(
      `${startHour}-${endHour} is ${hours} ${hours === 1 ? 'hour' : 'hours'} long; ` +
        `an update window needs at least ${shortestWindow} hours, e.g. ${example}`,
    )
  }

  return window
}

const inputPattern = /^(\d{1,2})(?::00)?(?:\s*-\s*(\d{1,2})(?::00)?)?$/

/** The update-window input: `22-4` (22:00 to 04:00 UTC) or `22` alone (endHour left to the API). */
export function inputUpdateWindow(raw: string): UpdateWindow {
  const match = inputPattern.exec(raw.trim())
  if (match === null) {
    problem(
      `${quote(raw)} is not an update window; write START-END in UTC hours, e.g. 22-4, ` +
        'or START alone for a two-hour window',
    )
  }

  const startHour = hour(Number(match[1]))
  const window: UpdateWindow =
    match[2] === undefined ? { startHour } : { startHour, endHour: hour(Number(match[2])) }
  return updateWindow(window)
}
