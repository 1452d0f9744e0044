import { defineConfig } from '@playwright/test'
import { existsSync } from 'node:fs'

// Debian's Chromium where it is installed (machines without internet can't download Playwright's);
// Playwright's own browser elsewhere. UPSTREAM_CHROMIUM overrides both.
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p))
const executablePath = process.env.UPSTREAM_CHROMIUM || systemChromium

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  // Timing proofs (the 50 MB enclosure's long-task check) run by themselves after everything else,
  // so another test's browser sharing the two cores can't stretch the renderer's tasks.
  projects: [
    { name: 'app', testIgnore: /enclosure\.spec\.ts/ },
    { name: 'timing', testMatch: /enclosure\.spec\.ts/, dependencies: ['app'] },
  ],
  use: {
    headless: true,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
})
