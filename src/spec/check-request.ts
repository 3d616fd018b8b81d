import { ActionError } from '../action-error.js'
import { deprecation, shortForm, type EnumName } from './enums.js'
import type { Layer, Setting } from './layer.js'
import { fail, type Annotation } from './place.js'

export interface SpecWarning {
  message: string
  annotation?: Annotation
}

const managed = 'RUNNER_PROVIDER_MANAGED'
const localConfiguration = 'RUNNER_KIND_LOCAL_CONFIGURATION'

// `spec` alone could be read as the spec: field inside the document.
const atTopLevel = 'at the top level of the spec file or spec input'

/**
 * The rules that join several fields, checked on the merged layers so that each message can
 * point at the source that set the field last. Returns warnings for deprecated values.
 */
export function checkMergedRequest(merged: Layer): SpecWarning[] {
  const provider = merged.get('provider')
  const kind = merged.get('kind')

  if (provider !== undefined && kind !== undefined) {
    // Only one source can have set both: a source that sets one drops the other's earlier value.
    fail(
      { ...kind.place, field: undefined },
      'kind and provider are both set, but the API takes only one: remove kind ' +
        '(provider implies the kind)',
    )
  }
  if (provider === undefined && kind === undefined) {
    throw new ActionError(
      'No runner provider is set: set the provider input (e.g. provider: aws-ec2), ' +
        `or provider ${atTopLevel} (e.g. provider: RUNNER_PROVIDER_AWS_EC2)`,
    )
  }
  if (kind?.value === localConfiguration) {
    // The API refuses it; saying so here saves a call and names the place.
    fail(
      { ...kind.place, field: undefined },
      `kind ${localConfiguration} cannot be created: it is the system runner every ` +
        'organisation already has; set provider aws-ec2 or gcp instead',
    )
  }

  checkRunnerManager(merged, provider, kind)

  return [
    ...deprecationWarning('RunnerProvider', 'provider', provider),
    ...deprecationWarning('RunnerKind', 'kind', kind),
  ]
}

function checkRunnerManager(
  merged: Layer,
  provider: Setting | undefined,
  kind: Setting | undefined,
): void {
  const runnerManager = merged.get('runnerManagerId')

  if (provider?.value === managed && runnerManager === undefined) {
    fail(
      { ...provider.place, field: undefined },
      `provider ${managed} needs a runner manager: set the runner-manager-id input, ` +
        `or runnerManagerId ${atTopLevel}, to the runner manager's UUID`,
    )
  }
  if (provider?.value !== managed && runnerManager !== undefined) {
    const chosen =
      provider === undefined
        ? `the kind is ${String(kind?.value)}`
        : `the provider is ${String(provider.value)}`
    // Someone who set the input has never seen the field's name.
    const fromInput = runnerManager.place.input !== undefined
    fail(
      { ...runnerManager.place, field: undefined },
      `${fromInput ? 'a runner manager' : 'runnerManagerId'} is only for managed runners ` +
        `(provider managed), but ${chosen}: ` +
        (fromInput ? 'remove this input' : 'remove runnerManagerId'),
    )
  }
}

function deprecationWarning(
  enumName: EnumName,
  field: string,
  setting: Setting | undefined,
): SpecWarning[] {
  const value = setting?.value
  const advice = typeof value === 'string' ? deprecation(enumName, value) : undefined
  if (setting === undefined || advice === undefined) return []

  const { where, annotation } = setting.place
  const message =
    `${where}: ${field} ${String(value)} (${shortForm(enumName, String(value))}) is ` +
    `deprecated: ${advice}`
  return [{ message, annotation }]
}
