export { startSandbox, type Sandbox, type SandboxOptions } from './sandbox'
export type { SandboxLimits } from './limits'
