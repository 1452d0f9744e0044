import { join } from 'node:path'

/**
 * Where the bundle's siblings live. main.ts is bundled to out/electron/main.cjs (CommonJS, so
 * `__dirname` is that folder), the preload to out/electron/preload.cjs, and Vite writes the
 * renderer to out/renderer/. In a package they sit side by side inside app.asar.
 */
export const bundleDir = __dirname
export const preloadPath = (): string => join(bundleDir, 'preload.cjs')
export const rendererRoot = (): string => join(bundleDir, '..', 'renderer')
