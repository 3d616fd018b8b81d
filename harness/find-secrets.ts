import { encodedForms } from './masking.js'
import type { StepResult } from './types.js'

/**
 * Which of `secrets` occur, raw, base64 or URL-encoded, in a text, or in what a step showed the
 * world (stdout, stderr, log and summary; outputs are left out, since an action may hand a secret
 * to later steps on purpose). `::add-mask::` lines are ignored: they are how masking works.
 */
export function findSecrets(result: StepResult | string, secrets: string[]): string[] {
  const text = typeof result === 'string' ? result : visibleText(result)
  const searched = text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('::add-mask::'))
    .join('\n')

  return secrets.filter(
    (secret) => secret !== '' && encodedForms(secret).some((form) => searched.includes(form)),
  )
}

function visibleText(result: StepResult): string {
  return [result.stdout, result.stderr, result.log, result.summary].join('\n')
}
