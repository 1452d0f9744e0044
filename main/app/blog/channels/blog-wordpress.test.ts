import { it } from 'vitest'
import { findWordPress } from '../../../protocols/blog/testing/wordpress-env'
import { defineBlogAppSuite } from '../testing/blog-app-suite'
import { wordPressBlogApp } from '../testing/blog-app'

// Blog accounts through the app against a real WordPress (scripts/wordpress/setup.sh). Without
// one this file skips and says how to set it up; with UPSTREAM_WORDPRESS_URL set it must be there.
const found = await findWordPress()
if ('env' in found) defineBlogAppSuite(`WordPress at ${found.env.url}`, wordPressBlogApp(found.env))
else it.skip(found.skip, () => {})
