import type { IncomingMessage } from 'node:http'
import type { XmlRpcValue } from '../xmlrpc/values'
import type { Discussions } from './discuss-store'
import type { FileStore } from './file-store'
import type { SandboxLimits } from './limits'
import type { Members } from './members'
import type { Subscriptions } from './subscriptions'

/** What every sandbox namespace shares. */
export interface SandboxContext {
  /** The sandbox's data directory. */
  dir: string
  /** http://127.0.0.1:PORT — computed at call time, since the port is known only after listen. */
  baseUrl(): string
  port(): number
  /** Shown in pages and capabilities. */
  title: string
  limits: SandboxLimits
  /** The clock (tests move it); the sandbox reports times in UTC. */
  now(): Date
  members: Members
  files: FileStore
  discussions: Discussions
  subscriptions: Subscriptions
  /** Something at these URL paths changed: subscribers hear about it. */
  changed(urlPaths: string[]): void
}

/** The part of the engine's server the namespaces need: registration with introspection data. */
export interface MethodRegistry {
  register(
    name: string,
    handler: (params: XmlRpcValue[], call: { req: IncomingMessage }) => XmlRpcValue | Promise<XmlRpcValue>,
    meta?: { signature?: string[][]; help?: string },
  ): void
}
