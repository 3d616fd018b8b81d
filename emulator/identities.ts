import { randomBytes } from 'node:crypto'

/** The user every emulator token belongs to: the creator of every registration. */
export const TOKEN_USER_ID = '5d1c6c3e-7a0b-4f2e-9c41-2b8e0d6a9f17'

/** The organisation the token user belongs to. */
export const ORGANIZATION_ID = 'b0e4a2f9-3c6d-4e18-8f57-61a9d2c4e0b3'

/** A personal access token in the shape the CLI prints; random so no test can hard-code it. */
export function newEmulatorToken(): string {
  return 'gitpod_pat_emu_' + randomBytes(16).toString('hex')
}

/** An exchange or access token: random and long, so it reads like the secret it stands for. */
export function newRunnerCredential(): string {
  return randomBytes(32).toString('base64url')
}
