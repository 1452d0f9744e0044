import { it } from 'vitest'
import { defineBlogSuite } from './testing/blog-suite'
import { findWordPress } from './testing/wordpress-env'
import { wordPressTarget } from './testing/wordpress-target'

// The blog suite against a real WordPress (Debian's package, MariaDB, PHP on loopback), checked in
// its database. scripts/wordpress/setup.sh makes one; without it this file skips and says how.
const found = await findWordPress()
if ('env' in found) defineBlogSuite(`WordPress at ${found.env.url}`, async () => wordPressTarget(found.env))
else it.skip(found.skip, () => {})
