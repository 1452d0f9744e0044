/**
 * What the app and its Local sandbox child say to each other (structured-clone messages over
 * Node's fork IPC or Electron's utilityProcess port). The child knows nothing of settings or
 * secrets: the app hands it the member to keep and the port to try.
 */
import type { SandboxLimits } from '../../sandbox/limits'

export interface ChildStart {
  type: 'start'
  dir: string
  port: number
  limits: Partial<SandboxLimits>
  /** The app's member, with the password it holds: kept (or created) with exactly that password. */
  member: { email: string; password: string }
  /** Process-wide cap on open connections in the child (every server it runs is the sandbox's). */
  maxConnections: number
}

export type ToChild =
  | ChildStart
  | { type: 'stop' }
  /** Honoured only when the child was started with UPSTREAM_SANDBOX_TEST_HOOKS=1: the OOM proof. */
  | { type: 'test-exhaust-memory' }

export type FromChild =
  | { type: 'ready'; port: number; endpoint: string; baseUrl: string; usernum: string }
  | { type: 'failed'; message: string }
