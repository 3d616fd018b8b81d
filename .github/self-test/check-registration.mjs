// A step after `uses: ./` in the self-test: checks what a user of the action relies on while the
// job runs. The outputs are set, and the emulator holds the registration from the spec file,
// active and renewed by the keeper in the background (so renewals keep coming after main ended).
// Usage: EMULATOR_URL=… RUNNER_ID=… EXCHANGE_TOKEN=… RENEW_INTERVAL=… node check-registration.mjs
const { EMULATOR_URL, RUNNER_ID, EXCHANGE_TOKEN, RENEW_INTERVAL } = process.env
const EXPECTED_NAME = 'Production Runner'

const problems = []
const expect = (ok, problem) => ok || problems.push(problem)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function registration() {
  const response = await fetch(`${EMULATOR_URL}/_emulator/registrations`)
  if (!response.ok) throw new Error(`the emulator answered ${response.status}`)
  const all = await response.json()
  return all.find((one) => one.runnerId === RUNNER_ID)
}

function describe({ name, phase, renewals, lapses }) {
  return `${name}: ${phase}, renewals ${renewals}, lapses ${lapses}`
}

async function main() {
  expect(/^[0-9a-f-]{36}$/.test(RUNNER_ID ?? ''), `output runner-id is not a UUID: "${RUNNER_ID}"`)
  // Never printed: the action masked it, and this check only needs to know it is there.
  expect((EXCHANGE_TOKEN ?? '').length > 0, 'output exchange-token is empty')

  const first = await registration()
  if (!first) throw new Error(`the emulator has no registration ${RUNNER_ID}`)
  console.log(`now:   ${describe(first)}`)

  // Three intervals: the keeper must renew at least twice more, even on a slow runner.
  await sleep(3 * Number(RENEW_INTERVAL) * 1000)
  const later = await registration()
  if (!later) throw new Error(`the registration ${RUNNER_ID} disappeared from the emulator`)
  console.log(`later: ${describe(later)}`)

  expect(later.name === EXPECTED_NAME, `name is "${later.name}", not the spec file's`)
  expect(later.phase === 'RUNNER_PHASE_ACTIVE', `phase is ${later.phase}, not active`)
  expect(!later.deleted, 'the registration was deleted before the post step')
  expect(later.lapses === 0, `the registration lapsed ${later.lapses} times`)
  expect(later.renewals > 1, `only ${later.renewals} renewal: the keeper is not renewing`)
  expect(later.renewals > first.renewals, 'no renewal while the job ran: no keeper')
}

try {
  await main()
} catch (error) {
  problems.push(error.message)
}
for (const problem of problems) console.log(`::error::${problem}`)
if (problems.length > 0) process.exitCode = 1
