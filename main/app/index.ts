export { startCore } from './core'
export type { Core, CoreOptions } from './core-types'
export { defaultDataDir, resolveDataDir } from './data-dir'
