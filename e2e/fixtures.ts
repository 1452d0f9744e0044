import { test as base } from '@playwright/test'
import { startHost, type RunningHost } from './app-host'

/** Every test gets its own app (fresh data directory) and the app's log when it fails. */
export const test = base.extend<{ app: RunningHost }>({
  app: async ({}, use, testInfo) => {
    const app = await startHost()
    await use(app)
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('app.log', { body: app.log(), contentType: 'text/plain' })
    await app.stop()
  },
})

export { expect } from '@playwright/test'
