// Runs after the post step of the action under test: every registration the job made must be
// deleted by now, and none may have lapsed while the job ran.
const url = process.env['INPUT_EMULATOR-URL']

const response = await fetch(`${url}/_emulator/registrations`)
if (!response.ok) throw new Error(`the emulator answered ${response.status}`)
const registrations = await response.json()

const problems = []
if (registrations.length === 0) problems.push('the emulator saw no registration')
for (const { runnerId, deleted, lapses, renewals } of registrations) {
  console.log(`${runnerId}: deleted ${deleted}, ${renewals} renewals, ${lapses} lapses`)
  if (!deleted) problems.push(`registration ${runnerId} is still there after the post step`)
  if (lapses > 0) problems.push(`registration ${runnerId} lapsed ${lapses} times`)
}

for (const problem of problems) console.log(`::error::${problem}`)
if (problems.length > 0) process.exitCode = 1
