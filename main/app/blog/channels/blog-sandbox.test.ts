import { defineBlogAppSuite } from '../testing/blog-app-suite'
import { sandboxBlogApp } from '../testing/blog-app'

// Blog accounts through the app against the Local sandbox's blog: always runs, no setup needed.
defineBlogAppSuite('the Local sandbox blog', sandboxBlogApp)
