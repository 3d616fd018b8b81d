import './hold-sigint.js'
import { run } from '../post.js'

await run()
