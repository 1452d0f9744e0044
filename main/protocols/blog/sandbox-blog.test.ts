import { defineBlogSuite } from './testing/blog-suite'
import { openSandboxBlog } from './testing/sandbox-target'

// The blog suite against the sandbox's blog: always runs, no setup needed.
defineBlogSuite('the sandbox blog', openSandboxBlog)
