import { defineConfig } from 'vitest/config'

// Unit and integration tests sit beside the code. The e2e suite (Playwright) runs separately.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    include: ['shared/**/*.test.ts', 'main/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
})
