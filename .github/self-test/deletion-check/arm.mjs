// The main step has nothing to do: it only makes the runner schedule check.mjs as a post step.
console.log('The registration is checked after the post step of the action under test.')
