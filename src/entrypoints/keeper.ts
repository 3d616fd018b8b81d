import { run } from '../keep-alive/keeper.js'

await run()
