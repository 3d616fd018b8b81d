import * as core from '@actions/core'

import { callPolicy } from '../api/call-policy.js'
import { withRetries } from '../api/retry.js'
import type { RunnerService } from '../api/runner-service.js'
import { redactSecrets } from '../spec/redact.js'

/**
 * `dry-run: true`: everything is checked and the token proven with a read-only call, and the
 * request that would be sent is shown with its secrets redacted. Nothing is created, so the post
 * step has nothing to do.
 */
export async function dryRun(
  service: RunnerService,
  request: { name: string },
  deadline: number,
): Promise<void> {
  const identity = await withRetries('GetAuthenticatedIdentity', callPolicy(deadline, core), () =>
    service.getAuthenticatedIdentity(),
  )
  const who = identity.subject?.id ? ` (${identity.subject.principal} ${identity.subject.id})` : ''
  core.info(`Dry run: the token is valid${who}. This CreateRunner request would be sent:`)
  core.info(JSON.stringify(redactSecrets(request), null, 2))
  core.info('Nothing was created.')
  core.setOutput('name', request.name)
}
