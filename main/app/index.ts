export { startCore } from './core/core'
export type { Core, CoreOptions } from './core/core-types'
export { defaultDataDir, resolveDataDir } from './core/data-dir'
