/** Kept equal to package.json's version by a test, so the bundle needs no JSON import. */
export const ACTION_VERSION = '0.1.0'

export const ACTION_NAME = 'gitpod-runner-action'

export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION} (node ${process.version})`
