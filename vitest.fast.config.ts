import { configDefaults, defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config'

// `npm run test:fast`: the unit and integration tests a change is checked with while working (no
// build, no e2e). What it leaves out, each for a reason; `npm test` runs everything.
export const slowSuites = [
  // Crash and soak proofs: kill child processes mid-write or run thousands of jobs.
  'main/app/queue/crashtest.test.ts',
  'main/store/crashtest.test.ts',
  'main/app/queue/soak.test.ts',
  // The real WordPress (a PHP server on loopback): seconds per round trip, and set up only where
  // scripts/wordpress/setup.sh ran.
  'main/app/blog/channels/blog-wordpress.test.ts',
  'main/protocols/blog/wordpress.test.ts',
  // Python community-server peers (pycs-like, the sandbox proof): each suite starts Python servers.
  'main/protocols/community-pycs.test.ts',
  'main/protocols/discussion-pycs.test.ts',
  'main/protocols/pycs-clients.test.ts',
  'main/weblog/site-sync-pycs.test.ts',
  'main/sandbox/python-proof.test.ts',
  'main/xmlrpc/interop-python.test.ts',
  // Several real processes: two faces on one data folder, the Local sandbox's kill and OOM proofs,
  // the CLI's serve and sandbox processes, two sandboxes on one state folder.
  'main/app/core/two-process.test.ts',
  'main/app/local-sandbox/local-sandbox.test.ts',
  'main/cli/serve-start.test.ts',
  'main/cli/sandbox-users.test.ts',
  'main/sandbox/state-lock.test.ts',
  // Read the build (out/), which test:fast does not make.
  'main/app/core/electron-boundary.test.ts',
  'main/electron/electronegativity.test.ts',
  // A tmpfs mounted to fill the disk (root only).
  'main/store/drafts-disk-full.test.ts',
  // The longest single suites (10–15 s each here): the blog app against the sandbox blog (its protocol
  // suite, main/protocols/blog/sandbox-blog.test.ts, stays), a 50 MB enclosure end to end.
  'main/app/blog/channels/blog-sandbox.test.ts',
  'main/app/drafts/channels/drafts-files.test.ts',
]

export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [...configDefaults.exclude, ...slowSuites],
      // Vitest's default on 2 cores is one worker; these suites mostly wait on sockets and child
      // processes, and each uses its own ports and temp folders (as they must where CI has more cores).
      maxWorkers: 4,
      minWorkers: 1,
    },
  }),
)
